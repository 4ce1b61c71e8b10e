package io.cinch.jdbc;

import io.cinch.sql.SqlState;
import io.cinch.sql.Values;
import java.io.InputStream;
import java.io.Reader;
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
import java.sql.Types;
import java.time.temporal.Temporal;
import java.util.Calendar;
import java.util.TimeZone;

/** A prepared query of the cross-tenant connection, planned once by the engine and run as often as asked. */
final class CrossTenantPreparedStatement extends CrossTenantStatement implements PreparedStatement {

    private final PreparedStatement prepared;
    private boolean[] integerParameters;

    CrossTenantPreparedStatement(CrossTenantConnection connection, PreparedStatement prepared) {
        super(connection, prepared);
        this.prepared = prepared;
    }

    @Override
    public int executeUpdate() throws SQLException {
        throw CrossTenantConnection.readOnly("executeUpdate");
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return executeUpdate();
    }

    @Override
    public void addBatch() throws SQLException {
        throw CrossTenantConnection.readOnly("a batch");
    }

    @Override
    public void clearParameters() throws SQLException {
        try {
            prepared.clearParameters();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean execute() throws SQLException {
        try {
            return prepared.execute();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        try {
            return readable(prepared.executeQuery());
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        try {
            return prepared.getMetaData();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        try {
            return prepared.getParameterMetaData();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        try {
            prepared.setArray(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int scaleOrLength) throws SQLException {
        try {
            prepared.setAsciiStream(parameterIndex, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        try {
            prepared.setAsciiStream(parameterIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        try {
            prepared.setAsciiStream(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        try {
            if (setAsInt(parameterIndex, x)) {
                return;
            }
            prepared.setBigDecimal(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int scaleOrLength) throws SQLException {
        try {
            prepared.setBinaryStream(parameterIndex, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        try {
            prepared.setBinaryStream(parameterIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        try {
            prepared.setBinaryStream(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setBlob(int parameterIndex, InputStream x, long length) throws SQLException {
        try {
            prepared.setBlob(parameterIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setBlob(int parameterIndex, InputStream x) throws SQLException {
        try {
            prepared.setBlob(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        try {
            prepared.setBlob(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        try {
            prepared.setBoolean(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        try {
            if (setAsInt(parameterIndex, x)) {
                return;
            }
            prepared.setByte(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        try {
            prepared.setBytes(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x, int scaleOrLength) throws SQLException {
        try {
            prepared.setCharacterStream(parameterIndex, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
        try {
            prepared.setCharacterStream(parameterIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader x) throws SQLException {
        try {
            prepared.setCharacterStream(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setClob(int parameterIndex, Reader x, long length) throws SQLException {
        try {
            prepared.setClob(parameterIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setClob(int parameterIndex, Reader x) throws SQLException {
        try {
            prepared.setClob(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        try {
            prepared.setClob(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        setDateTime(parameterIndex, x, cal);
    }

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        setDateTime(parameterIndex, x, null);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        try {
            prepared.setDouble(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        try {
            prepared.setFloat(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setInt(int parameterIndex, int length) throws SQLException {
        try {
            prepared.setInt(parameterIndex, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setLong(int parameterIndex, long length) throws SQLException {
        try {
            if (setAsInt(parameterIndex, length)) {
                return;
            }
            prepared.setLong(parameterIndex, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader x, long length) throws SQLException {
        try {
            prepared.setNCharacterStream(parameterIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader x) throws SQLException {
        try {
            prepared.setNCharacterStream(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setNClob(int parameterIndex, Reader x, long length) throws SQLException {
        try {
            prepared.setNClob(parameterIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setNClob(int parameterIndex, Reader x) throws SQLException {
        try {
            prepared.setNClob(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setNClob(int parameterIndex, NClob x) throws SQLException {
        try {
            prepared.setNClob(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setNString(int parameterIndex, String typeName) throws SQLException {
        try {
            prepared.setNString(parameterIndex, typeName);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setNull(int parameterIndex, int length, String typeName) throws SQLException {
        try {
            prepared.setNull(parameterIndex, length, typeName);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setNull(int parameterIndex, int length) throws SQLException {
        try {
            prepared.setNull(parameterIndex, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    /** As a tenant connection (and sqlite-jdbc) does: the value is bound as it is, whatever the target type. */
    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(parameterIndex, x);
    }

    /** As a tenant connection (and sqlite-jdbc) does: the value is bound as it is, whatever the target type. */
    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        setObject(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        if (x instanceof java.util.Date d) {
            setDateTime(parameterIndex, d, null);
            return;
        }
        try {
            if (setAsInt(parameterIndex, x)) {
                return;
            }
            prepared.setObject(parameterIndex, tenantValue(x));
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        try {
            prepared.setRef(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        try {
            prepared.setRowId(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML x) throws SQLException {
        try {
            prepared.setSQLXML(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        try {
            if (setAsInt(parameterIndex, x)) {
                return;
            }
            prepared.setShort(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setString(int parameterIndex, String typeName) throws SQLException {
        try {
            if (setAsInt(parameterIndex, typeName)) {
                return;
            }
            prepared.setString(parameterIndex, typeName);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        setDateTime(parameterIndex, x, cal);
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        setDateTime(parameterIndex, x, null);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        setDateTime(parameterIndex, x, cal);
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        setDateTime(parameterIndex, x, null);
    }

    /**
     * Binds a date, time or timestamp as a tenant connection of the same URL stores it (cinch's ISO-8601 text, or
     * sqlite-jdbc's form under the URL's date settings), its fields in the calendar's zone, else the JVM's: so it
     * compares with the stored values as the same query does on each tenant.
     */
    private void setDateTime(int parameterIndex, java.util.Date x, Calendar cal) throws SQLException {
        try {
            if (x == null) {
                prepared.setNull(parameterIndex, Types.VARCHAR);
            } else {
                prepared.setObject(parameterIndex, connection.storedDate(x, cal == null ? TimeZone.getDefault()
                        : cal.getTimeZone()));
            }
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    /**
     * Sets a whole number (a number, or text SQLite reads as one) as an int when the engine reads the parameter as one
     * ({@code LIMIT ?}, {@code OFFSET ?}, which it casts to Integer): SQLite takes 2, 2L and '2' alike there.
     */
    private boolean setAsInt(int parameterIndex, Object x) throws SQLException {
        if (!(x instanceof Number || x instanceof String) || x instanceof Integer || x instanceof Double || x instanceof Float) {
            return false;
        }
        if (integerParameters == null) {
            ParameterMetaData md = prepared.getParameterMetaData();
            integerParameters = new boolean[md.getParameterCount() + 1];
            for (int i = 1; i < integerParameters.length; i++) {
                integerParameters[i] = md.getParameterType(i) == Types.INTEGER;
            }
        }
        if (parameterIndex < 1 || parameterIndex >= integerParameters.length || !integerParameters[parameterIndex]) {
            return false;
        }
        try {
            prepared.setInt(parameterIndex, new BigDecimal(x.toString().strip()).intValueExact());
            return true;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    /** A java.time value as a tenant connection binds it (ISO-8601 text), anything else as it is. */
    private static Object tenantValue(Object x) {
        return x instanceof Temporal ? Values.toSqlite(x) : x;
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        try {
            prepared.setURL(parameterIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int parameterIndex, InputStream x, int scaleOrLength) throws SQLException {
        try {
            prepared.setUnicodeStream(parameterIndex, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

}
