package io.cinch.store;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each part of a project lives: {@code cinch.db} (metadata), {@code cinch.epoch} (a shared change counter),
 * {@code backups/<database-id>/<branch-id>/<tenant-id>/} (each tenant's own backups), and {@code data/<database-id>/<branch-id>/} holding the branch's {@code template.db} and its
 * tenants' files, sharded as {@code <tenant-id / 256>/<tenant-id>.db}, or for a tenant that claimed a spare file where
 * the spare was made, {@code premade/<owner>/<n / 256>/<n>.db}. Files are named by ids, never by names, so paths
 * cannot collide and renaming a tenant touches no file.
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

    /** The directory of the locks of the processes that prepare spare tenant files ahead of first writes. */
    public Path spares() {
        return data().resolve("spares");
    }

    /** The directory of the spare files that process {@code owner} made for a branch. */
    public Path premade(long databaseId, long branchId, String owner) {
        return branch(databaseId, branchId).resolve("premade").resolve(owner);
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
        if (t.premade() == null) {
            return branch(t.databaseId(), t.branchId()).resolve(Long.toString(t.id() / SHARD_SIZE)).resolve(t.id() + ".db");
        }
        Matcher name = PREMADE.matcher(t.premade());
        if (!name.matches()) {
            throw new IllegalArgumentException("not a spare's name: " + t.premade()); // Metadata checked it
        }
        return premade(t.databaseId(), t.branchId(), name.group(1), Long.parseLong(name.group(2)));
    }

    /** Spare file {@code n} of process {@code owner} for a branch, which a tenant may claim as its file. */
    public Path premade(long databaseId, long branchId, String owner, long n) {
        return premade(databaseId, branchId, owner).resolve(Long.toString(n / SHARD_SIZE)).resolve(n + ".db");
    }

    /** What a tenant's record holds for spare file {@code n} of process {@code owner}. */
    static String premadeName(String owner, long n) {
        return owner + "/" + n;
    }

    /** True for a spare's name as {@link #premadeName} makes it. */
    static boolean isPremadeName(String name) {
        return PREMADE.matcher(name).matches();
    }

    /** True for the name of a process that makes spares (a random UUID), as its lock and directories use it. */
    static boolean isOwner(String name) {
        return name.matches(OWNER);
    }

    private static final String OWNER = "[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}";

    /** A spare's name as a tenant's record holds it: a process's UUID and a number, nothing that could leave its directory. */
    private static final Pattern PREMADE = Pattern.compile("(" + OWNER + ")/([0-9]{1,18})");

    /** The files SQLite keeps beside a database file in WAL mode. */
    public static Path[] withCompanions(Path file) {
        return new Path[] {file, Path.of(file + "-wal"), Path.of(file + "-shm"), Path.of(file + "-journal")};
    }
}
