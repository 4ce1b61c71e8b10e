package io.cinch.jdbc;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * A {@code jdbc:cinch://} connection's metadata where Avatica's client states its own fixed defaults rather than what
 * the connection does: it runs transactions and reports generated keys, and names tenants and branches as a local
 * connection does (tools such as DBeaver choose their features and labels by these).
 */
final class RemoteMetaData implements RemoteConnection.Answers {

    private static final Map<String, Object> ANSWERS = Map.of(
            "supportsTransactions", true,
            "supportsGetGeneratedKeys", true,
            "getSchemaTerm", "tenant",
            "getCatalogTerm", "branch");

    @Override
    public boolean answers(Method method, Object[] args) {
        return args.length == 0 && ANSWERS.containsKey(method.getName());
    }

    @Override
    public Object answer(Object proxy, Method method, Object[] args) {
        return ANSWERS.get(method.getName());
    }
}
