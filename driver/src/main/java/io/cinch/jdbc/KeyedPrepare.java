package io.cinch.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;

/**
 * {@code prepareStatement(sql, keys)} on a {@code jdbc:cinch://} connection, which Avatica's client lacks: an INSERT
 * into a table is prepared returning its key columns ({@link ReturningInsert}) and reports them
 * ({@link ReturnedKeys}).
 */
final class KeyedPrepare implements RemoteConnection.Answers {

    private final Connection target;

    KeyedPrepare(Connection target) {
        this.target = target;
    }

    @Override
    public boolean answers(Method method, Object[] args) {
        return method.getName().equals("prepareStatement") && args.length == 2;
    }

    @Override
    public Object answer(Object proxy, Method method, Object[] args) throws Exception {
        String sql = (String) args[0];
        String returning = ReturningInsert.of(target, sql, GeneratedKeys.requested(args[1]));
        PreparedStatement prepared = target.prepareStatement(returning == null ? sql : returning);
        return RemoteConnection.wrap(PreparedStatement.class, prepared, new ReturnedKeys(prepared, returning != null));
    }
}
