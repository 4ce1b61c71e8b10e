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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteOpenMode;

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

    /**
     * Lends a connection to {@code tenant} like {@link #borrow}, but leaves to the background catch-up the index
     * creations that are all its file lacks ({@link #catchUpForReading}).
     */
    public Handle borrowForReading(Tenant tenant, Branch branch, Properties settings) throws SQLException {
        Handle h = project.files().borrow(fileOf(tenant), !tenant.materialized(), settings);
        try {
            catchUpForReading(h, branch);
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
     * transaction, unless it is already there. The handle must not be inside a transaction. A template is brought up
     * through a writable connection of its own, since lazy tenants read it through read-only ones.
     */
    public void catchUp(Handle h, Branch branch) throws SQLException {
        List<Change> log = project.changes(branch);
        if (project.knownVersion(h.file()) == log.size()) {
            h.lacksIndexes(false);
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
            if (h.isTemplate()) {
                try (SQLiteConnection writable = writable(h.file())) {
                    catchUp(writable, log, h.file());
                }
            } else {
                catchUp(h.jdbc(), log, h.file());
            }
        }
        project.knowVersion(h.file(), log.size());
        h.lacksIndexes(false);
    }

    /**
     * Brings the file behind {@code h} up like {@link #catchUp(Handle, Branch)}, unless all it lacks are index
     * creations: those it leaves to the background catch-up and marks the handle ({@link Handle#lacksIndexes}), since
     * a query returns the same rows without an index and building one can take seconds on a large file.
     */
    public void catchUpForReading(Handle h, Branch branch) throws SQLException {
        List<Change> log = project.changes(branch);
        if (!h.isTemplate() && project.knownVersion(h.file()) != log.size()) {
            int current = h.userVersion();
            if (current < log.size() && log.subList(current, log.size()).stream()
                    .allMatch(c -> c.type().equals("create_index"))) {
                h.lacksIndexes(true);
                return;
            }
        }
        catchUp(h, branch);
    }

    /** Applies the changes of {@code log} that the file lacks, in one write transaction. */
    static void catchUp(SQLiteConnection c, List<Change> log, Path file) throws SQLException {
        try {
            c.getDatabase()._exec("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw SqlState.of(e, "bringing " + file.getFileName() + " up to schema version " + log.size());
        }
        int[] from = {-1};
        try {
            int now = userVersion(c);
            from[0] = now;
            if (now < log.size()) {
                apply(c, log.subList(now, log.size()), log.size());
            }
            c.getDatabase()._exec("COMMIT");
        } catch (SQLException e) {
            c.getDatabase()._exec("ROLLBACK");
            throw SqlState.of(e, "bringing " + file.getFileName() + " up to schema version " + log.size() + " from " + from[0]);
        } catch (RuntimeException e) {
            c.getDatabase()._exec("ROLLBACK");
            throw e;
        }
    }

    /** A writable connection of cinch's own to a file, outside the pool (for templates and schema work). */
    public static SQLiteConnection writable(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        try {
            return (SQLiteConnection) config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw SqlState.of(e, "cannot open " + file);
        }
    }

    /** The schema version recorded in a file. */
    public static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
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
     * Inside a write transaction on a tenant's own file, just before it commits: brings the file up to the branch's
     * log (a change that committed while the transaction ran wins: a write breaking it fails), then checks the
     * transaction against the changes the branch is taking now. A write that breaks those commits, and they fail
     * (the writer wins), unless they were already decided: then the write is refused with 40001, to be retried.
     */
    public void settle(Handle h, Branch branch, Tenant tenant) throws SQLException {
        List<Change> log = project.changes(branch);
        if (project.knownVersion(h.file()) != log.size()) {
            int current = h.userVersion();
            if (current < log.size()) {
                try {
                    apply(h.jdbc(), log.subList(current, log.size()), log.size());
                } catch (SQLException e) {
                    throw SqlState.of(e, "the write breaks the schema change that the branch took while it ran");
                }
            }
        }
        Optional<PendingChange> pending = project.pending(branch);
        if (pending.isEmpty() || Objects.equals(pending.get().originTenantId(), tenant.id())
                || pending.get().version() != log.size() + pending.get().changes().size()) {
            return;
        }
        SQLException broken = null;
        h.execute("SAVEPOINT cinch_check");
        try (Statement s = h.jdbc().createStatement()) {
            s.executeUpdate(pending.get().sql());
        } catch (SQLException e) {
            broken = e;
        } finally {
            h.execute("ROLLBACK TO cinch_check");
            h.execute("RELEASE cinch_check");
        }
        if (broken != null) {
            SQLException reason = SqlState.of(broken, "schema change refused: it fails for tenant '" + tenant.name() + "'");
            String checked = pending.get().changes().get(0).id(); // only these fail: others may be pending by now
            boolean recorded = project.metadata().write(v -> v.failPending(branch.id(), checked, reason.getSQLState(),
                    reason.getMessage()));
            if (!recorded) {
                throw SqlState.BUSY.exception("a schema change of branch '" + branch.name()
                        + "' was decided while this write ran; retry the transaction");
            }
        }
    }

    /**
     * Tries {@code changes} on a materialized tenant's file after the log's changes it lacks, in a transaction that
     * is rolled back: the tenant's data is unchanged, and an error names the tenant.
     */
    public void validate(Tenant tenant, List<Change> log, List<Change> changes) throws SQLException {
        Path file = project.layout().tenant(tenant);
        Handle idle = project.files().borrowIdle(file);
        try (SQLiteConnection own = idle == null ? writable(file) : null) {
            SQLiteConnection c = idle != null ? idle.jdbc() : own;
            c.getDatabase()._exec("BEGIN IMMEDIATE");
            try {
                int current = userVersion(c);
                if (current < log.size()) {
                    apply(c, log.subList(current, log.size()), log.size());
                }
                apply(c, changes, log.size() + changes.size());
            } catch (SQLException e) {
                throw SqlState.of(e, "schema change refused: it fails for tenant '" + tenant.name() + "'");
            } finally {
                c.getDatabase()._exec("ROLLBACK");
            }
        } finally {
            if (idle != null) {
                project.files().release(idle);
            } else {
                project.files().closeIdle(file);
            }
        }
    }

    /**
     * Settles the changes that a process left pending when it stopped: those that were decided, and whose origin
     * tenant committed, go into the log; the rest are forgotten (no tenant kept them). Branches whose schema lock
     * is held by a live change are left alone.
     */
    public void resolveAbandoned() throws SQLException {
        for (long branchId : project.metadata().read(Metadata.View::pendingBranches)) {
            resolveAbandoned(branchId);
        }
    }

    /**
     * Settles a branch's pending changes if no live change holds the branch's schema lock (they were left by a
     * process that stopped); says whether it did.
     */
    boolean resolveAbandoned(long branchId) throws SQLException {
        Optional<Branch> branch = project.metadata().read(v -> v.branch(branchId));
        if (branch.isEmpty()) {
            project.metadata().write(v -> {
                v.deletePending(branchId);
                return null;
            });
            return true;
        }
        SchemaLock lock = project.schemaLock(branch.get());
        Object owner = new Object();
        if (!lock.tryAcquire(owner)) {
            return false;
        }
        try {
            project.metadata().write(v -> {
                Optional<PendingChange> pending = v.pending(branchId);
                if (pending.isPresent() && originCommitted(v, pending.get())) {
                    v.commitPending(branchId);
                } else if (pending.isPresent()) {
                    v.deletePending(branchId);
                }
                return null;
            });
            return true;
        } finally {
            lock.release(owner);
        }
    }

    private boolean originCommitted(Metadata.View v, PendingChange pending) throws SQLException {
        if (!pending.sealed() || pending.originTenantId() == null) {
            return false;
        }
        Optional<Tenant> origin = v.tenant(pending.originTenantId());
        if (origin.isEmpty() || !origin.get().materialized()) {
            return false;
        }
        try (SQLiteConnection c = writable(project.layout().tenant(origin.get()))) {
            return userVersion(c) >= pending.version();
        }
    }

    /**
     * Gives a lazy tenant its file and records it; returns the tenant as it is now (already materialized by someone
     * else is fine). The file is one of this process's spare files when one is ready at the branch's schema version
     * (see {@link SpareFiles}), which the tenant's record then names; else a new file written as a spare is, synced
     * with its directory, at the path named by the tenant's id. Both happen inside the metadata's write
     * transaction, which every thread and process takes in turn, so that no one can put a file over one that another
     * has already put in place and written to. The file's schema version is then known (see
     * {@link Project#knownVersion}), so that the background catch-up of a change it already has leaves it alone.
     */
    public Tenant materialize(Tenant tenant) throws SQLException {
        Path file = project.layout().tenant(tenant);
        Branch branch = project.branch(tenant.branchId()).orElseThrow(
                () -> SqlState.UNKNOWN_BRANCH.exception("the branch of tenant '" + tenant.name() + "' no longer exists"));
        TemplateImage image = templateImage(branch); // kept per schema version: usually no work
        int[] placed = {-1};
        SpareFiles.Spare[] claimed = {null};
        Tenant materialized;
        try {
            materialized = project.metadata().write(v -> {
                Tenant now = v.tenant(tenant.id()).orElseThrow(
                        () -> SqlState.UNKNOWN_TENANT.exception("tenant '" + tenant.name() + "' no longer exists"));
                if (!now.materialized()) {
                    int version = project.version(branch);
                    claimed[0] = project.spares().claim(branch.id(), version);
                    if (claimed[0] != null) {
                        placed[0] = version;
                    } else {
                        placed[0] = image.version();
                        writeInPlace(file, image);
                    }
                    v.markMaterialized(now.id(), claimed[0] == null ? null : claimed[0].name());
                }
                return v.tenant(now.id()).orElseThrow();
            });
        } catch (SQLException | RuntimeException e) {
            if (claimed[0] != null) {
                project.spares().discard(claimed[0]); // no record names it
            }
            throw e;
        }
        if (placed[0] >= 0) {
            // known versions are the epoch's: a change committed since starts anew
            project.knowVersion(project.layout().tenant(materialized), placed[0]);
        }
        return materialized;
    }

    /**
     * Writes {@code image} as {@code file}, after deleting what a crash before the metadata committed left there; both
     * the file and its name are on disk before the tenant's record can name it.
     */
    private static void writeInPlace(Path file, TemplateImage image) throws SQLException {
        try {
            NewTenantFile.createDirectories(file.getParent());
            for (Path companion : Layout.withCompanions(file)) {
                Files.deleteIfExists(companion);
            }
            NewTenantFile.write(file, image);
            NewTenantFile.syncDirectory(file.getParent());
        } catch (IOException e) {
            throw SqlState.IO_ERROR.exception("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of the branch's template at the log's version, kept until the branch's schema moves on. */
    TemplateImage templateImage(Branch branch) throws SQLException {
        int version = project.version(branch);
        TemplateImage kept = images.get(branch.id());
        if (kept != null && kept.version() == version) {
            return kept;
        }
        Handle h = project.files().borrow(project.layout().template(branch.databaseId(), branch.id()), true, null);
        try {
            catchUp(h, branch);
            byte[] bytes = h.jdbc().serialize("main");
            TemplateImage image = new TemplateImage(version, bytes, WalImage.of(bytes));
            images.put(branch.id(), image);
            return image;
        } finally {
            project.files().release(h);
        }
    }

    /** A branch template's bytes at one schema version, and a log for a new file made of them ({@link WalImage}). */
    record TemplateImage(int version, byte[] bytes, byte[] wal) {
    }

    private final Map<Long, TemplateImage> images = new ConcurrentHashMap<>();

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
            try {
                deleteTreePatiently(path);
            } catch (SQLException e) {
                // a background catch-up kept writing a file of it: the next open deletes the rest
                LOG.log(System.Logger.Level.INFO, "cannot delete " + path + " yet; it stays noted for deletion", e);
                continue;
            }
            project.spares().deleted(path);
            project.metadata().write(v -> {
                v.forget(path);
                return null;
            });
        }
    }

    /** As {@link #deleteTree}, trying again a few times while a background catch-up may still touch the files. */
    private static void deleteTreePatiently(Path path) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteTree(path);
                return;
            } catch (SQLException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
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
