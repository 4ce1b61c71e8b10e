package io.cinch.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.Map;
import java.util.Set;

/**
 * A {@code jdbc:cinch://} connection's metadata where Avatica's client states its own fixed defaults rather than what
 * the connection does: it runs transactions and reports generated keys, names tenants and branches as a local
 * connection does (tools such as DBeaver choose their features and labels by these), and has a {@code jdbc:cinch:} URL;
 * and the listings Avatica's protocol lacks (keys, indexes, the best row identifier, procedures), built as a local
 * connection builds them ({@link CinchDatabaseMetaData}) from the schema read over the connection
 * ({@link RemoteScopes}).
 */
final class RemoteMetaData implements RemoteConnection.Answers {

    /** The listings a tenant connection answers; a {@code tenant=*} one only procedures, as locally. */
    private static final Set<String> TENANT_LISTINGS = Set.of("getPrimaryKeys", "getImportedKeys", "getExportedKeys",
            "getCrossReference", "getIndexInfo", "getBestRowIdentifier", "getProcedures", "getProcedureColumns");
    private static final Set<String> CROSS_TENANT_LISTINGS = Set.of("getProcedures", "getProcedureColumns");

    private final Map<String, Object> answers;
    private final Set<String> listings;
    private final DatabaseMetaData local;

    /**
     * Metadata of {@code target} opened from {@code url}, which {@code getURL()} reports; {@code crossTenant} for a
     * {@code tenant=*} connection.
     */
    RemoteMetaData(Connection target, String url, boolean crossTenant) {
        listings = crossTenant ? CROSS_TENANT_LISTINGS : TENANT_LISTINGS;
        local = new CinchDatabaseMetaData(new RemoteScopes(target));
        answers = Map.of(
                "supportsTransactions", true,
                "supportsGetGeneratedKeys", true,
                "getSchemaTerm", "tenant",
                "getCatalogTerm", "branch",
                "getURL", url);
    }

    @Override
    public boolean answers(Method method, Object[] args) {
        return args.length == 0 && answers.containsKey(method.getName()) || listings.contains(method.getName());
    }

    @Override
    public Object answer(Object proxy, Method method, Object[] args) throws Exception {
        if (!listings.contains(method.getName())) {
            return answers.get(method.getName());
        }
        try {
            return method.invoke(local, args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }
}
