package io.cinch.jdbc.differential;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What a probe observed, line by line: results, counts, values with their Java classes, and errors by SQLite's error
 * code. SQLStates are not compared (sqlite-jdbc reports none; cinch must), but every cinch error without one is kept
 * in {@link #missingStates()}.
 */
final class Transcript {

    /** Metadata columns that name the catalog and schema: the branch and tenant in cinch, null in sqlite-jdbc. */
    private static final Set<String> PLACE_COLUMNS = Set.of("TABLE_CAT", "TABLE_SCHEM", "PKTABLE_CAT",
            "PKTABLE_SCHEM", "FKTABLE_CAT", "FKTABLE_SCHEM", "TYPE_CAT", "TYPE_SCHEM", "SCOPE_CATALOG", "SCOPE_SCHEMA",
            "PROCEDURE_CAT", "PROCEDURE_SCHEM", "FUNCTION_CAT", "FUNCTION_SCHEM");

    /** One step of a probe, which may fail. */
    @FunctionalInterface
    interface Step {
        Object run() throws Exception;
    }

    private final List<String> lines = new ArrayList<>();
    private final List<String> missingStates = new ArrayList<>();

    /** Writes a line. */
    Transcript note(String line) {
        lines.add(line);
        return this;
    }

    /** Runs a step and writes its outcome: the value it returned (rows for a result set) or its error. */
    Transcript step(String label, Step step) {
        try {
            Object value = step.run();
            if (value instanceof ResultSet rs) {
                try (rs) {
                    note(label + ":");
                    rows(rs);
                }
            } else {
                note(label + " -> " + render(value));
            }
        } catch (SQLException e) {
            error(label, e);
        } catch (Exception e) {
            note(label + " !! " + e.getClass().getSimpleName());
        }
        return this;
    }

    /** Writes an error as its kind and SQLite's error code. */
    void error(String label, SQLException e) {
        if (e.getSQLState() == null) {
            missingStates.add(label + ": " + e);
        }
        note(label + " ! " + (e instanceof java.sql.BatchUpdateException ? "batch " : "") + "error " + e.getErrorCode());
    }

    /** Writes a result set's columns (label and JDBC type) and every row. */
    void rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        StringBuilder head = new StringBuilder("  columns");
        List<Integer> shown = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String label = md.getColumnLabel(i);
            if (!PLACE_COLUMNS.contains(label)) {
                shown.add(i);
                head.append(' ').append(label);
            }
        }
        note(head.toString());
        while (rs.next()) {
            StringBuilder row = new StringBuilder("  |");
            for (int i : shown) {
                row.append(' ').append(render(rs.getObject(i))).append(" |");
            }
            note(row.toString());
        }
    }

    /** A value with its class, so that 1, 1L, 1.0 and '1' differ. */
    static String render(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof byte[] b) {
            return "bytes:" + HexFormat.of().formatHex(b);
        }
        if (v instanceof int[] a) {
            return "int[]" + java.util.Arrays.toString(a);
        }
        if (v instanceof long[] a) {
            return "long[]" + java.util.Arrays.toString(a);
        }
        return v.getClass().getSimpleName() + ":" + v;
    }

    /** The lines of two transcripts side by side where they differ ({@code -} sqlite-jdbc, {@code +} cinch). */
    static String diff(List<String> plain, List<String> cinch) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.max(plain.size(), cinch.size()); i++) {
            String a = i < plain.size() ? plain.get(i) : "";
            String b = i < cinch.size() ? cinch.get(i) : "";
            out.append(a.equals(b) ? "  " + a : "- " + a + "\n+ " + b).append('\n');
        }
        return out.toString();
    }

    List<String> lines() {
        return lines;
    }

    List<String> missingStates() {
        return missingStates;
    }
}
