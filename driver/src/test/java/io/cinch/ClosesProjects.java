package io.cinch;

import io.cinch.store.Project;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes the projects no connection uses after each test and test class, before JUnit deletes their temporary
 * directories, so that no background catch-up still writes in a directory being deleted.
 */
public final class ClosesProjects implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        Project.closeUnused();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Project.closeUnused();
    }
}
