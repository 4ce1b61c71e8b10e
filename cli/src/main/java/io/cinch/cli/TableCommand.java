package io.cinch.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cinch table ...}: the branch's tables; creating one is a change of the branch. */
@Command(name = "table", description = "List, create and describe the branch's tables.")
final class TableCommand extends Subcommand {

    @Command(description = "List the branch's tables.")
    int list() throws Exception {
        try (Connection db = cinch().connect("main")) {
            List<Object[]> rows = new ArrayList<>();
            for (String table : tables(db)) {
                rows.add(new Object[] {table});
            }
            print(new Output.Rows(List.of("table"), rows));
        }
        return 0;
    }

    @Command(description = "Create a table with id, created_at and updated_at, then the columns given: "
            + "name:TYPE is NOT NULL, name:TYPE? nullable; TYPE is TEXT, INTEGER, REAL, BLOB, NUMERIC or BOOLEAN.")
    int create(@Parameters(paramLabel = "NAME") String name,
               @Parameters(paramLabel = "COLUMN:TYPE", arity = "1..*") List<String> columns) throws Exception {
        return call("CALL cinch.create_table(?, ?)", name, String.join(" ", columns));
    }

    @Command(description = "Show a table's columns.")
    int info(@Parameters(paramLabel = "NAME") String name) throws Exception {
        try (Connection db = cinch().connect("main")) {
            if (!tables(db).contains(name)) {
                throw new SQLException("no such table: " + name, "42000");
            }
            print(db, "SELECT name AS \"column\", type, \"notnull\" AS not_null, dflt_value AS \"default\", "
                    + "pk AS primary_key FROM pragma_table_info(?) ORDER BY cid", name);
        }
        return 0;
    }

    /** The names of the branch's tables, as the driver's metadata lists them. */
    static List<String> tables(Connection db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = db.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
