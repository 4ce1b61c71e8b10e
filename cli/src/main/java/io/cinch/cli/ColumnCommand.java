package io.cinch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cinch column ...}: one {@code ALTER TABLE} each, so one change of the branch. */
@Command(name = "column", description = "Add, drop or rename a column of a table (a change of the branch).")
final class ColumnCommand extends Subcommand {

    @Command(description = "Add a column: name:TYPE (NOT NULL, needs --default) or name:TYPE? (nullable).")
    int add(@Parameters(paramLabel = "TABLE") String table, @Parameters(paramLabel = "COLUMN:TYPE") String column,
            @Option(names = "--default", paramLabel = "VALUE", description = "The value of existing rows.") String value)
            throws Exception {
        int colon = column.lastIndexOf(':');
        if (colon <= 0 || colon == column.length() - 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "expected name:TYPE or name:TYPE?, not " + column);
        }
        boolean nullable = column.endsWith("?");
        String type = column.substring(colon + 1, column.length() - (nullable ? 1 : 0));
        if (!type.matches("[A-Za-z]+")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "invalid type " + type);
        }
        String sql = "ALTER TABLE " + quote(table) + " ADD COLUMN " + quote(column.substring(0, colon)) + " " + type
                + (nullable ? "" : " NOT NULL") + (value == null ? "" : " DEFAULT '" + value.replace("'", "''") + "'");
        return call(sql);
    }

    @Command(description = "Drop a column.")
    int drop(@Parameters(paramLabel = "TABLE") String table, @Parameters(paramLabel = "COLUMN") String column)
            throws Exception {
        return call("ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(column));
    }

    @Command(description = "Rename a column.")
    int rename(@Parameters(paramLabel = "TABLE") String table, @Parameters(paramLabel = "OLD") String old,
               @Parameters(paramLabel = "NEW") String name) throws Exception {
        return call("ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(old) + " TO " + quote(name));
    }
}
