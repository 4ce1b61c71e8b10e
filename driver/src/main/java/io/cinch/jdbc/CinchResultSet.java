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
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.Map;

/**
 * A query's result (sqlite-jdbc's for a tenant, the engine's for {@code tenant=*}), with SQLStates on every error,
 * BOOLEAN columns read back as Boolean, and dates and times read as the result set reads them (sqlite-jdbc under the
 * connection's date settings), or else from cinch's ISO-8601 text.
 */
final class CinchResultSet implements ResultSet {

    private final ResultSet delegate;
    private final Statement owner;
    private final SqliteDates dates;
    private boolean[] booleans;

    CinchResultSet(ResultSet delegate, Statement owner) {
        this(delegate, owner, null);
    }

    /** The engine's rows of the cross-tenant connection, its dates read by sqlite-jdbc under the URL's settings. */
    CinchResultSet(ResultSet delegate, Statement owner, SqliteDates dates) {
        this.delegate = delegate;
        this.owner = owner;
        this.dates = dates;
    }

    /** A date read by sqlite-jdbc under the URL's date settings, or else as the result set reads it. */
    private <T> T read(int column, SqliteDates.Reader<T> sqlite, SqliteDates.Reader<T> otherwise) throws SQLException {
        T value = dates == null ? null : dates.read(raw(column), sqlite);
        return value != null ? value : otherwise.read(delegate);
    }

    private boolean isBoolean(int column) throws SQLException {
        if (booleans == null) {
            ResultSetMetaData md = delegate.getMetaData();
            booleans = new boolean[md.getColumnCount() + 1];
            for (int i = 1; i < booleans.length; i++) {
                booleans[i] = md.getColumnType(i) == Types.BOOLEAN;
            }
        }
        return column > 0 && column < booleans.length && booleans[column];
    }

    private Object raw(int column) throws SQLException {
        try {
            return delegate.getObject(column);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Statement getStatement() {
        return owner;
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        Object value = raw(columnIndex);
        return value instanceof Number n && isBoolean(columnIndex) ? (Object) (n.longValue() != 0) : value;
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        return Values.as(raw(columnIndex), type);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnLabel);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        return Values.bool(raw(columnIndex));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        try {
            return read(columnIndex, rs -> rs.getDate(1), rs -> rs.getDate(columnIndex));
        } catch (SQLException e) {
            return Values.date(raw(columnIndex)); // a format sqlite-jdbc cannot read, such as cinch's ISO-8601 text
        }
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        if (cal == null) {
            return getDate(columnIndex);
        }
        try {
            return read(columnIndex, rs -> rs.getDate(1, cal), rs -> rs.getDate(columnIndex, cal));
        } catch (SQLException e) {
            return Values.date(raw(columnIndex), cal.getTimeZone().toZoneId());
        }
    }

    @Override
    public Date getDate(String columnLabel, Calendar cal) throws SQLException {
        return getDate(findColumn(columnLabel), cal);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        try {
            return read(columnIndex, rs -> rs.getTime(1), rs -> rs.getTime(columnIndex));
        } catch (SQLException e) {
            return Values.time(raw(columnIndex)); // a format sqlite-jdbc cannot read, such as cinch's ISO-8601 text
        }
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        if (cal == null) {
            return getTime(columnIndex);
        }
        try {
            return read(columnIndex, rs -> rs.getTime(1, cal), rs -> rs.getTime(columnIndex, cal));
        } catch (SQLException e) {
            return Values.time(raw(columnIndex), cal.getTimeZone().toZoneId());
        }
    }

    @Override
    public Time getTime(String columnLabel, Calendar cal) throws SQLException {
        return getTime(findColumn(columnLabel), cal);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        try {
            return read(columnIndex, rs -> rs.getTimestamp(1), rs -> rs.getTimestamp(columnIndex));
        } catch (SQLException e) {
            return Values.timestamp(raw(columnIndex)); // a format sqlite-jdbc cannot read, such as cinch's ISO-8601 text
        }
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        if (cal == null) {
            return getTimestamp(columnIndex);
        }
        try {
            return read(columnIndex, rs -> rs.getTimestamp(1, cal), rs -> rs.getTimestamp(columnIndex, cal));
        } catch (SQLException e) {
            return Values.timestamp(raw(columnIndex), cal.getTimeZone().toZoneId());
        }
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(columnLabel), cal);
    }

