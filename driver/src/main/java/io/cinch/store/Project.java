package io.cinch.store;

import io.cinch.sql.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A project directory opened in this JVM: its metadata, its pool of open files, and caches of what the metadata
 * says, valid until the shared {@link Epoch} moves. One instance per directory, shared by all connections to it,
 * closed when no connection has used it for a while.
 */
public final class Project {

    private static final Map<Path, Project> OPEN = new ConcurrentHashMap<>();
    /** Projects by the path users gave (relative or not), so that an open project is found with one stat of its metadata. */
    private static final Map<Path, Project> BY_GIVEN_PATH = new ConcurrentHashMap<>();
    private static final long IDLE_CLOSE_MS = 30_000;
    private static final ScheduledExecutorService REAPER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cinch-project-closer");
        t.setDaemon(true);
        return t;
    });

    static {
        REAPER.scheduleWithFixedDelay(Project::closeIdle, IDLE_CLOSE_MS, IDLE_CLOSE_MS / 3, TimeUnit.MILLISECONDS);
    }

    private final Layout layout;
    private final Path metadataFile;
    private final Object metadataFileKey;
    private final Epoch epoch;
    private final Epoch materializations;
    private final Metadata metadata;
    private final FilePool files;
    private final TenantFiles tenantFiles;
    private final Map<Long, SchemaLock> schemaLocks = new ConcurrentHashMap<>();
    private final CatchUp catchUp;
    private final SpareFiles spares;
    private volatile Snapshot snapshot = new Snapshot(-1);
    private int users;
    private long lastUse = System.currentTimeMillis();
    private boolean retired;
    private boolean closed;

    private Project(Layout layout, Epoch epoch, Epoch materializations, Metadata metadata, Object metadataFileKey) {
        this.metadataFile = layout.metadata();
        this.metadataFileKey = metadataFileKey;
        this.layout = layout;
        this.epoch = epoch;
        this.materializations = materializations;
        this.metadata = metadata;
        this.files = new FilePool(FilePool.configuredIdleFiles());
        this.tenantFiles = new TenantFiles(this);
        this.catchUp = new CatchUp(this);
        this.spares = new SpareFiles(this);
    }

    /**
     * Opens the project at {@code dir} for one user, who must call {@link #release()} when done. A missing project
     * is created (holding database {@code main} and {@code database}) when {@code create} is true, else refused.
     */
    public static Project acquire(Path dir, boolean create, String database) throws SQLException {
        Project known = BY_GIVEN_PATH.get(dir);
        if (known != null) {
            synchronized (known) {
                if (!known.closed && !known.retired && known.metadataFileKey.equals(fileKey(known.metadataFile))) {
                    known.users++;
                    known.lastUse = System.currentTimeMillis();
                    return known;
                }
            }
        }
        Project project = acquireSlowly(dir, create, database);
        BY_GIVEN_PATH.put(dir, project);
        return project;
    }

    private static Project acquireSlowly(Path dir, boolean create, String database) throws SQLException {
        Path absolute = dir.toAbsolutePath().normalize();
        boolean exists = Files.isRegularFile(absolute.resolve("cinch.db"));
        if (!exists && !create) {
            throw SqlState.CANNOT_CONNECT.exception("no cinch project at " + absolute + " (and create=false)");
        }
        Path key;
        try {
            Files.createDirectories(absolute);
            key = absolute.toRealPath();
        } catch (IOException e) {
            throw SqlState.CANNOT_CONNECT.exception("cannot create project directory " + absolute + ": " + e.getMessage(), e);
        }
        while (true) {
            Project project = OPEN.computeIfAbsent(key, Project::openUnchecked);
            if (project == null) {
                throw SqlState.CANNOT_CONNECT.exception("cannot open project at " + key);
            }
            synchronized (project) {
                if (!project.closed && !project.metadataFileKey.equals(fileKey(project.metadataFile))) {
                    project.retire();
                    continue;
                }
                if (!project.closed) {
                    project.users++;
                    project.lastUse = System.currentTimeMillis();
                    if (!exists) {
                        try {
                            project.initialize(database);
                        } catch (SQLException | RuntimeException e) {
                            project.users--;
                            throw e;
                        }
                    }
                    return project;
                }
            }
        }
    }

    private static Project openUnchecked(Path root) {
        try {
            Layout layout = new Layout(root);
            Epoch epoch = new Epoch(layout.epoch(), Epoch.CHANGES);
            Epoch materializations = new Epoch(layout.epoch(), Epoch.MATERIALIZATIONS);
            Project project = new Project(layout, epoch, materializations,
                    Metadata.open(layout.metadata(), epoch, materializations), fileKey(layout.metadata()));
            project.tenantFiles.deleteDoomed();
            project.spares.deleteAbandoned();
            project.tenantFiles.resolveAbandoned();
            project.catchUp.resume();
            return project;
        } catch (IOException | SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot open cinch project at " + root, e);
            return null;
        }
    }

    private static final System.Logger LOG = System.getLogger(Project.class.getName());

    private void initialize(String database) throws SQLException {
        metadata.write(v -> {
            if (v.database("main").isEmpty()) {
                tenantFiles.createDatabase(v, "main");
            }
            if (database != null && v.database(database).isEmpty()) {
                tenantFiles.createDatabase(v, database);
            }
            return null;
        });
    }

    /** Says that one user is done with the project. */
    public synchronized void release() {
        users--;
        lastUse = System.currentTimeMillis();
        if (retired && users == 0) {
            close();
        }
    }

    /**
     * Takes this instance out of use because its directory was deleted and made anew since it was opened: later users
     * get a fresh instance, and this one closes when its last user is done.
     */
    private void retire() {
        OPEN.remove(layout.root(), this);
        retired = true;
        if (users == 0) {
            close();
        }
    }

    /** What identifies a file on disk (its inode), so that a file deleted and made anew is told apart. */
    private static Object fileKey(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file;
        } catch (IOException e) {
            return "missing";
        }
    }

    private static void closeIdle() {
        long now = System.currentTimeMillis();
        for (Project project : OPEN.values()) {
            synchronized (project) {
                if (project.users == 0 && now - project.lastUse >= IDLE_CLOSE_MS) {
                    project.close();
                }
            }
        }
    }

    /** Closes every project no connection uses now; for tests and shutdown. */
    public static void closeUnused() {
        for (Project project : OPEN.values()) {
            synchronized (project) {
                if (project.users == 0) {
                    project.close();
                }
            }
        }
    }

    private void close() {
        closed = true;
        OPEN.remove(layout.root(), this);
        BY_GIVEN_PATH.values().removeIf(p -> p == this);
        catchUp.stop();
        spares.close();
        files.clear();
        try {
            metadata.close();
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "closing metadata of " + layout.root(), e);
        }
    }

    /** Where the project's files are. */
    public Layout layout() {
        return layout;
    }

    /** The metadata database. */
    public Metadata metadata() {
        return metadata;
    }

    /** The pool of open SQLite files. */
    public FilePool files() {
        return files;
    }

    /** Operations on tenants' files. */
    public TenantFiles tenantFiles() {
        return tenantFiles;
    }

    /** The shared change counter's value now: when it differs from an earlier reading, caches must be refreshed. */
    public long epoch() {
        return epoch.read();
    }

    /** True when what was read at epoch {@code seen} may still be trusted. */
    public boolean unchangedSince(long seen) {
        long now = epoch.read();
        return now == seen && Epoch.settled(now);
    }

    /**
     * The shared counter of first writes to lazy tenants, which the epoch leaves out: only a reader of a lazy tenant
     * must look again when it moves.
     */
    public long materializations() {
        return materializations.read();
    }

    /** True when no lazy tenant got its file since the count of first writes read {@code seen}. */
    public boolean noMaterializationSince(long seen) {
        long now = materializations.read();
        return now == seen && Epoch.settled(now);
    }

    /** The database called {@code name}, or 08001. */
    public Database database(String name) throws SQLException {
        Snapshot s = snapshot();
        Database db = s.databases.get(name);
        if (db == null) {
            db = metadata.read(v -> v.database(name)).orElseThrow(
                    () -> SqlState.CANNOT_CONNECT.exception("unknown database '" + name + "'"));
            s.databases.put(name, db);
        }
        return db;
    }

    /** The branch called {@code name} of {@code database}, or 3D000. */
    public Branch branch(Database database, String name) throws SQLException {
        Snapshot s = snapshot();
        Named key = new Named(database.id(), name);
        Branch branch = s.branches.get(key);
        if (branch == null) {
            branch = metadata.read(v -> v.branch(database.id(), name)).orElseThrow(
                    () -> SqlState.UNKNOWN_BRANCH.exception("unknown branch '" + name + "' in database '" + database.name() + "'"));
            s.branches.put(key, branch);
        }
        return branch;
    }

    /** The tenant called {@code name} of {@code branch}, or 3F000. */
    public Tenant tenant(Branch branch, String name) throws SQLException {
        return findTenant(branch, name).orElseThrow(
                () -> SqlState.UNKNOWN_TENANT.exception("unknown tenant '" + name + "' in branch '" + branch.name() + "'"));
    }

    /** The tenant called {@code name} of {@code branch}, if there is one. */
    public Optional<Tenant> findTenant(Branch branch, String name) throws SQLException {
        Map<Named, Tenant> tenants = snapshot().tenants(materializations.read());
        Named key = new Named(branch.id(), name);
        Tenant tenant = tenants.get(key);
        if (tenant == null) {
            Optional<Tenant> found = metadata.read(v -> v.tenant(branch.id(), name));
            found.ifPresent(t -> tenants.put(key, t));
            return found;
        }
        return Optional.of(tenant);
    }

    /** The tenant with id {@code id} as the metadata says now, if it still exists. */
    public Optional<Tenant> tenant(long id) throws SQLException {
        return metadata.read(v -> v.tenant(id));
    }

    /** The branch with id {@code id} as the metadata says now, if it still exists. */
    public Optional<Branch> branch(long id) throws SQLException {
        return metadata.read(v -> v.branch(id));
    }

    /** The branch's change log, oldest first. */
    public List<Change> changes(Branch branch) throws SQLException {
        Snapshot s = snapshot();
        List<Change> changes = s.changes.get(branch.id());
        if (changes == null) {
            changes = List.copyOf(metadata.read(v -> v.changes(branch.id())));
            s.changes.put(branch.id(), changes);
        }
        return changes;
    }

    /** The changes {@code branch} is taking now, if any. */
    public Optional<PendingChange> pending(Branch branch) throws SQLException {
        Snapshot s = snapshot();
        Optional<PendingChange> pending = s.pending.get(branch.id());
        if (pending == null) {
            pending = metadata.read(v -> v.pending(branch.id()));
            if (pending.isPresent() && tenantFiles.resolveAbandoned(branch.id())) {
                pending = metadata.read(v -> v.pending(branch.id())); // it was left by a process that stopped
            }
            s.pending.put(branch.id(), pending);
        }
        return pending;
    }

    /** The lock that one schema change of {@code branch} at a time holds. */
    public SchemaLock schemaLock(Branch branch) {
        return schemaLocks.computeIfAbsent(branch.id(),
                id -> new SchemaLock(layout.branch(branch.databaseId(), id).resolve("schema.lock")));
    }

    /** This process's spare tenant files, which first writes claim. */
    SpareFiles spares() {
        return spares;
    }

    /** What this process's spare tenant files did so far, for benchmarks. */
    public SpareCounts spareCounts() {
        return spares.counts();
    }

    /** The background work that brings materialized files up to their branch's schema. */
    public CatchUp catchUp() {
        return catchUp;
    }

    /** The branch's schema version: the length of its change log. */
    public int version(Branch branch) throws SQLException {
        return changes(branch).size();
    }

    /** The schema version a file was last seen at, or -1 if not known since the caches were last refreshed. */
    int knownVersion(Path file) {
        return snapshot().fileVersions.getOrDefault(file, -1);
    }

    /** Remembers the schema version a file is at. */
    void knowVersion(Path file, int version) {
        snapshot().fileVersions.put(file, version);
    }

    private Snapshot snapshot() {
        long now = epoch.read();
        Snapshot s = snapshot;
        if (s.epoch != now || !Epoch.settled(now)) {
            s = new Snapshot(now);
            snapshot = s;
        }
        return s;
    }

    /** A name within its parent (a branch of a database, a tenant of a branch). */
    private record Named(long parent, String name) {
    }

    /** The file of a materialized tenant. */
    public Path file(Tenant tenant) {
        return snapshot().tenantFiles.computeIfAbsent(tenant.id(), id -> layout.tenant(tenant));
    }

    /** What the metadata said at one epoch. */
    private static final class Snapshot {
        final long epoch;
        final Map<String, Database> databases = new ConcurrentHashMap<>();
        final Map<Named, Branch> branches = new ConcurrentHashMap<>();
        /** Tenants by name, which also say whether they have their file: kept for one count of first writes. */
        private volatile TenantsAt tenants = new TenantsAt(-1, Map.of());
        final Map<Long, Path> tenantFiles = new ConcurrentHashMap<>();
        final Map<Long, List<Change>> changes = new ConcurrentHashMap<>();
        final Map<Long, Optional<PendingChange>> pending = new ConcurrentHashMap<>();
        final Map<Path, Integer> fileVersions = new ConcurrentHashMap<>();

        Snapshot(long epoch) {
            this.epoch = epoch;
        }

        /** The tenants by name read since the count of first writes was {@code materializations}. */
        Map<Named, Tenant> tenants(long materializations) {
            TenantsAt t = tenants;
            if (t.materializations != materializations || !Epoch.settled(materializations)) {
                t = new TenantsAt(materializations, new ConcurrentHashMap<>());
                tenants = t;
            }
            return t.byName;
        }
    }

    /** Tenants by name as read at one count of first writes. */
    private record TenantsAt(long materializations, Map<Named, Tenant> byName) {
    }
}
