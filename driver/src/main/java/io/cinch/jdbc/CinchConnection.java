package io.cinch.jdbc;

import io.cinch.sql.SqlAction;
import io.cinch.procedures.Args;
import io.cinch.procedures.Procedure;
import io.cinch.procedures.ProcedureCall;
import io.cinch.procedures.Session;
import io.cinch.schema.Migration;
import io.cinch.schema.Ddl;
import io.cinch.schema.SchemaInfo;
import io.cinch.sql.SqlState;
import io.cinch.sql.SqlStatement;
import io.cinch.store.Branch;
import io.cinch.store.Database;
import io.cinch.store.Handle;
import io.cinch.store.Names;
import io.cinch.store.Project;
import io.cinch.store.SchemaLock;
import io.cinch.store.Tenant;
import java.util.Optional;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A connection to one tenant of one branch: every statement runs on that tenant's SQLite file (or, while the tenant
 * is lazy, on the branch's template opened read-only, until its first write materializes it). Schema statements become
 * changes of the whole branch; {@code CALL cinch.*} runs procedures.
 */
public final class CinchConnection implements Connection, Session {

    /** Tenants kept attached at most (SQLite allows ten attached databases). */
    private static final int MAX_ATTACHED = 8;

    private final ConnectionUrl url;
    private final Project project;
    private final boolean locked;
    private final List<CinchStatement> statements = new ArrayList<>();
    private Database database;
    private Branch branch;
    private Tenant tenant;
    private Handle handle;
    private long seenEpoch;
    /** The count of first writes when this connection last looked whether its lazy tenant got a file. */
    private long seenMaterializations;
    private boolean stale;
    private boolean autoCommit = true;
    private boolean readOnly;
    private boolean inTransaction;
    private boolean closed;
    private int isolation = TRANSACTION_SERIALIZABLE;
    private int holdability = ResultSet.CLOSE_CURSORS_AT_COMMIT;
    private int networkTimeout;
    private Properties clientInfo = new Properties();
    private SQLWarning warnings;
    private Statement owner;
    /** Handles that statements still read open result sets from, after the connection moved to another file. */
    private final Map<Handle, Integer> pins = new IdentityHashMap<>();
    /** The schema statements of the open transaction, or null when it has none (and holds no schema lock). */
    private List<String> transactionDdl;
    /** Savepoints of the open transaction: name and how many schema statements came before it. */
    private final Deque<Map.Entry<String, Integer>> savepoints = new ArrayDeque<>();
    /** True when the open transaction wrote to the tenant. */
    private boolean wrote;
    private final Migration.Origin origin = new Migration.Origin() {
        @Override
        public Tenant tenant() {
            return tenant;
        }

        @Override
        public void commit(int version) throws SQLException {
            handle.execute("PRAGMA user_version = " + version);
            commitOnHandle();
        }
    };

    CinchConnection(ConnectionUrl url, Project project) throws SQLException {
        this.url = url;
        this.project = project;
        this.locked = url.flag(Property.LOCK_TENANT);
        seenEpoch = project.epoch();
        seenMaterializations = project.materializations();
        database = project.database(url.get(Property.DATABASE));
        branch = project.branch(database, url.get(Property.BRANCH));
        tenant = project.tenant(branch, url.get(Property.TENANT));
        handle = project.tenantFiles().borrowForReading(tenant, branch, url.sqliteSettings());
    }

    // ---- what statements use ----

    /**
     * The handle to run the next statement on, after making sure the tenant and branch still exist and the file is
     * at the branch's schema (unless a transaction is open, which keeps its snapshot), and that a lazy tenant did not
     * get its file from another connection.
     */
    Handle handle() throws SQLException {
        checkOpen();
        if (stale || !project.unchangedSince(seenEpoch)) {
            refresh();
        } else if (!tenant.materialized() && !project.noMaterializationSince(seenMaterializations)) {
            lookForFile();
        }
        return handle;
    }

