package io.cinch.cli;

import picocli.CommandLine.Option;

/** {@code --tenant NAME} or {@code --all-tenants}: the tenant a query runs on, or every tenant ({@code tenant=*}). */
final class TenantChoice {

    @Option(names = "--tenant", paramLabel = "NAME", description = "Default: main.")
    String tenant;

    @Option(names = "--all-tenants", description = "Every tenant at once, read-only; the first column is _tenant.")
    boolean all;

    /** The URL's tenant value. */
    static String of(TenantChoice choice) {
        return choice == null ? "main" : choice.all ? "*" : choice.tenant;
    }
}
