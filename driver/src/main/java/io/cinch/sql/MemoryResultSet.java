package io.cinch.sql;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** A result set held in memory: procedure results, metadata listings and generated keys. */
public final class MemoryResultSet extends AbstractResultSet {

    /** A column: its label, JDBC type and type name. */
    public record Column(String name, int type, String typeName) {

        /** A TEXT column. */
        public static Column text(String name) {
            return new Column(name, Types.VARCHAR, "TEXT");
        }

        /** An INTEGER column. */
        public static Column integer(String name) {
            return new Column(name, Types.BIGINT, "INTEGER");
        }

        /** A BOOLEAN column. */
        public static Column bool(String name) {
            return new Column(name, Types.BOOLEAN, "BOOLEAN");
        }
    }

    private final List<Column> columns;
    private final List<Object[]> rows;
    private final Statement statement;
    private int row = -1;
    private boolean closed;

    /** A result set of {@code rows}, each an array with one value per column. */
    public MemoryResultSet(List<Column> columns, List<Object[]> rows, Statement statement) {
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.statement = statement;
    }

    /** A builder-style helper: the columns, then rows added one by one. */
    public static Builder of(Column... columns) {
        return new Builder(List.of(columns));
    }

    /** Collects rows for a MemoryResultSet. */
    public static final class Builder {
        private final List<Column> columns;
        private final List<Object[]> rows = new ArrayList<>();

        private Builder(List<Column> columns) {
            this.columns = columns;
        }

        /** Adds a row. */
        public Builder row(Object... values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("row of " + values.length + " values for " + columns.size() + " columns");
            }
            rows.add(values);
            return this;
        }

        /** The result set, owned by {@code statement} (may be null). */
        public MemoryResultSet build(Statement statement) {
            return new MemoryResultSet(columns, rows, statement);
        }
    }

    /** Reads every remaining row of {@code rs} into memory and closes it. */
    public static MemoryResultSet copyOf(java.sql.ResultSet rs, Statement owner) throws SQLException {
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            List<Column> columns = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(new Column(md.getColumnLabel(i), md.getColumnType(i), md.getColumnTypeName(i)));
            }
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return new MemoryResultSet(columns, rows, owner);
        }
    }

    /** The rows of {@code first} followed by those of {@code then} (same columns); either may be null. */
    public static MemoryResultSet concat(MemoryResultSet first, MemoryResultSet then) {
        if (first == null || then == null) {
            return first == null ? then : first;
        }
        List<Object[]> all = new ArrayList<>(first.rows);
        all.addAll(then.rows);
        return new MemoryResultSet(first.columns.isEmpty() ? then.columns : first.columns, all, first.statement);
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    @Override
    protected Object value(int column) throws SQLException {
        checkOpen();
        if (row < 0 || row >= rows.size()) {
            throw SqlState.INVALID_ARGUMENT.exception("no current row");
        }
        if (column < 1 || column > columns.size()) {
            throw SqlState.INVALID_ARGUMENT.exception("no column " + column + " (there are " + columns.size() + ")");
        }
        return rows.get(row)[column - 1];
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (row < rows.size()) {
            row++;
        }
        return row < rows.size();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(columnLabel)) {
                return i + 1;
            }
        }
        throw SqlState.INVALID_ARGUMENT.exception("no column '" + columnLabel + "'");
    }

    @Override
    public int getRow() {
        return row >= 0 && row < rows.size() ? row + 1 : 0;
    }

    @Override
    public boolean isBeforeFirst() {
        return row < 0 && !rows.isEmpty();
    }

    @Override
    public boolean isAfterLast() {
        return row >= rows.size() && !rows.isEmpty();
    }

    @Override
    public boolean isFirst() {
        return row == 0 && !rows.isEmpty();
    }

    @Override
    public boolean isLast() {
        return row == rows.size() - 1 && !rows.isEmpty();
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public ResultSetMetaData getMetaData() {
        return new MemoryMetaData(columns);
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlState.INVALID_ARGUMENT.exception("result set is closed");
        }
    }
}