    /** After first writes somewhere in the project: moves to the tenant's file if it is one of them. */
    private void lookForFile() throws SQLException {
        long materializations = project.materializations();
        Tenant now = project.tenant(tenant.id()).orElseThrow(() -> SqlState.UNKNOWN_TENANT.exception(
                "tenant '" + tenant.name() + "' was deleted"));
        if (now.materialized() && !inTransaction) {
            handle.detachAll();
            replaceHandle(branch, now);
        } else if (now.materialized()) {
            stale = true;
            return;
        }
        seenMaterializations = materializations;
    }

    private void refresh() throws SQLException {
        long epoch = project.epoch();
        long materializations = project.materializations();
        Branch nowBranch = project.branch(branch.id()).orElseThrow(() -> SqlState.UNKNOWN_BRANCH.exception(
                "branch '" + branch.name() + "' was deleted"));
        Tenant now = project.tenant(tenant.id()).orElseThrow(() -> SqlState.UNKNOWN_TENANT.exception(
                "tenant '" + tenant.name() + "' was deleted"));
        if (inTransaction) {
            branch = nowBranch;
            seenEpoch = epoch;
            seenMaterializations = materializations;
            stale = true;
            return;
        }
        handle.detachAll();
        if (now.materialized() != tenant.materialized()) {
            replaceHandle(nowBranch, now);
        } else {
            branch = nowBranch;
            tenant = now;
            outsideTransaction(() -> {
                project.tenantFiles().catchUpForReading(handle, branch);
                return null;
            });
        }
        seenEpoch = epoch;
        seenMaterializations = materializations;
        stale = false;
    }

    /**
     * The handle to run {@code statement} on: before anything but a query of rows, outside a transaction, the file
     * first takes the index creations left to the background catch-up (a write inside a transaction takes them when
     * it settles). Tells the catch-up that a statement runs, so it keeps to one core for a moment.
     */
    Handle handle(SqlStatement statement) throws SQLException {
        project.catchUp().foreground();
        Handle h = handle();
        if (h.lacksIndexes() && !inTransaction && !statement.readsRowsOnly()) {
            outsideTransaction(() -> {
                project.tenantFiles().catchUp(h, branch);
                return null;
            });
        }
        return h;
    }

    /** Notes that a statement ran on the tenant: with auto-commit off, a transaction is now open. */
    void ran(SqlStatement statement) {
        if (statement.kind() == SqlStatement.Kind.TRANSACTION) {
            String verb = statement.verb();
            boolean rollbackTo = verb.equals("rollback") && statement.find("to", 1) > 0;
            if (verb.equals("begin") || verb.equals("savepoint")) {
                inTransaction = true;
            } else if (verb.equals("commit") || verb.equals("end") || (verb.equals("rollback") && !rollbackTo)) {
                inTransaction = !autoCommit;
            }
        } else if (!autoCommit) {
            inTransaction = true;
        }
        if (inTransaction && statement.kind() != SqlStatement.Kind.QUERY && statement.kind() != SqlStatement.Kind.TRANSACTION) {
            wrote = true;
        }
    }

    /**
     * After SQLite refused a write because its target has no file yet: gives the tenant written to its file (or,
     * when {@code everything}, every lazy tenant the statement names and this one), and says whether a retry can help.
     */
    boolean materializeForWrite(TenantSql sql, boolean everything) throws SQLException {
        if (readOnly) {
            return false;
        }
        List<Tenant> targets = new ArrayList<>();
        if (everything) {
            targets.addAll(sql.attachments().values());
        } else if (sql.writeTarget() != null) {
            targets.add(sql.writeTarget());
        }
        boolean changed = false;
        for (Tenant t : targets) {
            if (!t.materialized()) {
                project.tenantFiles().materialize(t);
                changed = true;
            }
        }
        if (!tenant.materialized() && (everything || sql.writeTarget() == null)) {
            replaceHandle(branch, project.tenantFiles().materialize(tenant));
            changed = true;
        }
        return changed;
    }

