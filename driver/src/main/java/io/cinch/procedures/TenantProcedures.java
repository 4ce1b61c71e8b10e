package io.cinch.procedures;

import io.cinch.sql.MemoryResultSet;
import io.cinch.sql.MemoryResultSet.Column;
import io.cinch.sql.SqlState;
import io.cinch.store.Branch;
import io.cinch.store.Change;
import io.cinch.store.Handle;
import io.cinch.store.Names;
import io.cinch.store.Project;
import io.cinch.store.SchemaLock;
import io.cinch.store.Tenant;
import io.cinch.store.TenantFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/** The tenant procedures: create, delete, rename, copy, list, switch, back up and restore. */
final class TenantProcedures {

    private TenantProcedures() {
    }

    static ResultSet create(Session session, Args args) throws SQLException {
        String name = args.name(0, "tenant");
        Branch branch = session.branch();
        Tenant tenant = session.project().metadata().write(v -> v.insertTenant(branch, name, null, false));
        return MemoryResultSet.of(Column.text("tenant"), Column.text("created_at"))
                .row(tenant.name(), tenant.createdAt()).build(session.owner());
    }

    static ResultSet delete(Session session, Args args) throws SQLException {
        String name = args.name(0, "tenant");
        refuseMain(name, "deleted");
        session.checkReach(name);
        Project project = session.project();
        Tenant tenant = project.tenant(session.branch(), name);
        project.metadata().write(v -> {
            v.deleteTenant(tenant.id());
            v.doom(project.layout().tenant(tenant));
            return null;
        });
        project.tenantFiles().deleteDoomed();
        return tenantRow(session, name);
    }

    static ResultSet rename(Session session, Args args) throws SQLException {
        String from = args.name(0, "tenant");
        String to = args.name(1, "tenant");
        refuseMain(from, "renamed");
        session.checkReach(from);
        Project project = session.project();
        Branch branch = session.branch();
        project.metadata().write(v -> {
            Tenant tenant = v.tenant(branch.id(), from).orElseThrow(() -> unknown(from, branch));
            refuseExisting(v.tenant(branch.id(), to).isPresent(), to);
            v.renameTenant(tenant.id(), to);
            return null;
        });
        return tenantRow(session, to);
    }

    static ResultSet copy(Session session, Args args) throws SQLException {
        String from = args.name(0, "tenant");
        String to = args.name(1, "tenant");
        session.checkReach(from);
        Project project = session.project();
        Branch branch = session.branch();
        project.metadata().write(v -> {
            Tenant source = v.tenant(branch.id(), from).orElseThrow(() -> unknown(from, branch));
            Tenant copy = v.insertTenant(branch, to, null, false);
            if (source.materialized()) {
                project.tenantFiles().copy(project.layout().tenant(source), project.layout().tenant(copy));
                v.markMaterialized(copy.id(), null);
            }
            return null;
        });
        return tenantRow(session, to);
    }

