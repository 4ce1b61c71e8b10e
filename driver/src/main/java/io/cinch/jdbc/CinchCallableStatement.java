package io.cinch.jdbc;

import io.cinch.sql.SqlState;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A {@code prepareCall} statement: {@code {call cinch.name(?, ...)}} runs like a prepared statement and returns its
 * result set; procedures have no OUT parameters, so those methods refuse with 0A000.
 */
final class CinchCallableStatement extends CinchPreparedStatement implements CallableStatement {

    CinchCallableStatement(CinchConnection connection, String sql) throws SQLException {
        super(connection, sql, null);
    }

    private static SQLException noOutParameters() {
        return SqlState.NOT_SUPPORTED.exception("cinch procedures return result sets, not OUT parameters; "
                + "bind parameters by index");
    }

    @Override
    public Array getArray(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Array getArray(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public BigDecimal getBigDecimal(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int parameterIndex, int length) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public BigDecimal getBigDecimal(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Blob getBlob(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Blob getBlob(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public boolean getBoolean(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public boolean getBoolean(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public byte getByte(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public byte getByte(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public byte[] getBytes(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public byte[] getBytes(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Reader getCharacterStream(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Reader getCharacterStream(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Clob getClob(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Clob getClob(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Date getDate(String parameterName, Calendar cal) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Date getDate(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Date getDate(int parameterIndex, Calendar cal) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Date getDate(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public double getDouble(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public double getDouble(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public float getFloat(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public float getFloat(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public int getInt(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public int getInt(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public long getLong(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public long getLong(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Reader getNCharacterStream(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Reader getNCharacterStream(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public NClob getNClob(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public NClob getNClob(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public String getNString(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public String getNString(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public <T> T getObject(String parameterName, Class<T> type) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Object getObject(String parameterName, Map<String, Class<?>> map) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Object getObject(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public <T> T getObject(int parameterIndex, Class<T> type) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Object getObject(int parameterIndex, Map<String, Class<?>> map) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Object getObject(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Ref getRef(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Ref getRef(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public RowId getRowId(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public RowId getRowId(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public SQLXML getSQLXML(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public SQLXML getSQLXML(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public short getShort(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public short getShort(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public String getString(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public String getString(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Time getTime(String parameterName, Calendar cal) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Time getTime(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Time getTime(int parameterIndex, Calendar cal) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Time getTime(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Timestamp getTimestamp(String parameterName, Calendar cal) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Timestamp getTimestamp(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Timestamp getTimestamp(int parameterIndex, Calendar cal) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public Timestamp getTimestamp(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public URL getURL(String parameterName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public URL getURL(int parameterIndex) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType, String typeName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType, int scaleOrLength) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void registerOutParameter(String parameterName, int sqlType) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, String typeName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, int scaleOrLength) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x, int scaleOrLength) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x, long length) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setAsciiStream(String parameterName, InputStream x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setBigDecimal(String parameterName, BigDecimal x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x, int scaleOrLength) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x, long length) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setBinaryStream(String parameterName, InputStream x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setBlob(String parameterName, InputStream x, long length) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setBlob(String parameterName, InputStream x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setBlob(String parameterName, Blob x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setBoolean(String parameterName, boolean x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setByte(String parameterName, byte x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setBytes(String parameterName, byte[] x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setCharacterStream(String parameterName, Reader x, int scaleOrLength) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setCharacterStream(String parameterName, Reader x, long length) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setCharacterStream(String parameterName, Reader x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setClob(String parameterName, Reader x, long length) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setClob(String parameterName, Reader x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setClob(String parameterName, Clob x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setDate(String parameterName, Date x, Calendar cal) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setDate(String parameterName, Date x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setDouble(String parameterName, double x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setFloat(String parameterName, float x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setInt(String parameterName, int length) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setLong(String parameterName, long length) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setNCharacterStream(String parameterName, Reader x, long length) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setNCharacterStream(String parameterName, Reader x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setNClob(String parameterName, Reader x, long length) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setNClob(String parameterName, Reader x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setNClob(String parameterName, NClob x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setNString(String parameterName, String typeName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setNull(String parameterName, int length, String typeName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setNull(String parameterName, int length) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setObject(String parameterName, Object x, int scaleOrLength, int scaleOrLength3) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setObject(String parameterName, Object x, int scaleOrLength) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setObject(String parameterName, Object x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setRowId(String parameterName, RowId x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setSQLXML(String parameterName, SQLXML x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setShort(String parameterName, short x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setString(String parameterName, String typeName) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setTime(String parameterName, Time x, Calendar cal) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setTime(String parameterName, Time x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setTimestamp(String parameterName, Timestamp x, Calendar cal) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setTimestamp(String parameterName, Timestamp x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public void setURL(String parameterName, URL x) throws SQLException {
        throw noOutParameters();
    }

    @Override
    public boolean wasNull() throws SQLException {
        throw noOutParameters();
    }

}