    /**
     * True when SQLite runs the schema statement on this connection's temporary schema, where it stays: an index,
     * trigger, ALTER or DROP of a temporary object, or a name qualified with {@code temp}.
     */
    boolean isTemporary(SqlStatement statement) throws SQLException {
        try {
            return TemporaryDdl.isTemporary(statement, handle().jdbc());
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    /**
     * Runs a schema statement as a change of the whole branch: at once with auto-commit, else as part of the open
     * transaction (on the tenant's own file, holding the branch's schema lock), to become one change at commit. On a
     * locked connection, a table qualified with another tenant, a branch or a database is refused (42501) first.
     */
    void schemaChange(SqlStatement statement) throws SQLException {
        if (readOnly) {
            throw SqlState.READ_ONLY.exception("the connection is read-only");
        }
        checkQualifiers(statement);
        if (autoCommit && !inTransaction) {
            new Migration(project, branch).apply(List.of(Migration.Step.of(statement.text())));
            handle();
            return;
        }
        handle();
        if (!tenant.materialized()) {
            replaceHandle(branch, project.tenantFiles().materialize(tenant));
        }
        if (transactionDdl == null) {
            SchemaLock lock = project.schemaLock(branch);
            lock.acquire(origin);
            int logVersion = project.metadata().read(v -> v.changes(branch.id())).size();
            if (handle.userVersion() != logVersion && !inTransaction) {
                // nothing ran in this transaction yet: it may start from the schema the wait let in
                outsideTransaction(() -> {
                    project.tenantFiles().catchUp(handle, branch);
                    return null;
                });
            }
            if (handle.userVersion() != logVersion) {
                lock.release(origin);
                throw SqlState.BUSY.exception("the branch's schema changed while this transaction ran; roll back and retry");
            }
            transactionDdl = new ArrayList<>();
        }
        String sql = Ddl.of(statement, handle.jdbc()).sql();
        try {
            handle.markSettingsMayHaveChanged(); // a user's DDL
            handle.execute(sql);
        } catch (SQLException e) {
            throw SqlState.of(e, "schema change refused (" + statement.text() + ")");
        }
        transactionDdl.add(sql);
        inTransaction = true;
        wrote = true;
    }

    @Override
    public void changeSchema(Migration.Step step) throws SQLException {
        if (autoCommit && !inTransaction) {
            new Migration(project, branch).apply(List.of(step));
            handle();
        } else {
            schemaChange(SqlStatement.parse(step.sql()).get(0));
        }
    }

    /**
     * Handles a transaction statement the connection must see: COMMIT of a transaction with schema statements or
     * writes (true: it ran here), and the bookkeeping of ROLLBACK and savepoints (false: it still runs on SQLite).
     */
    boolean transactionStatement(SqlStatement statement) throws SQLException {
        String verb = statement.verb();
        switch (verb) {
            case "commit", "end" -> {
                if (transactionDdl == null && !wrote) {
                    return false;
                }
                handle();
                commitWork(() -> {
                    handle.execute("COMMIT");
                    return null;
                });
                ran(statement);
                return true;
            }
            case "rollback" -> {
                int to = statement.find("to", 1);
                if (to < 0) {
                    endTransactionDdl();
                } else {
                    String name = savepointName(statement, to + 1);
                    for (Map.Entry<String, Integer> mark : savepoints) {
                        if (mark.getKey().equals(name)) {
                            if (transactionDdl != null) {
                                transactionDdl.subList(mark.getValue(), transactionDdl.size()).clear();
                            }
                            break;
                        }
                    }
                }
            }
            case "savepoint" -> savepoints.push(Map.entry(savepointName(statement, 1),
                    transactionDdl == null ? 0 : transactionDdl.size()));
            case "release" -> {
                String name = savepointName(statement, 1);
                while (!savepoints.isEmpty() && !savepoints.pop().getKey().equals(name)) {
                    // savepoints after the released one go with it
                }
            }
            default -> {
                // BEGIN runs as it is
            }
        }
        return false;
    }

    private static String savepointName(SqlStatement statement, int from) {
        List<io.cinch.sql.Token> tokens = statement.tokens();
        for (int i = from; i < tokens.size(); i++) {
            io.cinch.sql.Token t = tokens.get(i);
            if (t.isName() && !t.value().equalsIgnoreCase("savepoint")) {
                return t.name().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "";
    }

    /**
     * Commits the open transaction: its schema statements become one change of the branch, committed together with
     * the tenant's data; writes are first checked against changes the branch is taking. On failure, rolls back.
     */
    private void commitWork(SqlAction<Void> commit) throws SQLException {
        try {
            if (transactionDdl != null) {
                List<String> ddl = transactionDdl;
                String sql = String.join(";\n", ddl);
                Migration.Step step = new Migration.Step(sql, null, ddl.size() == 1 ? null : "transaction", null);
                pendingCommit = commit;
                new Migration(project, branch).apply(v -> ddl.isEmpty() ? List.of() : List.of(step), null, origin);
            } else {
                if (wrote && !handle.isTemplate()) {
                    project.tenantFiles().settle(handle, branch, tenant);
                }
                commit.run();
            }
        } catch (SQLException | RuntimeException e) {
            try {
                if (autoCommit) {
                    handle.execute("ROLLBACK");
                } else {
                    handle.rollback();
                }
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            pendingCommit = null;
            endTransactionDdl();
        }
    }

    private SqlAction<Void> pendingCommit;

    private void commitOnHandle() throws SQLException {
        pendingCommit.run();
    }

    /** Forgets the transaction's schema statements and savepoints, and gives back the schema lock. */
    private void endTransactionDdl() {
        wrote = false;
        savepoints.clear();
        if (transactionDdl != null) {
            transactionDdl = null;
            project.schemaLock(branch).release(origin);
        }
    }

    /**
     * True when a write must run in a transaction of its own that is checked before it commits (with auto-commit, on
     * the tenant's own file); refuses writes to other tenants while the branch takes a schema change.
     */
    boolean guardsWrite(SqlStatement statement, TenantSql sql) throws SQLException {
        SqlStatement.Kind kind = statement.kind();
        if (kind != SqlStatement.Kind.INSERT && kind != SqlStatement.Kind.CHANGE) {
            return false;
        }
        if (sql.writeTarget() != null && project.pending(branch).isPresent()) {
            throw SqlState.BUSY.exception("branch '" + branch.name() + "' is taking a schema change; "
                    + "writes to another tenant wait until it is done: retry");
        }
        return autoCommit && !inTransaction && !handle.isTemplate();
    }

    /** Runs a write in its own immediate transaction, checked against the branch's changes before it commits. */
    <T> T guarded(SqlAction<T> write) throws SQLException {
        handle.execute("BEGIN IMMEDIATE");
        try {
            T result = write.run();
            project.tenantFiles().settle(handle, branch, tenant);
            handle.execute("COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                handle.execute("ROLLBACK");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    /** On a locked connection, refuses (42501) a schema statement naming another tenant's, branch's or database's table. */
    void checkQualifiers(SqlStatement statement) throws SQLException {
        if (locked && statement.text().indexOf('.') >= 0) {
            TenantSql.checkQualifiers(statement, this, schema());
        }
    }

    /** The branch's schema, as the connection sees it. */
    SchemaInfo schema() throws SQLException {
        return SchemaInfo.of(project, branch);
    }

    /** The tenant called {@code name} in this branch, refusing other tenants on a locked connection. */
    Optional<Tenant> otherTenant(String name) throws SQLException {
        if (!Names.isValid(name)) {
            return Optional.empty();
        }
        Optional<Tenant> found = project.findTenant(branch, name);
        if (locked && (found.isPresent() || namesBranchOrDatabase(name))) {
            throw SqlState.NOT_ALLOWED.exception("this connection is locked to tenant '" + tenant.name()
                    + "' and cannot reach '" + name + "'");
        }
        return found;
    }

    /** True when {@code name} is a branch of this database or a database of the project. */
    private boolean namesBranchOrDatabase(String name) throws SQLException {
        return project.metadata().read(v -> v.branch(database.id(), name).isPresent() || v.database(name).isPresent());
    }

    /** The current tenant. */
    Tenant tenant() {
        return tenant;
    }

    /** The project. */
    @Override
    public Project project() {
        return project;
    }

    ConnectionUrl url() {
        return url;
    }

    void forget(CinchStatement statement) {
        statements.remove(statement);
    }

    /** Moves the connection to another tenant's (or the same tenant's new) file; nothing changes if that fails. */
    private void replaceHandle(Branch newBranch, Tenant newTenant) throws SQLException {
        Handle next = project.tenantFiles().borrowForReading(newTenant, newBranch, url.sqliteSettings());
        Handle previous = handle;
        if (newTenant.id() == tenant.id()) {
            carryTemporaryObjects(previous, next);
        }
        branch = newBranch;
        tenant = newTenant;
        handle = next;
        int pinned = 0;
        for (CinchStatement s : List.copyOf(statements)) {
            pinned += s.handleReplaced(previous) ? 1 : 0;
        }
        if (pinned == 0) {
            project.files().release(previous);
        } else {
            pins.put(previous, pinned);
        }
        applyState();
    }

    /** The same tenant on a new file (its first write): the connection's temporary objects come along. */
    private void carryTemporaryObjects(Handle previous, Handle next) throws SQLException {
        try {
            if (TemporarySchema.exists(previous)) {
                next.markSessionChanged();
                TemporarySchema.copy(previous.jdbc(), next.jdbc());
            }
        } catch (SQLException e) {
            project.files().release(next);
            throw SqlState.of(e, "the connection's temporary objects could not follow its tenant to its new file");
        }
    }

    /** True when {@code h} is a former handle that statements still read result sets from. */
    boolean pinned(Handle h) {
        return pins.containsKey(h);
    }

    /** A statement is done with a former handle; the last one gives it back to the pool. */
    void unpin(Handle h) {
        Integer left = pins.get(h);
        if (left == null) {
            return;
        }
        if (left > 1) {
            pins.put(h, left - 1);
        } else {
            pins.remove(h);
            project.files().release(h);
        }
    }

    private void applyState() throws SQLException {
        handle.setAutoCommit(autoCommit);
        handle.setQueryOnly(readOnly);
        if (autoCommit && inTransaction) {
            handle.execute("BEGIN");
        }
    }

    private void outsideTransaction(SqlAction<Void> work) throws SQLException {
        boolean manual = !handle.autoCommit();
        if (manual) {
            handle.setAutoCommit(true);
        }
        try {
            work.run();
        } finally {
            if (manual) {
                handle.setAutoCommit(false);
            }
        }
    }

    // ---- Session ----

    @Override
    public Database database() {
        return database;
    }

    @Override
    public Branch branch() {
        return branch;
    }

    @Override
    public boolean crossTenant() {
        return false;
    }

    @Override
    public String tenantName() {
        return tenant.name();
    }

    @Override
    public void checkReach(String tenantName) throws SQLException {
        if (locked && !tenantName.equals(tenant.name())) {
            throw SqlState.NOT_ALLOWED.exception("this connection is locked to tenant '" + tenant.name()
                    + "' and cannot reach tenant '" + tenantName + "'");
        }
    }

    @Override
    public void checkUnlocked(String what) throws SQLException {
        if (locked) {
            throw SqlState.NOT_ALLOWED.exception("this connection is locked to tenant '" + tenant.name()
                    + "' and cannot " + what);
        }
    }

    @Override
    public void switchTenant(String name) throws SQLException {
        checkOpen();
        Names.check("tenant", name);
        if (name.equals(tenant.name())) {
            return;
        }
        if (locked) {
            throw SqlState.NOT_ALLOWED.exception("this connection is locked to tenant '" + tenant.name() + "'");
        }
        moveTo(branch.name(), name);
    }

    @Override
    public void switchBranch(String name) throws SQLException {
        checkOpen();
        Names.check("branch", name);
        moveTo(name, tenant.name());
    }

    /** Moves to a tenant of a branch of this database, both read after the counters that say when to look again. */
    private void moveTo(String branchName, String tenantName) throws SQLException {
        long epoch = project.epoch();
        long materializations = project.materializations();
        Branch newBranch = project.branch(database, branchName);
        Tenant newTenant = project.tenant(newBranch, tenantName);
        if (inTransaction) {
            throw SqlState.ACTIVE_TRANSACTION.exception("commit or roll back before switching tenant or branch");
        }
        replaceHandle(newBranch, newTenant);
        seenEpoch = epoch;
        seenMaterializations = materializations;
        stale = false;
    }

    @Override
    public Statement owner() {
        return owner;
    }

    /** Runs a procedure for {@code statement}, which its result set reports as owner. */
    ResultSet call(ProcedureCall call, Args args, Statement statement) throws SQLException {
        handle();
        Procedure procedure = call.procedure();
        if (readOnly && procedure.changes() && procedure != Procedure.SWITCH_TENANT && procedure != Procedure.SWITCH_BRANCH) {
            throw SqlState.READ_ONLY.exception("cinch." + procedure.sqlName() + " changes the project; the connection is read-only");
        }
        owner = statement;
        try {
            return call.procedure().call(this, args);
        } finally {
            owner = null;
        }
    }

    /**
     * Attaches the files of the tenants a statement names, under their aliases, unless already attached; says
     * whether anything changed (statements prepared before must then be prepared again).
     */
    boolean attach(Map<String, Tenant> tenants) throws SQLException {
        boolean changed = false;
        if (handle.attached().size() + tenants.size() > MAX_ATTACHED) {
            for (String alias : List.copyOf(handle.attached().keySet())) {
                if (!tenants.containsKey(alias)) {
                    handle.detach(alias);
                    changed = true;
                }
            }
        }
        for (Map.Entry<String, Tenant> e : tenants.entrySet()) {
            Tenant other = e.getValue();
            Path file = project.tenantFiles().fileOf(other);
            Path attached = handle.attached().get(e.getKey());
            if (file.equals(attached)) {
                continue;
            }
            if (attached != null) {
                handle.detach(e.getKey());
            }
            project.files().release(project.tenantFiles().borrow(other, branch, null)); // brings it up to the schema
            handle.attach(e.getKey(), file, !other.materialized());
            changed = true;
        }
        return changed;
    }

    // ---- java.sql.Connection ----

    @Override
    public Statement createStatement() throws SQLException {
        return track(new CinchStatement(this));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return track(new CinchPreparedStatement(this, sql, null));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return track(new CinchCallableStatement(this, sql));
    }

    @Override
    public String nativeSQL(String sql) {
        return sql;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (this.autoCommit == autoCommit) {
            return;
        }
        try {
            if (autoCommit && (transactionDdl != null || wrote)) {
                commitWork(() -> {
                    handle.setAutoCommit(true);
                    return null;
                });
            } else {
                handle.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
        this.autoCommit = autoCommit;
        inTransaction = false;
        endTransactionDdl();
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw SqlState.ACTIVE_TRANSACTION.exception("commit() with auto-commit on");
        }
        handle();
        try {
            commitWork(() -> {
                handle.commit();
                return null;
            });
        } catch (SQLException e) {
            throw SqlState.of(e);
        } finally {
            inTransaction = false;
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw SqlState.ACTIVE_TRANSACTION.exception("rollback() with auto-commit on");
        }
        try {
            handle.rollback();
        } catch (SQLException e) {
            throw SqlState.of(e);
        } finally {
            inTransaction = false;
            endTransactionDdl();
        }
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        for (CinchStatement s : List.copyOf(statements)) {
            s.close();
        }
        if (inTransaction && autoCommit) {
            try {
                handle.execute("ROLLBACK");
            } catch (SQLException e) {
                handle.markSessionChanged();
            }
        }
        endTransactionDdl();
        for (Handle h : List.copyOf(pins.keySet())) {
            project.files().release(h);
        }
        pins.clear();
        project.files().release(handle);
        project.release();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new CinchDatabaseMetaData(this);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        handle.setQueryOnly(readOnly);
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        switchBranch(catalog);
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return branch.name();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level == TRANSACTION_NONE) {
            throw SqlState.NOT_SUPPORTED.exception("SQLite always runs transactions");
        }
        isolation = level;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return isolation;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings = null;
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        checkCursor(resultSetType, resultSetConcurrency);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        checkCursor(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        checkCursor(resultSetType, resultSetConcurrency);
        return prepareCall(sql);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() {
        return Map.of();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlState.NOT_SUPPORTED.exception("SQLite has no user-defined types");
        }
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        this.holdability = holdability;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return holdability;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        checkOpen();
        return new CinchSavepoint(this, null);
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        checkOpen();
        return new CinchSavepoint(this, name);
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
        ((CinchSavepoint) savepoint).rollback();
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        ((CinchSavepoint) savepoint).release();
    }

    /** Runs an internal statement on the tenant's connection, as part of the user's transaction. */
    void executeInternal(String sql) throws SQLException {
        transactionStatement(SqlStatement.parse(sql).get(0));
        try {
            handle().execute(sql);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
        inTransaction = true;
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        return prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        return prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return track(new CinchPreparedStatement(this, sql, GeneratedKeys.byIndexes(columnIndexes)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return track(new CinchPreparedStatement(this, sql, GeneratedKeys.byNames(columnNames)));
    }

    @Override
    public Clob createClob() throws SQLException {
        return new javax.sql.rowset.serial.SerialClob(new char[0]);
    }

    @Override
    public Blob createBlob() throws SQLException {
        return new javax.sql.rowset.serial.SerialBlob(new byte[0]);
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw SqlState.NOT_SUPPORTED.exception("use createClob");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw SqlState.NOT_SUPPORTED.exception("SQLite has no XML type");
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw SqlState.INVALID_ARGUMENT.exception("timeout must not be negative");
        }
        return !closed && handle.isOpen();
    }

    @Override
    public void setClientInfo(String name, String value) {
        clientInfo.setProperty(name, value == null ? "" : value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo = new Properties();
        if (properties != null) {
            clientInfo.putAll(properties);
        }
    }

    @Override
    public String getClientInfo(String name) {
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() {
        return (Properties) clientInfo.clone();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        throw SqlState.NOT_SUPPORTED.exception("SQLite has no ARRAY type");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw SqlState.NOT_SUPPORTED.exception("SQLite has no STRUCT type");
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        switchTenant(schema);
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return tenant.name();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw SqlState.INVALID_ARGUMENT.exception("abort needs an executor");
        }
        executor.execute(() -> {
            try {
                close();
            } catch (SQLException ignored) {
                // aborting: nothing more to do
            }
        });
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw SqlState.INVALID_ARGUMENT.exception("timeout must not be negative");
        }
        networkTimeout = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeout;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlState.NOT_SUPPORTED.exception("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlState.CONNECTION_CLOSED.exception("connection is closed");
        }
    }

    private <T extends CinchStatement> T track(T statement) throws SQLException {
        checkOpen();
        statements.add(statement);
        return statement;
    }

    private void checkCursor(int type, int concurrency) throws SQLException {
        checkOpen();
        if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
            SQLWarning warning = new SQLWarning("result sets are forward-only and read-only; the request was downgraded", "01000");
            if (warnings == null) {
                warnings = warning;
            } else {
                warnings.setNextWarning(warning);
            }
        }
    }
}
