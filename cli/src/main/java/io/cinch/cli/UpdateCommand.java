package io.cinch.cli;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cinch update TABLE --tenant T --data JSON --where SQL}: sets columns of a tenant's matching rows. */
@Command(name = "update", description = "Set columns (a JSON object) of the rows of a tenant's table that match --where.")
final class UpdateCommand extends Subcommand implements Callable<Integer> {

    @Parameters(paramLabel = "TABLE")
    String table;

    @Option(names = "--tenant", paramLabel = "NAME", defaultValue = "main", description = "Default: main.")
    String tenant;

    @Option(names = "--data", paramLabel = "JSON", required = true, description = "e.g. '{\"status\": \"done\"}'.")
    String data;

    @Option(names = "--where", paramLabel = "SQL", required = true,
            description = "An SQL condition, e.g. \"id = 'abc'\" (1=1 for every row).")
    String where;

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> rows = JsonRows.parse(data);
        if (rows.size() != 1) {
            throw new java.sql.SQLException("update takes one JSON object", "22023");
        }
        Map<String, Object> set = rows.get(0);
        String sql = "UPDATE " + quote(table) + " SET "
                + set.keySet().stream().map(k -> quote(k) + " = ?").collect(Collectors.joining(", ")) + " WHERE " + where;
        try (Connection db = cinch().connect(tenant)) {
            print(db, sql, set.values().toArray());
        }
        return 0;
    }
}
