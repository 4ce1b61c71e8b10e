package io.cinch.store;

import io.cinch.sql.SqlState;
import io.cinch.sql.Values;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The project's metadata database ({@code cinch.db}): databases, branches, tenants and change logs. Reads go through
 * one connection, writes through another inside {@code BEGIN IMMEDIATE}, which also serializes writers of other
 * processes.
 */
public final class Metadata implements AutoCloseable {

    /** Work done with a view of the metadata. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work. */
        T run(View view) throws SQLException;
    }

    private static final String NOW = Values.NOW;
    private static final int BUSY_TIMEOUT_MS = 60_000;
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS databases (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              name TEXT NOT NULL UNIQUE,
              created_at TEXT NOT NULL DEFAULT (%1$s));
            CREATE TABLE IF NOT EXISTS branches (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              database_id INTEGER NOT NULL,
              name TEXT NOT NULL,
              source TEXT,
              created_at TEXT NOT NULL DEFAULT (%1$s),
              UNIQUE (database_id, name));
            CREATE TABLE IF NOT EXISTS tenants (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              branch_id INTEGER NOT NULL,
              name TEXT NOT NULL,
              created_at TEXT NOT NULL DEFAULT (%1$s),
              materialized INTEGER NOT NULL DEFAULT 0,
              premade TEXT,
              UNIQUE (branch_id, name));
            CREATE INDEX IF NOT EXISTS tenants_materialized ON tenants(branch_id, id) WHERE materialized = 1;
            CREATE TABLE IF NOT EXISTS changes (
              branch_id INTEGER NOT NULL,
              seq INTEGER NOT NULL,
              id TEXT NOT NULL,
              type TEXT NOT NULL,
              entity TEXT NOT NULL,
              touches TEXT NOT NULL,
              sql TEXT NOT NULL,
              schema_hash TEXT NOT NULL,
              created_at TEXT NOT NULL DEFAULT (%1$s),
              PRIMARY KEY (branch_id, seq)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS doomed_files (path TEXT PRIMARY KEY);
            CREATE TABLE IF NOT EXISTS pending_changes (
              branch_id INTEGER NOT NULL,
              seq INTEGER NOT NULL,
              id TEXT NOT NULL,
              type TEXT NOT NULL,
              entity TEXT NOT NULL,
              touches TEXT NOT NULL,
              sql TEXT NOT NULL,
              schema_hash TEXT NOT NULL,
              origin_tenant_id INTEGER,
              sealed INTEGER NOT NULL DEFAULT 0,
              failed_state TEXT,
              failed_message TEXT,
              PRIMARY KEY (branch_id, seq)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS catch_up (
              branch_id INTEGER PRIMARY KEY,
              version INTEGER NOT NULL,
              next_tenant_id INTEGER NOT NULL);
            """.formatted(NOW);
    private static final String TENANT_COLUMNS =
            "SELECT t.id, t.branch_id, b.database_id, t.name, t.created_at, t.materialized, t.premade FROM tenants t "
            + "JOIN branches b ON b.id = t.branch_id ";

    private final Connection reader;
    private final Connection writer;
    private final Map<String, PreparedStatement> readerStatements = new HashMap<>();
    private final Map<String, PreparedStatement> writerStatements = new HashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Epoch epoch;
    private final Epoch materializations;
    private View current;

    private Metadata(Connection reader, Connection writer, Epoch epoch, Epoch materializations) {
        this.reader = reader;
        this.writer = writer;
        this.epoch = epoch;
        this.materializations = materializations;
    }

    /** Opens (creating if needed) the metadata database at {@code file}. */
    static Metadata open(Path file, Epoch epoch, Epoch materializations) throws SQLException {
        Connection writer = connect(file);
        try (Statement s = writer.createStatement()) {
            s.executeUpdate(SCHEMA);
            addColumnOfSpares(s);
        }
        return new Metadata(connect(file), writer, epoch, materializations);
    }

    /** Gives the tenants of a project made before spares stayed where they were made their {@code premade} column. */
    private static void addColumnOfSpares(Statement s) throws SQLException {
        s.executeUpdate("BEGIN IMMEDIATE"); // two processes opening an old project at once: one adds it
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pragma_table_info('tenants') WHERE name = 'premade'")) {
            if (rs.next() && rs.getInt(1) == 0) {
                s.executeUpdate("ALTER TABLE tenants ADD COLUMN premade TEXT");
            }
        } finally {
            s.executeUpdate("COMMIT");
        }
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try {
            return config.createConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw SqlState.CANNOT_CONNECT.exception("cannot open project metadata " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs read-only work; inside a write of the same thread it sees that write's changes. Outside one, each query
     * sees the metadata as it is when it runs: what must be seen whole is read in one query.
     */
    public <T> T read(Work<T> work) throws SQLException {
        if (writeLock.isHeldByCurrentThread()) {
            return work.run(current);
        }
        synchronized (reader) {
            return work.run(new View(reader, readerStatements));
        }
    }

    /**
     * Runs work in one write transaction, committed when the work returns and rolled back when it throws; a write
     * nested in another joins it.
     */
    public <T> T write(Work<T> work) throws SQLException {
        if (writeLock.isHeldByCurrentThread()) {
            return work.run(current);
        }
        writeLock.lock();
        Epoch moved = null;
        try (Statement s = writer.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            current = new View(writer, writerStatements);
            try {
                T result = work.run(current);
                moved = current.invalidates ? epoch : current.materializes ? materializations : null;
                if (moved != null) {
                    moved.begin();
                }
                s.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    s.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } finally {
            if (moved != null) {
                moved.end();
            }
            current = null;
            writeLock.unlock();
        }
    }

    @Override
    public void close() throws SQLException {
        try (reader; writer) {
            // both closed
        }
    }

    /** Queries and updates of the metadata through one connection. */
    public static final class View {
        private final Connection c;
        private final Map<String, PreparedStatement> prepared;
        private boolean invalidates;
        private boolean materializes;

        private View(Connection c, Map<String, PreparedStatement> prepared) {
            this.c = c;
            this.prepared = prepared;
        }

        /** Says that this write changes what processes cache; other processes then refresh. */
        public void invalidate() {
            invalidates = true;
        }

        /** Says that this write gives lazy tenants their files; whoever holds a lazy tenant then looks again. */
        private void materialize() {
            materializes = true;
        }

        /** A database by name. */
        public Optional<Database> database(String name) throws SQLException {
            return first(query("SELECT id, name, created_at FROM databases WHERE name = ?", View::database, name));
        }

        /** All databases by name. */
        public List<Database> databases() throws SQLException {
            return query("SELECT id, name, created_at FROM databases ORDER BY name", View::database);
        }

        /** Records a new database. */
        public Database insertDatabase(String name) throws SQLException {
            return query("INSERT INTO databases(name) VALUES (?) RETURNING id, name, created_at", View::database, name).get(0);
        }

        /** Removes a database and everything recorded under it. */
        public void deleteDatabase(long id) throws SQLException {
            for (Branch b : branches(id)) {
                deleteBranch(b.id());
            }
            update("DELETE FROM databases WHERE id = ?", id);
            invalidate();
        }

        /** A branch by database and name. */
        public Optional<Branch> branch(long databaseId, String name) throws SQLException {
            return first(query("SELECT id, database_id, name, source, created_at FROM branches WHERE database_id = ? AND name = ?",
                    View::branch, databaseId, name));
        }

        /** A branch by id. */
        public Optional<Branch> branch(long id) throws SQLException {
            return first(query("SELECT id, database_id, name, source, created_at FROM branches WHERE id = ?", View::branch, id));
        }

        /** A database's branches by name. */
        public List<Branch> branches(long databaseId) throws SQLException {
            return query("SELECT id, database_id, name, source, created_at FROM branches WHERE database_id = ? ORDER BY name",
                    View::branch, databaseId);
        }

        /** Records a new branch. */
        public Branch insertBranch(long databaseId, String name, String source) throws SQLException {
            return query("INSERT INTO branches(database_id, name, source) VALUES (?, ?, ?) "
                    + "RETURNING id, database_id, name, source, created_at", View::branch, databaseId, name, source).get(0);
        }

        /** Removes a branch with its tenants and change log. */
        public void deleteBranch(long id) throws SQLException {
            update("DELETE FROM tenants WHERE branch_id = ?", id);
            update("DELETE FROM changes WHERE branch_id = ?", id);
            update("DELETE FROM branches WHERE id = ?", id);
            invalidate();
        }

        /** A tenant by branch and name. */
        public Optional<Tenant> tenant(long branchId, String name) throws SQLException {
            return first(query(TENANT_COLUMNS + "WHERE t.branch_id = ? AND t.name = ?", View::tenant, branchId, name));
        }

        /** A tenant by id. */
        public Optional<Tenant> tenant(long id) throws SQLException {
            return first(query(TENANT_COLUMNS + "WHERE t.id = ?", View::tenant, id));
        }

        /** A branch's tenants by name. */
        public List<Tenant> tenants(long branchId) throws SQLException {
            return query(TENANT_COLUMNS + "WHERE t.branch_id = ? ORDER BY t.name", View::tenant, branchId);
        }

        /** How many tenants a branch has. */
        public int tenantCount(long branchId) throws SQLException {
            return query("SELECT count(*) FROM tenants WHERE branch_id = ?", rs -> rs.getInt(1), branchId).get(0);
        }

        /** A branch's tenants that have files. */
        public List<Tenant> materializedTenants(long branchId) throws SQLException {
            return query(TENANT_COLUMNS + "WHERE t.branch_id = ? AND t.materialized = 1 ORDER BY t.name", View::tenant, branchId);
        }

        /** Records a new tenant of {@code branch}; a null {@code createdAt} means now; an existing name is 42710. */
        public Tenant insertTenant(Branch branch, String name, String createdAt, boolean materialized) throws SQLException {
            try {
                return query("INSERT INTO tenants(branch_id, name, created_at, materialized) VALUES (?, ?, coalesce(?, "
                        + NOW + "), ?) RETURNING id, created_at", rs -> new Tenant(rs.getLong(1), branch.id(),
                        branch.databaseId(), name, rs.getString(2), materialized, null), branch.id(), name, createdAt,
                        materialized ? 1 : 0).get(0);
            } catch (SQLException e) {
                if (SqlState.stateOf(e) == SqlState.UNIQUE_VIOLATION) {
                    throw SqlState.ALREADY_EXISTS.exception("tenant '" + name + "' already exists", e);
                }
                throw e;
            }
        }

        /** Removes a tenant's record. */
        public void deleteTenant(long id) throws SQLException {
            update("DELETE FROM tenants WHERE id = ?", id);
            invalidate();
        }

        /** Renames a tenant; its file, named by id, stays where it is. */
        public void renameTenant(long id, String name) throws SQLException {
            update("UPDATE tenants SET name = ? WHERE id = ?", name, id);
            invalidate();
        }

        /** Records that a tenant now has its file: the spare named {@code premade}, or when null one named by its id. */
        public void markMaterialized(long id, String premade) throws SQLException {
            update("UPDATE tenants SET materialized = 1, premade = ? WHERE id = ?", premade, id);
            materialize();
        }

        /** The spares of process {@code owner} that tenants of a branch claimed, as {@code <owner>/<n>}. */
        public Set<String> claimedSpares(long branchId, String owner) throws SQLException {
            return Set.copyOf(query("SELECT premade FROM tenants WHERE branch_id = ? AND premade >= ? AND premade < ?",
                    rs -> rs.getString(1), branchId, owner + "/", owner + "0"));
        }

        /** The branch's change log, oldest first. */
        public List<Change> changes(long branchId) throws SQLException {
            return query("SELECT seq, id, type, entity, touches, sql, schema_hash, created_at FROM changes "
                    + "WHERE branch_id = ? ORDER BY seq", View::change, branchId);
        }

        /** Appends a change to a branch's log, keeping its seq; a null {@code createdAt} means now. */
        public void appendChange(long branchId, Change change) throws SQLException {
            update("INSERT INTO changes(branch_id, seq, id, type, entity, touches, sql, schema_hash, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, " + NOW + "))", branchId, change.seq(), change.id(),
                    change.type(), change.entity(), String.join(",", change.touches()), change.sql(), change.schemaHash(),
                    change.createdAt());
            invalidate();
        }

        /** Records changes a branch is about to take, and who else must check them, before they are tried on tenants. */
        public void insertPending(long branchId, List<Change> changes, Long originTenantId) throws SQLException {
            for (Change change : changes) {
                update("INSERT INTO pending_changes(branch_id, seq, id, type, entity, touches, sql, schema_hash, "
                        + "origin_tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", branchId, change.seq(), change.id(),
                        change.type(), change.entity(), String.join(",", change.touches()), change.sql(),
                        change.schemaHash(), originTenantId);
            }
            invalidate();
        }

        /**
         * The changes a branch is taking now, if any: one query, since a read outside a transaction sees each
         * statement's own snapshot, and the changes may commit or roll back between two.
         */
        public Optional<PendingChange> pending(long branchId) throws SQLException {
            List<Object[]> rows = query("SELECT seq, id, type, entity, touches, sql, schema_hash, NULL, "
                    + "origin_tenant_id, sealed, failed_state, failed_message FROM pending_changes WHERE branch_id = ? "
                    + "ORDER BY seq",
                    rs -> new Object[] {View.change(rs), rs.getObject(9) == null ? null : rs.getLong(9),
                            rs.getInt(10) == 1, rs.getString(11), rs.getString(12)}, branchId);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            List<Change> changes = rows.stream().map(r -> (Change) r[0]).toList();
            Object[] s = rows.get(0);
            return Optional.of(new PendingChange(branchId, changes, (Long) s[1], (Boolean) s[2], (String) s[3],
                    (String) s[4]));
        }

        /** Branches with pending changes. */
        public List<Long> pendingBranches() throws SQLException {
            return query("SELECT DISTINCT branch_id FROM pending_changes", rs -> rs.getLong(1));
        }

        /**
         * Records that a tenant's committed data breaks a branch's pending changes, the ones holding the change
         * {@code changeId}, which then fail; false when they were already decided (sealed) or are gone, even if other
         * changes are pending now.
         */
        public boolean failPending(long branchId, String changeId, String state, String message) throws SQLException {
            PreparedStatement ps = statement("UPDATE pending_changes SET failed_state = coalesce(failed_state, ?), "
                    + "failed_message = coalesce(failed_message, ?) WHERE branch_id = ? AND sealed = 0 "
                    + "AND ? IN (SELECT id FROM pending_changes WHERE branch_id = ?)");
            bind(ps, new Object[] {state, message, branchId, changeId, branchId});
            return ps.executeUpdate() > 0;
        }

        /** Decides that a branch's pending changes commit, unless a tenant made them fail; says whether they do. */
        public boolean sealPending(long branchId) throws SQLException {
            PreparedStatement ps = statement("UPDATE pending_changes SET sealed = 1 WHERE branch_id = ? "
                    + "AND failed_state IS NULL");
            bind(ps, new Object[] {branchId});
            boolean sealed = ps.executeUpdate() > 0;
            invalidate();
            return sealed;
        }

        /** Moves a branch's pending changes into its log. */
        public void commitPending(long branchId) throws SQLException {
            update("INSERT INTO changes(branch_id, seq, id, type, entity, touches, sql, schema_hash) SELECT branch_id, "
                    + "seq, id, type, entity, touches, sql, schema_hash FROM pending_changes WHERE branch_id = ?", branchId);
            deletePending(branchId);
        }

        /** Forgets a branch's pending changes. */
        public void deletePending(long branchId) throws SQLException {
            update("DELETE FROM pending_changes WHERE branch_id = ?", branchId);
            invalidate();
        }

        /** Where the background catch-up of each branch stands: branch id to {version, next tenant id}. */
        public Map<Long, long[]> catchUps() throws SQLException {
            Map<Long, long[]> out = new HashMap<>();
            for (long[] row : query("SELECT branch_id, version, next_tenant_id FROM catch_up",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})) {
                out.put(row[0], new long[] {row[1], row[2]});
            }
            return out;
        }

        /** Records how far the background catch-up of a branch got; a null {@code next} means it is done. */
        public void catchUp(long branchId, int version, Long next) throws SQLException {
            if (next == null) {
                update("DELETE FROM catch_up WHERE branch_id = ? AND version <= ?", branchId, version);
            } else {
                update("INSERT INTO catch_up(branch_id, version, next_tenant_id) VALUES (?, ?, ?) ON CONFLICT(branch_id) "
                        + "DO UPDATE SET version = excluded.version, next_tenant_id = excluded.next_tenant_id "
                        + "WHERE excluded.version >= catch_up.version", branchId, version, next);
            }
        }

        /** How many tenants of a branch have their own file. */
        public int materializedCount(long branchId) throws SQLException {
            return query("SELECT count(*) FROM tenants WHERE branch_id = ? AND materialized = 1", rs -> rs.getInt(1),
                    branchId).get(0);
        }

        /** Up to {@code limit} materialized tenants of a branch with ids from {@code from}, by id. */
        public List<Tenant> materializedTenants(long branchId, long from, int limit) throws SQLException {
            return query(TENANT_COLUMNS + "WHERE t.branch_id = ? AND t.materialized = 1 AND t.id >= ? ORDER BY t.id "
                    + "LIMIT ?", View::tenant, branchId, from, limit);
        }

        /** Notes a file to delete once the transaction that made it garbage has committed. */
        public void doom(Path file) throws SQLException {
            update("INSERT OR IGNORE INTO doomed_files(path) VALUES (?)", file.toString());
        }

        /** Files noted for deletion. */
        public List<Path> doomed() throws SQLException {
            return query("SELECT path FROM doomed_files", rs -> Path.of(rs.getString(1)));
        }

        /** Forgets a file that has been deleted. */
        public void forget(Path file) throws SQLException {
            update("DELETE FROM doomed_files WHERE path = ?", file.toString());
        }

        private static Database database(ResultSet rs) throws SQLException {
            return new Database(rs.getLong(1), rs.getString(2), rs.getString(3));
        }

        private static Branch branch(ResultSet rs) throws SQLException {
            return new Branch(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
        }

        private static Tenant tenant(ResultSet rs) throws SQLException {
            String premade = rs.getString(7);
            if (premade != null && !Layout.isPremadeName(premade)) {
                throw SqlState.INTERNAL_ERROR.exception("cinch.db names a file for tenant '" + rs.getString(4)
                        + "' that cinch would not make: " + premade);
            }
            return new Tenant(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6) == 1,
                    premade);
        }

        private static Change change(ResultSet rs) throws SQLException {
            Set<String> touches = new LinkedHashSet<>(Arrays.asList(rs.getString(5).split(",")));
            touches.remove("");
            return new Change(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), Set.copyOf(touches),
                    rs.getString(6), rs.getString(7), rs.getString(8));
        }

        @FunctionalInterface
        private interface Row<T> {
            T read(ResultSet rs) throws SQLException;
        }

        private <T> List<T> query(String sql, Row<T> row, Object... args) throws SQLException {
            PreparedStatement ps = statement(sql);
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row.read(rs));
                }
                return out;
            }
        }

        private void update(String sql, Object... args) throws SQLException {
            PreparedStatement ps = statement(sql);
            bind(ps, args);
            ps.executeUpdate();
        }

        /** The connection's statement for {@code sql}, prepared once: the metadata's queries are few and frequent. */
        private PreparedStatement statement(String sql) throws SQLException {
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                ps = c.prepareStatement(sql);
                prepared.put(sql, ps);
            }
            return ps;
        }

        private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
        }

        private static <T> Optional<T> first(List<T> rows) {
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }
}
