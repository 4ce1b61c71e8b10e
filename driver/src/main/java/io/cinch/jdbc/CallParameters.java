package io.cinch.jdbc;

import io.cinch.sql.SqlState;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/** Parameters of a {@code CALL cinch.*} (inputs, names given as text) or of a statement without parameters. */
final class CallParameters implements ParameterMetaData {

    private final int count;

    CallParameters(long count) {
        this.count = (int) count;
    }

    private void check(int param) throws SQLException {
        if (param < 1 || param > count) {
            throw SqlState.INVALID_ARGUMENT.exception("no parameter " + param + " (there are " + count + ")");
        }
    }

    @Override
    public int getParameterCount() {
        return count;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        check(param);
        return parameterNullable; // SQLite takes NULL anywhere, as sqlite-jdbc reports
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        check(param);
        return false;
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        check(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        check(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        check(param);
        return Types.VARCHAR;
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        check(param);
        return "TEXT";
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        check(param);
        return String.class.getName();
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        check(param);
        return parameterModeIn;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlState.NOT_SUPPORTED.exception("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
