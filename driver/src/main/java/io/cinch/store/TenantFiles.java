package io.cinch.store;

import io.cinch.sql.SqlState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * What happens to the SQLite files of tenants and templates: creating, lending, bringing up to the branch's schema,
 * materializing, copying, backing up, restoring and deleting them.
 */
public final class TenantFiles {

    /** Marks files created by cinch ({@code PRAGMA application_id}, "cinc"). */
    public static final int APPLICATION_ID = 0x63696e63;

    private final Project project;

    TenantFiles(Project project) {
        this.project = project;
    }

    /** Records a new database with branch {@code main} and tenant {@code main}, and creates its template. */
    public Database createDatabase(Metadata.View v, String name) throws SQLException {
        Database db = v.insertDatabase(name);
        Branch main = v.insertBranch(db.id(), "main", null);
        createTemplate(main, null);
        v.insertTenant(main, "main", null, false);
        return db;
    }

    /**
     * Creates the template of a new branch, replacing any leftover of a failed attempt: a copy of {@code source}
     * (another branch's template), or an empty schema at version 0 when {@code source} is null.
     */
    public void createTemplate(Branch branch, Path source) throws SQLException {
        Path file = project.layout().template(branch.databaseId(), branch.id());
        project.files().evict(file.getParent());
        deleteTree(file.getParent());
        if (source != null) {
            copy(source, file);
            return;
        }
        createDirectories(file.getParent());
        walMode(file);
    }

    /**
     * Lends a connection for reading and writing {@code tenant}: its own file, or the branch's template (opened
     * read-only) while it is lazy. The file is brought up to the branch's schema first.
     */
    public Handle borrow(Tenant tenant, Branch branch, Properties settings) throws SQLException {
        Handle h = project.files().borrow(fileOf(tenant), !tenant.materialized(), settings);
        try {
            catchUp(h, branch);
            return h;
        } catch (SQLException | RuntimeException e) {
            project.files().release(h);
            throw e;
        }
    }

    /** The file a tenant's connections open: its own, or the branch's template while it is lazy. */
    public Path fileOf(Tenant tenant) {
        return tenant.materialized() ? project.file(tenant) : project.layout().template(tenant.databaseId(), tenant.branchId());
    }

    /**
     * Brings the file behind {@code h} up to the branch's schema version by applying the changes it lacks, in one
     * transaction, unless it is already there. The handle must not be inside a transaction.
     */
    public void catchUp(Handle h, Branch branch) throws SQLException {
        List<Change> log = project.changes(branch);
        if (project.knownVersion(h.file()) == log.size()) {
            return;
        }
        int current = h.userVersion();
        if (current > log.size()) {
            log = project.metadata().read(v -> v.changes(branch.id()));
            if (current > log.size()) {
                throw SqlState.INTERNAL_ERROR.exception(h.file() + " is at schema version " + current
                        + ", ahead of its branch's log (" + log.size() + ")");
            }
        }
        if (current < log.size()) {
            Handle writer = h.isTemplate() ? project.files().borrow(h.file(), false, null) : h;
            try {
                List<Change> changes = log;
                writer.writing(() -> {
                    applyMissing(writer, changes);
                    return null;
                });
            } finally {
                if (writer != h) {
                    project.files().release(writer);
                }
            }
        }
        project.knowVersion(h.file(), log.size());
    }

    /** Applies, in one transaction, the changes of {@code log} the file behind the writable {@code h} lacks. */
    private static void applyMissing(Handle h, List<Change> log) throws SQLException {
        h.execute("BEGIN IMMEDIATE");
        try {
            int now = h.userVersion();
            if (now < log.size()) {
                apply(h.jdbc(), log.subList(now, log.size()), log.size());
            }
            h.execute("COMMIT");
        } catch (SQLException e) {
            h.execute("ROLLBACK");
            throw SqlState.of(e, "bringing " + h.file().getFileName() + " up to schema version " + log.size());
        } catch (RuntimeException e) {
            h.execute("ROLLBACK");
            throw e;
        }
    }

