package io.cinch.schema;

import io.cinch.progress.Operation;
import io.cinch.progress.Progress;
import io.cinch.sql.SqlState;
import io.cinch.store.Branch;
import io.cinch.store.Change;
import io.cinch.store.Database;
import io.cinch.store.Layout;
import io.cinch.store.Project;
import io.cinch.store.Tenant;
import java.sql.SQLException;
import java.util.List;

/** Creates and deletes branches: a new branch starts with its source's schema, change log, tenants and data. */
public final class Branches {

    private Branches() {
    }

    /**
     * Creates branch {@code name} from {@code source}: the log is shared change by change, the template and every
     * tenant's file are copied consistently, all under the metadata lock, and recorded only once all is copied.
     */
    public static Branch create(Project project, Database database, String name, Branch source) throws SQLException {
        Layout layout = project.layout();
        return project.metadata().write(v -> {
            if (v.branch(database.id(), name).isPresent()) {
                throw SqlState.ALREADY_EXISTS.exception("branch '" + name + "' already exists");
            }
            Branch branch = v.insertBranch(database.id(), name, source.name());
            try {
                project.tenantFiles().createTemplate(branch, layout.template(source.databaseId(), source.id()));
                for (Change change : v.changes(source.id())) {
                    v.appendChange(branch.id(), change);
                }
                List<Tenant> tenants = v.tenants(source.id());
                try (Operation progress = Progress.start("create_branch", name, tenants.size())) {
                    for (Tenant tenant : tenants) {
                        Tenant copy = v.insertTenant(branch, tenant.name(), tenant.createdAt(), tenant.materialized());
                        if (tenant.materialized()) {
                            project.tenantFiles().copy(layout.tenant(tenant), layout.tenant(copy));
                        }
                        progress.step();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                project.tenantFiles().deleteBranchFiles(branch);
                throw e;
            }
            return branch;
        });
    }

    /** Deletes a branch other than {@code main}, with its tenants and their files. */
    public static void delete(Project project, Branch branch) throws SQLException {
        if (branch.name().equals("main")) {
            throw SqlState.NOT_ALLOWED.exception("branch 'main' cannot be deleted");
        }
        project.metadata().write(v -> {
            v.deleteBranch(branch.id());
            v.doom(project.layout().branch(branch.databaseId(), branch.id()));
            return null;
        });
        project.tenantFiles().deleteDoomed();
    }
}
