package io.cinch.jdbc;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * A {@code jdbc:cinch://} connection's metadata where Avatica's client states its own fixed defaults rather than what
 * the connection does: it runs transactions and reports generated keys, names tenants and branches as a local
 * connection does (tools such as DBeaver choose their features and labels by these), and has a {@code jdbc:cinch:} URL.
 */
final class RemoteMetaData implements RemoteConnection.Answers {

    private final Map<String, Object> answers;

    /** Metadata of a connection opened from {@code url}, which {@code getURL()} reports. */
    RemoteMetaData(String url) {
        answers = Map.of(
                "supportsTransactions", true,
                "supportsGetGeneratedKeys", true,
                "getSchemaTerm", "tenant",
                "getCatalogTerm", "branch",
                "getURL", url);
    }

    @Override
    public boolean answers(Method method, Object[] args) {
        return args.length == 0 && answers.containsKey(method.getName());
    }

    @Override
    public Object answer(Object proxy, Method method, Object[] args) {
        return answers.get(method.getName());
    }
}
