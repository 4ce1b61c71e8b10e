package io.cinch.store;

import java.nio.file.Path;

/**
 * Where each part of a project lives: {@code cinch.db} (metadata), {@code cinch.epoch} (a shared change counter),
 * {@code backups/<database-id>/<branch-id>/<tenant-id>/} (each tenant's own backups), and {@code data/<database-id>/<branch-id>/} holding the branch's {@code template.db} and its
 * tenants' files, sharded as {@code <tenant-id / 256>/<tenant-id>.db}. Files are named by ids, never by names, so
 * paths cannot collide and renaming a tenant touches no file.
 */
public record Layout(Path root) {

    /** Tenants per shard directory. */
    static final int SHARD_SIZE = 256;

    /** The metadata database. */
    public Path metadata() {
        return root.resolve("cinch.db");
    }

    /** The file holding the shared change counter. */
    public Path epoch() {
        return root.resolve("cinch.epoch");
    }

    /** The file remembering the database and branch that the {@code cinch} command works on. */
    public Path checkout() {
        return root.resolve("cinch.checkout");
    }

    /** The directory of backups. */
    public Path backups() {
        return root.resolve("backups");
    }

    /** The directory of one tenant's backups. */
    public Path backups(Tenant t) {
        return backups().resolve(Long.toString(t.databaseId())).resolve(Long.toString(t.branchId()))
                .resolve(Long.toString(t.id()));
    }

    /** A tenant's backup file, by its validated plain name. */
    public Path backup(Tenant t, String file) {
        return backups(t).resolve(file);
    }

    /** The directory of all data files. */
    public Path data() {
        return root.resolve("data");
    }

    /** The directory of the spare tenant files that processes prepare ahead of first writes. */
    public Path spares() {
        return data().resolve("spares");
    }

    /** The directory of a database's files. */
    public Path database(long databaseId) {
        return data().resolve(Long.toString(databaseId));
    }

    /** The directory of a branch's files. */
    public Path branch(long databaseId, long branchId) {
        return database(databaseId).resolve(Long.toString(branchId));
    }

    /** The branch's template: an empty database at the branch's schema, which lazy tenants read. */
    public Path template(long databaseId, long branchId) {
        return branch(databaseId, branchId).resolve("template.db");
    }

    /** A tenant's own file. */
    public Path tenant(Tenant t) {
        return tenant(t.databaseId(), t.branchId(), t.id());
    }

    /** A tenant's own file, by ids. */
    public Path tenant(long databaseId, long branchId, long tenantId) {
        return branch(databaseId, branchId).resolve(Long.toString(tenantId / SHARD_SIZE)).resolve(tenantId + ".db");
    }

    /** The files SQLite keeps beside a database file in WAL mode. */
    public static Path[] withCompanions(Path file) {
        return new Path[] {file, Path.of(file + "-wal"), Path.of(file + "-shm"), Path.of(file + "-journal")};
    }
}