    @Override
    public void close() throws SQLException {
        try {
            delegate.close();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        exposed();
        return delegate.unwrap(iface);
    }

    /** sqlite-jdbc's result set reaches the user, and through it the SQLite connection. */
    private void exposed() {
        if (owner instanceof CinchStatement statement) {
            statement.delegateExposed();
        }
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        try {
            return delegate.absolute(row);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void afterLast() throws SQLException {
        try {
            delegate.afterLast();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void beforeFirst() throws SQLException {
        try {
            delegate.beforeFirst();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        try {
            delegate.cancelRowUpdates();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void clearWarnings() throws SQLException {
        try {
            delegate.clearWarnings();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void deleteRow() throws SQLException {
        try {
            delegate.deleteRow();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        try {
            return delegate.findColumn(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean first() throws SQLException {
        try {
            return delegate.first();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        try {
            return delegate.getArray(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        try {
            return delegate.getArray(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        try {
            return delegate.getAsciiStream(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        try {
            return delegate.getAsciiStream(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        try {
            return delegate.getBigDecimal(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        try {
            return delegate.getBigDecimal(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String columnLabel, int length) throws SQLException {
        try {
            return delegate.getBigDecimal(columnLabel, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int length) throws SQLException {
        try {
            return delegate.getBigDecimal(columnIndex, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        try {
            return delegate.getBinaryStream(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        try {
            return delegate.getBinaryStream(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        try {
            return delegate.getBlob(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        try {
            return delegate.getBlob(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        try {
            return delegate.getByte(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        try {
            return delegate.getByte(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        try {
            return delegate.getBytes(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        try {
            return delegate.getBytes(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        try {
            return delegate.getCharacterStream(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        try {
            return delegate.getCharacterStream(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        try {
            return delegate.getClob(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        try {
            return delegate.getClob(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getConcurrency() throws SQLException {
        try {
            return delegate.getConcurrency();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getCursorName() throws SQLException {
        try {
            return delegate.getCursorName();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        try {
            return delegate.getDouble(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        try {
            return delegate.getDouble(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        try {
            return delegate.getFetchDirection();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getFetchSize() throws SQLException {
        try {
            return delegate.getFetchSize();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        try {
            return delegate.getFloat(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        try {
            return delegate.getFloat(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        try {
            return delegate.getHoldability();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        try {
            return delegate.getInt(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        try {
            return delegate.getInt(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        try {
            Long millis = Values.dateMillis(delegate.getObject(columnIndex));
            return millis != null ? millis : delegate.getLong(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        try {
            return StatedMetaData.of(delegate.getMetaData(), this::exposed);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        try {
            return delegate.getNCharacterStream(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        try {
            return delegate.getNCharacterStream(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        try {
            return delegate.getNClob(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        try {
            return delegate.getNClob(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        try {
            return delegate.getNString(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        try {
            return delegate.getNString(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        try {
            return delegate.getRef(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        try {
            return delegate.getRef(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getRow() throws SQLException {
        try {
            return delegate.getRow();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        try {
            return delegate.getRowId(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        try {
            return delegate.getRowId(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        try {
            return delegate.getSQLXML(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        try {
            return delegate.getSQLXML(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        try {
            return delegate.getShort(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        try {
            return delegate.getShort(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        try {
            return delegate.getString(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        try {
            return delegate.getString(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getType() throws SQLException {
        try {
            return delegate.getType();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public URL getURL(String columnLabel) throws SQLException {
        try {
            return delegate.getURL(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        try {
            return delegate.getURL(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        try {
            return delegate.getUnicodeStream(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        try {
            return delegate.getUnicodeStream(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        try {
            return delegate.getWarnings();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void insertRow() throws SQLException {
        try {
            delegate.insertRow();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        try {
            return delegate.isAfterLast();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        try {
            return delegate.isBeforeFirst();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        try {
            return delegate.isClosed();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean isFirst() throws SQLException {
        try {
            return delegate.isFirst();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean isLast() throws SQLException {
        try {
            return delegate.isLast();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean last() throws SQLException {
        try {
            return delegate.last();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        try {
            delegate.moveToCurrentRow();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        try {
            delegate.moveToInsertRow();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean next() throws SQLException {
        try {
            return delegate.next();
        } catch (SQLException e) {
            throw SqlState.of(e);
        } catch (RuntimeException e) { // tenant=* computes rows as it reads them, and fails unchecked
            throw SqlState.of(new SQLException(e.getMessage(), e));
        }
    }

    @Override
    public boolean previous() throws SQLException {
        try {
            return delegate.previous();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void refreshRow() throws SQLException {
        try {
            delegate.refreshRow();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        try {
            return delegate.relative(rows);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        try {
            return delegate.rowDeleted();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean rowInserted() throws SQLException {
        try {
            return delegate.rowInserted();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        try {
            return delegate.rowUpdated();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        try {
            delegate.setFetchDirection(direction);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        try {
            delegate.setFetchSize(rows);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateArray(String columnLabel, Array x) throws SQLException {
        try {
            delegate.updateArray(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateArray(int columnIndex, Array x) throws SQLException {
        try {
            delegate.updateArray(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException {
        try {
            delegate.updateAsciiStream(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException {
        try {
            delegate.updateAsciiStream(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x, int scaleOrLength) throws SQLException {
        try {
            delegate.updateAsciiStream(columnLabel, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException {
        try {
            delegate.updateAsciiStream(columnLabel, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x, int scaleOrLength) throws SQLException {
        try {
            delegate.updateAsciiStream(columnIndex, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException {
        try {
            delegate.updateAsciiStream(columnIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
        try {
            delegate.updateBigDecimal(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
        try {
            delegate.updateBigDecimal(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException {
        try {
            delegate.updateBinaryStream(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException {
        try {
            delegate.updateBinaryStream(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x, int scaleOrLength) throws SQLException {
        try {
            delegate.updateBinaryStream(columnLabel, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException {
        try {
            delegate.updateBinaryStream(columnLabel, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x, int scaleOrLength) throws SQLException {
        try {
            delegate.updateBinaryStream(columnIndex, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException {
        try {
            delegate.updateBinaryStream(columnIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBlob(String columnLabel, InputStream x) throws SQLException {
        try {
            delegate.updateBlob(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBlob(String columnLabel, Blob x) throws SQLException {
        try {
            delegate.updateBlob(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBlob(int columnIndex, InputStream x) throws SQLException {
        try {
            delegate.updateBlob(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBlob(int columnIndex, Blob x) throws SQLException {
        try {
            delegate.updateBlob(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBlob(String columnLabel, InputStream x, long length) throws SQLException {
        try {
            delegate.updateBlob(columnLabel, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBlob(int columnIndex, InputStream x, long length) throws SQLException {
        try {
            delegate.updateBlob(columnIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBoolean(String columnLabel, boolean x) throws SQLException {
        try {
            delegate.updateBoolean(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBoolean(int columnIndex, boolean x) throws SQLException {
        try {
            delegate.updateBoolean(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateByte(String columnLabel, byte x) throws SQLException {
        try {
            delegate.updateByte(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateByte(int columnIndex, byte x) throws SQLException {
        try {
            delegate.updateByte(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBytes(String columnLabel, byte[] x) throws SQLException {
        try {
            delegate.updateBytes(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateBytes(int columnIndex, byte[] x) throws SQLException {
        try {
            delegate.updateBytes(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader x) throws SQLException {
        try {
            delegate.updateCharacterStream(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x) throws SQLException {
        try {
            delegate.updateCharacterStream(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader x, int scaleOrLength) throws SQLException {
        try {
            delegate.updateCharacterStream(columnLabel, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader x, long length) throws SQLException {
        try {
            delegate.updateCharacterStream(columnLabel, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x, int scaleOrLength) throws SQLException {
        try {
            delegate.updateCharacterStream(columnIndex, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        try {
            delegate.updateCharacterStream(columnIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateClob(String columnLabel, Reader x) throws SQLException {
        try {
            delegate.updateClob(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateClob(String columnLabel, Clob x) throws SQLException {
        try {
            delegate.updateClob(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateClob(int columnIndex, Reader x) throws SQLException {
        try {
            delegate.updateClob(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateClob(int columnIndex, Clob x) throws SQLException {
        try {
            delegate.updateClob(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateClob(String columnLabel, Reader x, long length) throws SQLException {
        try {
            delegate.updateClob(columnLabel, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateClob(int columnIndex, Reader x, long length) throws SQLException {
        try {
            delegate.updateClob(columnIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateDate(String columnLabel, Date x) throws SQLException {
        try {
            delegate.updateDate(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateDate(int columnIndex, Date x) throws SQLException {
        try {
            delegate.updateDate(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateDouble(String columnLabel, double x) throws SQLException {
        try {
            delegate.updateDouble(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateDouble(int columnIndex, double x) throws SQLException {
        try {
            delegate.updateDouble(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateFloat(String columnLabel, float x) throws SQLException {
        try {
            delegate.updateFloat(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateFloat(int columnIndex, float x) throws SQLException {
        try {
            delegate.updateFloat(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateInt(String columnLabel, int length) throws SQLException {
        try {
            delegate.updateInt(columnLabel, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateInt(int columnIndex, int length) throws SQLException {
        try {
            delegate.updateInt(columnIndex, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateLong(String columnLabel, long length) throws SQLException {
        try {
            delegate.updateLong(columnLabel, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateLong(int columnIndex, long length) throws SQLException {
        try {
            delegate.updateLong(columnIndex, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNCharacterStream(String columnLabel, Reader x) throws SQLException {
        try {
            delegate.updateNCharacterStream(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException {
        try {
            delegate.updateNCharacterStream(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNCharacterStream(String columnLabel, Reader x, long length) throws SQLException {
        try {
            delegate.updateNCharacterStream(columnLabel, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException {
        try {
            delegate.updateNCharacterStream(columnIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNClob(String columnLabel, Reader x) throws SQLException {
        try {
            delegate.updateNClob(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNClob(String columnLabel, NClob x) throws SQLException {
        try {
            delegate.updateNClob(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNClob(int columnIndex, Reader x) throws SQLException {
        try {
            delegate.updateNClob(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNClob(int columnIndex, NClob x) throws SQLException {
        try {
            delegate.updateNClob(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNClob(String columnLabel, Reader x, long length) throws SQLException {
        try {
            delegate.updateNClob(columnLabel, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNClob(int columnIndex, Reader x, long length) throws SQLException {
        try {
            delegate.updateNClob(columnIndex, x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNString(String columnLabel, String typeName) throws SQLException {
        try {
            delegate.updateNString(columnLabel, typeName);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNString(int columnIndex, String typeName) throws SQLException {
        try {
            delegate.updateNString(columnIndex, typeName);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNull(String columnLabel) throws SQLException {
        try {
            delegate.updateNull(columnLabel);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateNull(int columnIndex) throws SQLException {
        try {
            delegate.updateNull(columnIndex);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateObject(String columnLabel, Object x) throws SQLException {
        try {
            delegate.updateObject(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateObject(int columnIndex, Object x) throws SQLException {
        try {
            delegate.updateObject(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
        try {
            delegate.updateObject(columnLabel, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
        try {
            delegate.updateObject(columnIndex, x, scaleOrLength);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateRef(String columnLabel, Ref x) throws SQLException {
        try {
            delegate.updateRef(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateRef(int columnIndex, Ref x) throws SQLException {
        try {
            delegate.updateRef(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateRow() throws SQLException {
        try {
            delegate.updateRow();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateRowId(String columnLabel, RowId x) throws SQLException {
        try {
            delegate.updateRowId(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateRowId(int columnIndex, RowId x) throws SQLException {
        try {
            delegate.updateRowId(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateSQLXML(String columnLabel, SQLXML x) throws SQLException {
        try {
            delegate.updateSQLXML(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateSQLXML(int columnIndex, SQLXML x) throws SQLException {
        try {
            delegate.updateSQLXML(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateShort(String columnLabel, short x) throws SQLException {
        try {
            delegate.updateShort(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateShort(int columnIndex, short x) throws SQLException {
        try {
            delegate.updateShort(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateString(String columnLabel, String typeName) throws SQLException {
        try {
            delegate.updateString(columnLabel, typeName);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateString(int columnIndex, String typeName) throws SQLException {
        try {
            delegate.updateString(columnIndex, typeName);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateTime(String columnLabel, Time x) throws SQLException {
        try {
            delegate.updateTime(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateTime(int columnIndex, Time x) throws SQLException {
        try {
            delegate.updateTime(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException {
        try {
            delegate.updateTimestamp(columnLabel, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException {
        try {
            delegate.updateTimestamp(columnIndex, x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean wasNull() throws SQLException {
        try {
            return delegate.wasNull();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

}
