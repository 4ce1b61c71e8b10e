package io.cinch.jdbc;

import io.cinch.sql.SqlState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ParameterMetaData;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * sqlite-jdbc's result or parameter metadata with a SQLState on every error it raises, and without sqlite-jdbc's
 * objects behind it (its result set or statement, which lead to its SQLite connection) unless unwrapped.
 */
final class StatedMetaData {

    private StatedMetaData() {
    }

    /** Wraps {@code inner}; {@code onUnwrap} runs before {@code unwrap} hands out sqlite-jdbc's object. */
    static ResultSetMetaData of(ResultSetMetaData inner, Runnable onUnwrap) {
        return wrap(ResultSetMetaData.class, inner, onUnwrap);
    }

    /** Wraps {@code inner}; {@code onUnwrap} runs before {@code unwrap} hands out sqlite-jdbc's object. */
    static ParameterMetaData of(ParameterMetaData inner, Runnable onUnwrap) {
        return wrap(ParameterMetaData.class, inner, onUnwrap);
    }

    private static <T> T wrap(Class<T> type, T inner, Runnable onUnwrap) {
        if (inner == null) {
            return null;
        }
        return type.cast(Proxy.newProxyInstance(StatedMetaData.class.getClassLoader(),
                new Class<?>[] {type}, (proxy, method, args) -> {
                    if (method.getName().equals("unwrap")) {
                        onUnwrap.run();
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof SQLException sql ? SqlState.of(sql) : e.getCause();
                    }
                }));
    }
}
