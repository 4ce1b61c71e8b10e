package io.cinch.jdbc;

import io.cinch.sql.SqlState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** sqlite-jdbc's result metadata with a SQLState on every error it raises. */
final class StatedMetaData {

    private StatedMetaData() {
    }

    static ResultSetMetaData of(ResultSetMetaData inner) {
        if (inner == null) {
            return null;
        }
        return (ResultSetMetaData) Proxy.newProxyInstance(StatedMetaData.class.getClassLoader(),
                new Class<?>[] {ResultSetMetaData.class}, (proxy, method, args) -> {
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause() instanceof SQLException sql ? SqlState.of(sql) : e.getCause();
                    }
                });
    }
}
