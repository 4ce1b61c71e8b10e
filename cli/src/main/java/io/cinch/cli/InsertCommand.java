package io.cinch.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cinch insert TABLE --tenant T --data JSON}: inserts rows into one tenant, all or none, and prints their ids. */
@Command(name = "insert", description = "Insert rows (a JSON object or array of objects) into a tenant's table; "
        + "prints the new ids.")
final class InsertCommand extends Subcommand implements Callable<Integer> {

    @Parameters(paramLabel = "TABLE")
    String table;

    @Option(names = "--tenant", paramLabel = "NAME", defaultValue = "main", description = "Default: main.")
    String tenant;

    @Option(names = "--data", paramLabel = "JSON", required = true,
            description = "e.g. '{\"email\": \"a@b.c\", \"active\": true}' or '[{...}, {...}]'.")
    String data;

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> rows = JsonRows.parse(data);
        List<Object[]> ids = new ArrayList<>();
        try (Connection db = cinch().connect(tenant)) {
            db.setAutoCommit(false);
            for (Map<String, Object> row : rows) {
                String sql = "INSERT INTO " + quote(table) + " ("
                        + row.keySet().stream().map(Subcommand::quote).collect(Collectors.joining(", ")) + ") VALUES ("
                        + row.keySet().stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
                try (PreparedStatement ps = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                    int i = 1;
                    for (Object value : row.values()) {
                        ps.setObject(i++, value);
                    }
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.add(new Object[] {keys.getObject(1)});
                        }
                    }
                }
            }
            db.commit();
        }
        print(new Output.Rows(List.of("id"), ids));
        return 0;
    }
}
