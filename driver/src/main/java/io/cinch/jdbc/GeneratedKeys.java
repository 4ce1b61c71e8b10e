package io.cinch.jdbc;

import io.cinch.schema.SchemaInfo;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Which columns an INSERT reports through {@code getGeneratedKeys()}: those the caller named, or by default the
 * table's key ({@code id} for cinch tables, else the primary key, else the rowid).
 */
record GeneratedKeys(List<String> names, int[] indexes) {

    /** The table's key columns. */
    static final GeneratedKeys DEFAULT = new GeneratedKeys(null, null);

    static GeneratedKeys byNames(String[] names) {
        return names == null || names.length == 0 ? DEFAULT : new GeneratedKeys(List.of(names), null);
    }

    static GeneratedKeys byIndexes(int[] indexes) {
        return indexes == null || indexes.length == 0 ? DEFAULT : new GeneratedKeys(null, indexes.clone());
    }

    /**
     * The keys a JDBC call's last argument asks for ({@code Statement.RETURN_GENERATED_KEYS}, column indexes or
     * column names), or null for {@code NO_GENERATED_KEYS}.
     */
    static GeneratedKeys requested(Object argument) {
        if (argument instanceof int[] indexes) {
            return byIndexes(indexes);
        }
        if (argument instanceof String[] names) {
            return byNames(names);
        }
        return Integer.valueOf(Statement.RETURN_GENERATED_KEYS).equals(argument) ? DEFAULT : null;
    }

    /** The columns to return for an INSERT into {@code table}. */
    List<String> columns(SchemaInfo schema, SchemaInfo.Table table) {
        if (names != null) {
            return names;
        }
        if (indexes != null) {
            List<String> out = new ArrayList<>();
            for (int i : indexes) {
                if (i >= 1 && i <= table.columns().size()) {
                    out.add(table.columns().get(i - 1).name());
                }
            }
            return out;
        }
        return schema.keyColumns(table);
    }
}
