package io.cinch.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Prints rows as an aligned table for people (decorated only on a terminal), or as CSV or JSON for scripts. */
final class Output {

    /** How rows are printed. */
    enum Format { table, csv, json }

    /** Rows in memory: column labels and values. */
    record Rows(List<String> columns, List<Object[]> values) {

        /** Every row of {@code rs} (at most {@code limit} when positive), closing it. */
        static Rows of(ResultSet rs, int limit) throws SQLException {
            try (rs) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
                List<Object[]> values = new ArrayList<>();
                while ((limit <= 0 || values.size() < limit) && rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    values.add(row);
                }
                return new Rows(columns, values);
            }
        }

        /** One row of the given columns and values. */
        static Rows single(List<String> columns, Object... values) {
            return new Rows(columns, List.<Object[]>of(values));
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final PrintWriter out;
    private final Format format;
    private final boolean terminal;

    Output(PrintWriter out, Format format, boolean terminal) {
        this.out = out;
        this.format = format;
        this.terminal = terminal;
    }

    void print(Rows rows) throws IOException {
        switch (format) {
            case table -> table(rows);
            case csv -> csv(rows);
            case json -> json(rows);
        }
        out.flush();
    }

    private void table(Rows rows) {
        int[] width = new int[rows.columns().size()];
        List<String[]> cells = new ArrayList<>();
        for (Object[] row : rows.values()) {
            String[] line = new String[width.length];
            for (int i = 0; i < width.length; i++) {
                line[i] = row[i] == null ? "" : text(row[i]).replace('\n', ' ');
                width[i] = Math.max(width[i], line[i].length());
            }
            cells.add(line);
        }
        for (int i = 0; i < width.length; i++) {
            width[i] = Math.max(width[i], rows.columns().get(i).length());
        }
        String header = line(rows.columns().toArray(String[]::new), width);
        if (terminal) {
            out.println("\u001b[1m" + header + "\u001b[0m");
            String[] rule = new String[width.length];
            for (int i = 0; i < width.length; i++) {
                rule[i] = "─".repeat(width[i]);
            }
            out.println(line(rule, width));
        } else {
            out.println(header);
        }
        cells.forEach(c -> out.println(line(c, width)));
        if (terminal) {
            out.println("(" + cells.size() + (cells.size() == 1 ? " row)" : " rows)"));
        }
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            b.append(cells[i]);
            if (i < cells.length - 1) {
                b.append(" ".repeat(width[i] - cells[i].length() + 2));
            }
        }
        return b.toString();
    }

    private void csv(Rows rows) {
        out.println(String.join(",", rows.columns().stream().map(Output::csvCell).toList()));
        for (Object[] row : rows.values()) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) {
                cells.add(v == null ? "" : csvCell(text(v)));
            }
            out.println(String.join(",", cells));
        }
    }

    private static String csvCell(String s) {
        boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                || !s.equals(s.strip());
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void json(Rows rows) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(nonClosing(out))) {
            g.useDefaultPrettyPrinter();
            writeArray(g, rows);
        }
        out.println();
    }

    /** Writes {@code rows} as a JSON array of objects, keys in column order. */
    static void writeArray(JsonGenerator g, Rows rows) throws IOException {
        g.writeStartArray();
        for (Object[] row : rows.values()) {
            g.writeStartObject();
            for (int i = 0; i < row.length; i++) {
                g.writeFieldName(rows.columns().get(i));
                writeValue(g, row[i]);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            g.writeNumber(((Number) v).doubleValue());
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else {
            g.writeString(text(v));
        }
    }

    private static String text(Object v) {
        return v instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : v.toString();
    }

    /** A view of {@code w} whose close only flushes, so that a generator can be closed without closing stdout. */
    static Writer nonClosing(Writer w) {
        return new java.io.FilterWriter(w) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
