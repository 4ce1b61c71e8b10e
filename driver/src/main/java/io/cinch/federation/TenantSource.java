package io.cinch.federation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** What the cross-tenant engine needs from cinch's core: tenants, the branch's tables, open tenant files, system rows. */
public interface TenantSource {

    /** Every tenant of the branch, lazy ones included, by name. */
    List<TenantRef> tenants();

    /** The tenants that have files (the only ones with rows), by name. */
    List<TenantRef> materialized();

    /** The tables of the branch (lower-case names) and their columns in declaration order. */
    Map<String, List<ColumnDef>> tables();

    /** Lends an open sqlite-jdbc connection to a materialized tenant's file, at the branch's schema. */
    Connection borrow(TenantRef tenant) throws SQLException;

    /** Gives back a connection obtained from {@link #borrow}. */
    void release(TenantRef tenant, Connection connection);

    /** Rows of {@code cinch.branches}: name, source, created_at. */
    List<Object[]> branches();

    /** Rows of {@code cinch.changes}: branch, seq, type, entity, sql, created_at. */
    List<Object[]> changes();

    /** Rows of {@code cinch.databases}: name, created_at. */
    List<Object[]> databases();
}
