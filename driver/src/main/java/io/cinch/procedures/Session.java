package io.cinch.procedures;

import io.cinch.schema.Migration;
import io.cinch.store.Branch;
import io.cinch.store.Database;
import io.cinch.store.Project;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** What a procedure may know and change of the connection that calls it. */
public interface Session {

    /** The project the connection is open on. */
    Project project();

    /** The connection's database. */
    Database database() throws SQLException;

    /** The connection's branch. */
    Branch branch() throws SQLException;

    /** True on the cross-tenant connection, where only listing procedures run. */
    boolean crossTenant();

    /** The connection's tenant, or null on the cross-tenant connection. */
    String tenantName();

    /** Refuses (42501) when the connection is locked to another tenant than {@code tenantName}. */
    void checkReach(String tenantName) throws SQLException;

    /** Refuses (42501) on a connection locked to one tenant: {@code what} would reach all tenants. */
    void checkUnlocked(String what) throws SQLException;

    /** Moves the connection to tenant {@code name} of its branch. */
    void switchTenant(String name) throws SQLException;

    /** Moves the connection to branch {@code name}, keeping the tenant name. */
    void switchBranch(String name) throws SQLException;

    /** The statement that result sets report as their owner. */
    Statement owner();

    /** Applies a schema change of the branch (a connection with an open transaction makes it part of that). */
    default void changeSchema(Migration.Step step) throws SQLException {
        new Migration(project(), branch()).apply(List.of(step));
    }
}
