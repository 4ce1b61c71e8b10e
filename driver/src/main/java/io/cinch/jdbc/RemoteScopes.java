package io.cinch.jdbc;

import io.cinch.schema.SchemaInfo;
import io.cinch.sql.SqlState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The scopes of a {@code jdbc:cinch://} connection's listings: its own branch, whose schema it reads over the
 * connection itself (plain SQL on {@code sqlite_master} and SQLite's pragma functions), and the tenants of that
 * branch the server lets it see; other branches' schemas are out of its reach, so they have no scopes.
 */
final class RemoteScopes implements CinchDatabaseMetaData.Scopes {

    private final Connection target;

    /** Scopes read over {@code target}, Avatica's connection to the server. */
    RemoteScopes(Connection target) {
        this.target = target;
    }

    @Override
    public List<CinchDatabaseMetaData.Scope> of(String catalog, String schemaPattern) throws SQLException {
        String branch;
        String tenant;
        // the server's own listing names its connection's branch and tenant, which CALL cinch.switch_* may have
        // changed where Avatica's client keeps those it was opened with
        try (ResultSet own = target.getMetaData().getTables(null, null, "sqlite\\_schema",
                new String[] {"SYSTEM TABLE"})) {
            if (!own.next()) {
                throw SqlState.INTERNAL_ERROR.exception("the server lists no sqlite_schema for the connection's tenant");
            }
            branch = own.getString("TABLE_CAT");
            tenant = own.getString("TABLE_SCHEM");
        }
        if (catalog != null && !CinchDatabaseMetaData.pattern(catalog).matcher(branch).matches()) {
            return List.of();
        }
        SchemaInfo info = SchemaInfo.read(target);
        if (schemaPattern == null) {
            return List.of(new CinchDatabaseMetaData.Scope(branch, tenant, info, SchemaInfo.temporary(target)));
        }
        // the server narrows a tenant user's listing to its own tenant whatever the pattern, so it is applied here
        Pattern tenants = CinchDatabaseMetaData.pattern(schemaPattern);
        List<CinchDatabaseMetaData.Scope> out = new ArrayList<>();
        try (ResultSet rs = target.getMetaData().getSchemas(branch, schemaPattern)) {
            while (rs.next()) {
                String name = rs.getString("TABLE_SCHEM");
                if (branch.equals(rs.getString("TABLE_CATALOG")) && tenants.matcher(name).matches()) {
                    out.add(new CinchDatabaseMetaData.Scope(branch, name, info,
                            name.equals(tenant) ? SchemaInfo.temporary(target) : List.of()));
                }
            }
        }
        return out;
    }
}
