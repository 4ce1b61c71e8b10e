package io.cinch.jdbc;

import io.cinch.procedures.ProcedureCall;
import io.cinch.sql.Gate;
import io.cinch.sql.MemoryResultSet;
import io.cinch.sql.SqlState;
import io.cinch.sql.SqlStatement;
import io.cinch.sql.Values;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;

/**
 * A prepared statement of a {@link CinchConnection}: the SQL is parsed once, parameter values are kept by cinch
 * (dates as ISO-8601 text, booleans as 0/1) and bound to whichever SQLite connection the tenant is on at execution.
 */
class CinchPreparedStatement extends CinchStatement implements PreparedStatement {

    private final String sql;
    private final List<SqlStatement> statements;
    private final GeneratedKeys keys;
    private final List<List<Object>> batch = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    private ProcedureCall call;

    CinchPreparedStatement(CinchConnection connection, String sql, GeneratedKeys keys) throws SQLException {
        super(connection);
        this.sql = sql;
        this.statements = parse(sql);
        this.keys = keys == null ? GeneratedKeys.DEFAULT : keys;
        if (statements.size() > 1 && sql.indexOf('?') >= 0) {
            throw SqlState.NOT_SUPPORTED.exception("a prepared statement with parameters holds one SQL statement");
        }
        SqlStatement only = statements.size() == 1 ? statements.get(0) : null;
        if (only != null && only.text().indexOf('.') < 0 && (only.kind() == SqlStatement.Kind.QUERY || only.kind() == SqlStatement.Kind.INSERT
                || only.kind() == SqlStatement.Kind.CHANGE || only.kind() == SqlStatement.Kind.OTHER)) {
            try {
                prepared(only); // SQLite's errors (no such table, syntax) surface here, as in sqlite-jdbc
            } catch (SQLException e) {
                close();
                throw SqlState.of(e);
            }
        }
    }

    @Override
    ProcedureCall procedureCall(SqlStatement statement) throws SQLException {
        if (call == null) {
            call = ProcedureCall.parse(statement);
        }
        return call;
    }

