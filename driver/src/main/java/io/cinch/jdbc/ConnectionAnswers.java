package io.cinch.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;

/**
 * The calls a {@code jdbc:cinch://} connection answers itself: {@code prepareStatement(sql, keys)}, which Avatica's
 * client lacks (an INSERT into a table is prepared returning its key columns, {@link ReturningInsert}, and reports
 * them, {@link ReturnedKeys}), and its metadata ({@link RemoteMetaData}, with the URL the caller gave).
 */
final class ConnectionAnswers implements RemoteConnection.Answers {

    private final Connection target;
    private final String url;
    private final boolean crossTenant;
    private final SqliteDates dates;

    /**
     * Answers for {@code target}, opened from {@code url} (shown without its password), {@code crossTenant} for a
     * {@code tenant=*} connection, with {@code dates} or null.
     */
    ConnectionAnswers(Connection target, String url, boolean crossTenant, SqliteDates dates) {
        this.target = target;
        this.url = url;
        this.crossTenant = crossTenant;
        this.dates = dates;
    }

    @Override
    public boolean answers(Method method, Object[] args) {
        return method.getName().equals("prepareStatement") && args.length == 2
                || method.getName().equals("getMetaData") && args.length == 0;
    }

    @Override
    public Object answer(Object proxy, Method method, Object[] args) throws Exception {
        if (method.getName().equals("getMetaData")) {
            return RemoteConnection.wrap(DatabaseMetaData.class, target.getMetaData(),
                    new RemoteMetaData(target, url, crossTenant), null);
        }
        String sql = (String) args[0];
        String returning = ReturningInsert.of(target, sql, GeneratedKeys.requested(args[1]));
        PreparedStatement prepared = target.prepareStatement(returning == null ? sql : returning);
        return RemoteConnection.wrap(PreparedStatement.class, prepared, new ReturnedKeys(prepared, returning != null),
                dates);
    }
}
