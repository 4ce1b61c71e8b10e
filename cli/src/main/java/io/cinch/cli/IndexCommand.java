package io.cinch.cli;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cinch index ...}: indexes of the branch's tables; creating or dropping one is a change of the branch. */
@Command(name = "index", description = "Create, drop or list indexes (a change of the branch).")
final class IndexCommand extends Subcommand {

    @Command(description = "Create an index on TABLE's COLUMNs.")
    int create(@Parameters(paramLabel = "TABLE") String table,
               @Parameters(paramLabel = "COLUMN", arity = "1..*") List<String> columns,
               @Option(names = "--name", paramLabel = "NAME", description = "Default: idx_TABLE_COLUMN...") String name,
               @Option(names = "--unique", description = "A unique index (fails if a tenant has duplicates).")
               boolean unique) throws Exception {
        String index = name != null ? name : "idx_" + table + "_" + String.join("_", columns);
        return call("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + quote(index) + " ON " + quote(table) + " ("
                + columns.stream().map(Subcommand::quote).collect(Collectors.joining(", ")) + ")");
    }

    @Command(description = "Drop an index.")
    int drop(@Parameters(paramLabel = "NAME") String name) throws Exception {
        return call("DROP INDEX " + quote(name));
    }

    @Command(description = "List the indexes created on the branch's tables.")
    int list(@Parameters(arity = "0..1", paramLabel = "TABLE", description = "Only this table's.") String table)
            throws Exception {
        return call("SELECT name AS \"index\", tbl_name AS \"table\", sql FROM sqlite_schema WHERE type = 'index' "
                + "AND sql IS NOT NULL AND (? IS NULL OR tbl_name = ?) ORDER BY tbl_name, name", table, table);
    }
}