    static ResultSet list(Session session, Args args) throws SQLException {
        Project project = session.project();
        Branch branch = session.branch();
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("name"), Column.text("created_at"),
                Column.bool("materialized"), Column.integer("size_bytes"));
        for (Tenant t : project.metadata().read(v -> v.tenants(branch.id()))) {
            out.row(t.name(), t.createdAt(), t.materialized(), project.tenantFiles().size(t));
        }
        return out.build(session.owner());
    }

    static ResultSet switchTo(Session session, Args args) throws SQLException {
        String name = args.name(0, "tenant");
        session.switchTenant(name);
        return tenantRow(session, name);
    }

    static ResultSet backup(Session session, Args args) throws SQLException {
        String name = args.name(0, "tenant");
        String file = Names.checkBackupFile(args.text(1, "a backup file name"));
        session.checkReach(name);
        Project project = session.project();
        Tenant tenant = project.tenant(session.branch(), name);
        long size = project.tenantFiles().backUp(project.tenantFiles().fileOf(tenant), project.layout().backup(tenant, file));
        return MemoryResultSet.of(Column.text("tenant"), Column.text("file"), Column.integer("size_bytes"))
                .row(name, file, size).build(session.owner());
    }

    /**
     * Restores a tenant from its own backup, or, given a third name, from another tenant's backup: an operator's
     * action, refused on a locked connection.
     */
    static ResultSet restore(Session session, Args args) throws SQLException {
        String name = args.name(0, "tenant");
        String file = Names.checkBackupFile(args.text(1, "a backup file name"));
        String owner = args.name(2, "tenant", name);
        session.checkReach(name);
        if (!owner.equals(name)) {
            session.checkUnlocked("restore a tenant from another tenant's backup");
        }
        Project project = session.project();
        Branch branch = session.branch();
        Tenant tenant = project.tenant(branch, name);
        Path backup = project.layout().backup(owner.equals(name) ? tenant : project.tenant(branch, owner), file);
        if (!Files.isRegularFile(backup)) {
            throw SqlState.INVALID_ARGUMENT.exception("tenant '" + owner + "' has no backup '" + file + "'");
        }
        SchemaLock lock = project.schemaLock(branch);
        Object holder = new Object();
        lock.acquire(holder); // restored data is checked by no pending change: none may run meanwhile
        Handle h = null;
        try {
            checkCompatible(TenantFiles.stamp(backup), project.changes(branch), file, branch);
            Tenant target = tenant.materialized() ? tenant : project.tenantFiles().materialize(tenant);
            h = project.files().borrow(project.layout().tenant(target), false, null);
            project.tenantFiles().restore(h, backup);
            project.metadata().write(v -> {
                v.invalidate();
                return null;
            });
            project.tenantFiles().catchUp(h, branch);
        } finally {
            if (h != null) {
                project.files().release(h);
            }
            lock.release(holder);
        }
        return tenantRow(session, name);
    }

    /** A tenant's backups (the connection's own tenant when none is named), by file name. */
    static ResultSet listBackups(Session session, Args args) throws SQLException {
        Project project = session.project();
        String name = args.name(0, "tenant", session.crossTenant() ? null : session.tenantName());
        if (name == null) {
            throw SqlState.INVALID_ARGUMENT.exception("name the tenant whose backups to list");
        }
        session.checkReach(name);
        Tenant tenant = project.tenant(session.branch(), name);
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("tenant"), Column.text("file"),
                Column.integer("size_bytes"), Column.text("path"));
        Path dir = project.layout().backups(tenant);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    String file = p.getFileName().toString();
                    if (Names.isBackupFile(file)) {
                        out.row(name, file, Files.size(p), p.toAbsolutePath().toString());
                    }
                }
            } catch (IOException e) {
                throw SqlState.IO_ERROR.exception("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        return out.build(session.owner());
    }

    /** A backup fits a branch when its schema is the schema the branch's log had at the backup's version. */
    private static void checkCompatible(TenantFiles.SchemaStamp stamp, List<Change> log, String file, Branch branch)
            throws SQLException {
        boolean fits = stamp.version() <= log.size() && stamp.schemaHash().equals(
                stamp.version() == 0 ? TenantFiles.EMPTY_SCHEMA_HASH : log.get(stamp.version() - 1).schemaHash());
        if (!fits) {
            throw SqlState.INVALID_ARGUMENT.exception("backup '" + file + "' does not hold a schema of branch '"
                    + branch.name() + "' (schema version " + stamp.version() + ")");
        }
    }

    private static ResultSet tenantRow(Session session, String name) {
        return MemoryResultSet.of(Column.text("tenant")).row(name).build(session.owner());
    }

    private static void refuseExisting(boolean exists, String name) throws SQLException {
        if (exists) {
            throw SqlState.ALREADY_EXISTS.exception("tenant '" + name + "' already exists");
        }
    }

    private static SQLException unknown(String name, Branch branch) {
        return SqlState.UNKNOWN_TENANT.exception("unknown tenant '" + name + "' in branch '" + branch.name() + "'");
    }

    private static void refuseMain(String name, String what) throws SQLException {
        if (name.equals("main")) {
            throw SqlState.NOT_ALLOWED.exception("tenant 'main' cannot be " + what);
        }
    }
}