    @Override
    void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        int expected = ps.getParameterMetaData().getParameterCount();
        for (int i = 0; i < Math.max(values.size(), expected); i++) {
            Object v = i < values.size() ? values.get(i) : ProcedureCall.Unbound.VALUE;
            if (v == ProcedureCall.Unbound.VALUE) {
                throw SqlState.PARAMETER_NOT_SET.exception("parameter " + (i + 1) + " is not set");
            }
            try {
                bindValue(ps, i + 1, v);
            } catch (IndexOutOfBoundsException e) {
                throw SqlState.INVALID_ARGUMENT.exception("parameter " + (i + 1) + " was set, but the statement has "
                        + "fewer parameters", e);
            }
        }
    }

    /** Binds one value: a date through sqlite-jdbc's own date setter, anything else as it is. */
    private static void bindValue(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof DateParameter d) {
            d.bindTo(ps, index);
        } else {
            ps.setObject(index, value);
        }
    }

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1) {
            throw SqlState.INVALID_ARGUMENT.exception("parameter indexes start at 1, not " + index);
        }
        while (params.size() < index) {
            params.add(ProcedureCall.Unbound.VALUE);
        }
        params.set(index - 1, Values.toSqlite(value));
    }

    private List<Object> snapshot() {
        return Collections.unmodifiableList(new ArrayList<>(params));
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        runScript(statements, params, keys, Expect.QUERY);
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        runScript(statements, params, keys, Expect.COUNT_ONLY);
        return Math.max(getLargeUpdateCount(), 0);
    }

    @Override
    public boolean execute() throws SQLException {
        return runScript(statements, params, keys, Expect.ANY);
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(snapshot());
    }

    @Override
    public void clearBatch() throws SQLException {
        super.clearBatch();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<List<Object>> work = List.copyOf(batch);
        batch.clear();
        long[] counts = new long[work.size()];
        MemoryResultSet allKeys = null;
        for (int i = 0; i < work.size(); i++) {
            try {
                if (runScript(statements, work.get(i), keys, Expect.ANY)) {
                    getResultSet().close();
                    throw SqlState.INVALID_ARGUMENT.exception("a batch entry returned a result set: " + sql);
                }
            } catch (SQLException e) {
                throw batchFailure(e, Arrays.copyOf(counts, i));
            }
            counts[i] = Math.max(getLargeUpdateCount(), 0);
            allKeys = MemoryResultSet.concat(allKeys, keys());
        }
        keys(allKeys);
        return counts;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        params.clear();
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        SqlStatement statement = statements.isEmpty() ? null : statements.get(statements.size() - 1);
        if (statement != null) {
            Gate.check(statement);
        }
        if (statement == null || (statement.kind() != SqlStatement.Kind.QUERY && statement.kind() != SqlStatement.Kind.PRAGMA)) {
            // a CALL's or RETURNING's columns are known once it ran (Avatica's server asks after executing)
            ResultSet result = getResultSet();
            return result == null ? null : result.getMetaData();
        }
        try {
            return described(statement);
        } catch (SQLException kept) {
            // a statement kept by the handle from an earlier run has no column metadata until it runs again
            // (sqlite-jdbc: "inconsistent internal state"): a newly prepared one has, unless results are being read
            if (hasOpenResult()) {
                throw SqlState.of(kept);
            }
            discardDelegate();
            try {
                return described(statement);
            } catch (SQLException e) {
                throw SqlState.of(e);
            }
        }
    }

    /** The columns of the SQLite statement, read once here so that a statement that cannot describe them fails now. */
    private ResultSetMetaData described(SqlStatement statement) throws SQLException {
        ResultSetMetaData columns = prepared(statement).getMetaData();
        columns.getColumnCount();
        return StatedMetaData.of(columns, this::delegateExposed);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        SqlStatement statement = statements.size() == 1 ? statements.get(0) : null;
        if (statement != null && statement.kind() == SqlStatement.Kind.CALL) {
            return new CallParameters(procedureCall(statement).parameterCount());
        }
        if (statement == null || statement.kind() == SqlStatement.Kind.DDL) {
            if (statement != null) {
                connection.checkQualifiers(statement);
            }
            return new CallParameters(0);
        }
        try {
            PreparedStatement ps = prepared(statement);
            int count = ps.getParameterMetaData().getParameterCount();
            if (count > 0 && params.stream().allMatch(v -> v == ProcedureCall.Unbound.VALUE)) {
                // sqlite-jdbc knows types only from values and refuses before any is set; SQLite's are untyped
                return new CallParameters(count);
            }
            for (int i = 0; i < Math.min(params.size(), count); i++) {
                if (params.get(i) != ProcedureCall.Unbound.VALUE) {
                    bindValue(ps, i + 1, params.get(i)); // sqlite-jdbc reports a parameter's type by its value
                }
            }
            return StatedMetaData.of(ps.getParameterMetaData(), this::delegateExposed);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    // ---- parameter setters ----

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        set(parameterIndex, (int) x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        set(parameterIndex, (int) x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        set(parameterIndex, (double) x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        set(parameterIndex, x == null ? null : x.toPlainString());
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        set(parameterIndex, value);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        setDateTime(parameterIndex, x, null);
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        setDateTime(parameterIndex, x, cal);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        setDateTime(parameterIndex, x, null);
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        setDateTime(parameterIndex, x, cal);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        setDateTime(parameterIndex, x, null);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        setDateTime(parameterIndex, x, cal);
    }

    /**
     * Sets a date, time or timestamp, its fields as they read in the calendar's zone (the JVM's without one): stored
     * by sqlite-jdbc when the connection has its date settings, else as cinch's ISO-8601 text.
     */
    private void setDateTime(int parameterIndex, java.util.Date x, Calendar cal) throws SQLException {
        TimeZone zone = cal == null ? TimeZone.getDefault() : cal.getTimeZone();
        if (x == null) {
            set(parameterIndex, null);
        } else if (connection.url().sqliteDates()) {
            set(parameterIndex, new DateParameter(x.getTime(), zone));
        } else {
            set(parameterIndex, Values.dateText(x, zone.toZoneId()));
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        if (x instanceof java.util.Date d) {
            setDateTime(parameterIndex, d, null);
        } else {
            set(parameterIndex, x);
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        if (x instanceof BigDecimal d) {
            setBigDecimal(parameterIndex, d);
        } else if (x instanceof Blob b) {
            setBlob(parameterIndex, b);
        } else if (x instanceof Clob c) {
            setClob(parameterIndex, c);
        } else if (x instanceof java.util.Date d) {
            setDateTime(parameterIndex, d, null);
        } else {
            set(parameterIndex, x);
        }
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(parameterIndex, x);
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        set(parameterIndex, x == null ? null : x.toString());
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setCharacterStream(parameterIndex, x == null ? null : new java.io.InputStreamReader(x, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        setAsciiStream(parameterIndex, x, (int) length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        setAsciiStream(parameterIndex, x, -1);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setCharacterStream(parameterIndex, x == null ? null : new java.io.InputStreamReader(x, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setBinaryStream(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        setBinaryStream(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        set(parameterIndex, x == null ? null : read(x));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        set(parameterIndex, reader == null ? null : read(reader));
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        set(parameterIndex, x == null ? null : x.getBytes(1, (int) x.length()));
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(parameterIndex, inputStream);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        setBinaryStream(parameterIndex, inputStream);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        set(parameterIndex, x == null ? null : x.getSubString(1, (int) x.length()));
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        setClob(parameterIndex, value);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw SqlState.NOT_SUPPORTED.exception("SQLite has no REF type");
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        throw SqlState.NOT_SUPPORTED.exception("SQLite has no ARRAY type");
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw SqlState.NOT_SUPPORTED.exception("use the rowid's integer value");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw SqlState.NOT_SUPPORTED.exception("SQLite has no XML type");
    }

    private static byte[] read(InputStream in) throws SQLException {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw SqlState.DATA_EXCEPTION.exception("cannot read parameter stream: " + e.getMessage(), e);
        }
    }

    private static String read(Reader in) throws SQLException {
        try (in; StringWriter out = new StringWriter()) {
            in.transferTo(out);
            return out.toString();
        } catch (IOException e) {
            throw SqlState.DATA_EXCEPTION.exception("cannot read parameter stream: " + e.getMessage(), e);
        }
    }
}
