package io.cinch.cli;

import io.cinch.demo.Tutorial;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cinch demo [DIR]}: the CinchDB tutorial, carried out in a project of its own. */
@Command(name = "demo", description = "Run the CinchDB multi-tenant SaaS tutorial in DIR: schema on a branch, "
        + "merge, onboarding, a tenant-checking HTTP API, statistics, backups. DIR must be new, empty, or a "
        + "previous demo's (which is replaced); nothing else is ever deleted.")
final class DemoCommand extends Subcommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = "target/tutorial-pm", description = "Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Tutorial.runIn(dir, spec.commandLine().getOut());
        return 0;
    }
}