    /** Runs {@code changes} on a connection inside a transaction and records {@code version} in the file. */
    public static void apply(Connection c, List<Change> changes, int version) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Change change : changes) {
                s.executeUpdate(change.sql());
            }
            s.executeUpdate("PRAGMA user_version = " + version);
        }
    }

    /**
     * Gives a lazy tenant its file, a copy of the branch's template, and records it; returns the tenant as it is
     * now (already materialized by someone else is fine).
     */
    public Tenant materialize(Tenant tenant) throws SQLException {
        return project.metadata().write(v -> {
            Tenant now = v.tenant(tenant.id()).orElseThrow(
                    () -> SqlState.UNKNOWN_TENANT.exception("tenant '" + tenant.name() + "' no longer exists"));
            if (!now.materialized()) {
                copy(project.layout().template(now.databaseId(), now.branchId()), project.layout().tenant(now));
                v.markMaterialized(now.id());
            }
            return v.tenant(now.id()).orElseThrow();
        });
    }

    /**
     * Writes a consistent copy of the database {@code from} (taken while writers go on) to {@code to}, which
     * appears whole or not at all; returns its size.
     */
    public long copy(Path from, Path to) throws SQLException {
        return copy(from, to, true);
    }

    /** As {@link #copy}, but never replaces an existing {@code to}: a backup is refused (42710) instead. */
    public long backUp(Path from, Path to) throws SQLException {
        if (Files.exists(to)) {
            throw SqlState.ALREADY_EXISTS.exception("backup '" + to.getFileName() + "' already exists; backups are never overwritten");
        }
        return copy(from, to, false);
    }

    private long copy(Path from, Path to, boolean replace) throws SQLException {
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        createDirectories(to.getParent());
        deleteFile(tmp);
        try {
            Handle h = project.files().borrow(from, false, null);
            try {
                if (!copyWhileWalEmpty(h, from, tmp)) {
                    try (Statement s = h.jdbc().createStatement()) {
                        s.executeUpdate("VACUUM INTO '" + tmp.toString().replace("'", "''") + "'");
                    }
                }
            } finally {
                project.files().release(h);
            }
            walMode(tmp);
            if (replace) {
                for (Path companion : Layout.withCompanions(to)) {
                    Files.deleteIfExists(companion);
                }
                Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.createLink(to, tmp); // fails, atomically, when the name was taken meanwhile
            }
            return Files.size(to);
        } catch (FileAlreadyExistsException e) {
            throw SqlState.ALREADY_EXISTS.exception("backup '" + to.getFileName() + "' already exists; backups are never overwritten", e);
        } catch (IOException e) {
            throw SqlState.IO_ERROR.exception("cannot write " + to + ": " + e.getMessage(), e);
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Makes a new file (or a new copy) a cinch file in WAL mode before anyone can open it: switching modes needs the
     * file to itself, and SQLite would refuse connections opening it at once (sqlite-jdbc sets the mode before its
     * busy timeout).
     */
    private static void walMode(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setApplicationId(APPLICATION_ID);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file)) {
            // opening with the setting is the whole work
        }
    }

    /**
     * Copies the database file's bytes when a consistent snapshot is the file alone: after a checkpoint has emptied
     * the write-ahead log, a read transaction pins that snapshot, and while it is open no checkpoint may write into
     * the file. Returns false (nothing copied) when writers kept the log from emptying.
     */
    private static boolean copyWhileWalEmpty(Handle h, Path from, Path to) throws SQLException {
        h.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        h.execute("BEGIN");
        try {
            h.pragmaInt("schema_version");
            Path wal = Path.of(from + "-wal");
            if (Files.exists(wal) && Files.size(wal) > 0) {
                return false;
            }
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            throw SqlState.IO_ERROR.exception("cannot copy " + from + ": " + e.getMessage(), e);
        } finally {
            h.execute("COMMIT");
        }
    }

    /**
     * Replaces the data of the file behind {@code h} with the database in {@code backup}, in one transaction that
     * other connections see whole.
     */
    public void restore(Handle h, Path backup) throws SQLException {
        h.writing(() -> h.jdbc().getDatabase().restore("main", backup.toString(), null));
    }

    /** The schema version and schema fingerprint of a database file, opened read-only. */
    public static SchemaStamp stamp(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            return new SchemaStamp(intPragma(s, "user_version"), schemaHash(c));
        } catch (SQLException e) {
            throw SqlState.INVALID_ARGUMENT.exception(file.getFileName() + " is not a readable SQLite database: " + e.getMessage(), e);
        }
    }

    private static int intPragma(Statement s, String pragma) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** A database file's schema version and schema fingerprint. */
    public record SchemaStamp(int version, String schemaHash) {
    }

    /** The fingerprint of an empty schema. */
    public static final String EMPTY_SCHEMA_HASH = hash(new java.util.ArrayList<>());

    /** A fingerprint of a database's schema: every object's type, name, table and SQL. */
    public static String schemaHash(Connection c) throws SQLException {
        List<String> parts = new java.util.ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master "
                     + "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")) {
            while (rs.next()) {
                for (int i = 1; i <= 4; i++) {
                    parts.add(String.valueOf(rs.getString(i)));
                }
            }
        }
        return hash(parts);
    }

    private static String hash(List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Size in bytes of a tenant's data on disk (its file and write-ahead log), 0 when lazy. */
    public long size(Tenant tenant) {
        if (!tenant.materialized()) {
            return 0;
        }
        long size = 0;
        for (Path p : Layout.withCompanions(project.layout().tenant(tenant))) {
            try {
                size += p.getFileName().toString().endsWith("-shm") ? 0 : Files.size(p);
            } catch (IOException e) {
                // a companion that is not there counts nothing
            }
        }
        return size;
    }

    /** Deletes the files of a branch whose creation failed (its metadata rolls back). */
    public void deleteBranchFiles(Branch branch) {
        Path dir = project.layout().branch(branch.databaseId(), branch.id());
        project.files().evict(dir);
        try {
            deleteTree(dir);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot delete " + dir + " after a failed branch creation", e);
        }
    }

    private static final System.Logger LOG = System.getLogger(TenantFiles.class.getName());

    /** Deletes, after the metadata transaction that doomed them committed, the files noted for deletion. */
    public void deleteDoomed() throws SQLException {
        for (Path path : project.metadata().read(Metadata.View::doomed)) {
            project.files().evict(path);
            deleteTree(path);
            project.metadata().write(v -> {
                v.forget(path);
                return null;
            });
        }
    }

    /** Deletes a file with its WAL companions, or a directory with everything under it. */
    static void deleteTree(Path path) throws SQLException {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> all = Files.walk(path)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            } else {
                for (Path p : Layout.withCompanions(path)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException | UncheckedIOException e) {
            throw SqlState.IO_ERROR.exception("cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    private static void deleteFile(Path p) throws SQLException {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw SqlState.IO_ERROR.exception("cannot delete " + p + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw SqlState.IO_ERROR.exception("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
