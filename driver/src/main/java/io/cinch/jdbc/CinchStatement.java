package io.cinch.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cinch.procedures.ProcedureCall;
import io.cinch.sql.Gate;
import io.cinch.sql.MemoryResultSet;
import io.cinch.sql.SqlState;
import io.cinch.sql.SqlStatement;
import io.cinch.store.Handle;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A statement of a {@link CinchConnection}: routes each SQL statement to a procedure, a branch-wide schema change,
 * or the tenant's SQLite connection, retrying once after giving a lazy tenant its file when SQLite refuses a write.
 */
class CinchStatement implements Statement {

    /**
     * What the caller asked for: anything ({@code execute}), rows, a count ({@code Statement.executeUpdate}, which
     * like sqlite-jdbc's counts a query as 0), or only a count ({@code PreparedStatement.executeUpdate}, which refuses
     * a statement that returns rows, as JDBC says and sqlite-jdbc's does).
     */
    enum Expect {
        ANY, QUERY, UPDATE, COUNT_ONLY;

        /** True when the caller asked for a count. */
        boolean count() {
            return this == UPDATE || this == COUNT_ONLY;
        }
    }

    private static final Cache<String, List<SqlStatement>> PARSED = Caffeine.newBuilder().maximumSize(2048).build();

    final CinchConnection connection;
    private final List<String> batch = new ArrayList<>();
    private PreparedStatement delegate;
    private Handle delegateHandle;
    private String delegateSql;
    private ResultSet result;
    private long updateCount = -1;
    private MemoryResultSet keys;
    private boolean closed;
    private boolean closeOnCompletion;
    private SqlStatement lastStatement;
    private GeneratedKeys lastKeys;
    private long lastEpoch;
    private TenantSql lastSql;
    private long maxRows;
    private int queryTimeout;
    private int fetchSize;

    CinchStatement(CinchConnection connection) {
        this.connection = connection;
    }

    /** The statements of {@code sql}, parsed once per distinct text. */
    static List<SqlStatement> parse(String sql) throws SQLException {
        if (sql == null) {
            throw SqlState.SYNTAX_ERROR.exception("SQL is null");
        }
        return PARSED.get(sql, SqlStatement::parse);
    }

    /** Runs every statement of a script; the last one's outcome is the result. */
    final boolean runScript(List<SqlStatement> statements, List<Object> params, GeneratedKeys keys, Expect expect)
            throws SQLException {
        checkOpen();
        clearResults();
        MemoryResultSet allKeys = null;
        boolean rows = false;
        if (statements.isEmpty()) {
            updateCount = 0;
        }
        long changed = 0;
        for (int i = 0; i < statements.size(); i++) {
            boolean last = i == statements.size() - 1;
            rows = run(statements.get(i), params, keys, last ? expect : Expect.UPDATE);
            allKeys = MemoryResultSet.concat(allKeys, this.keys);
            SqlStatement.Kind kind = statements.get(i).kind();
            changed += kind == SqlStatement.Kind.INSERT || kind == SqlStatement.Kind.CHANGE ? Math.max(updateCount, 0) : 0;
        }
        if (!rows && statements.size() > 1) {
            updateCount = changed; // a script's count is the sum of its statements', as in sqlite-jdbc
        }
        this.keys = allKeys;
        if (expect == Expect.QUERY && !rows) {
            throw SqlState.INVALID_ARGUMENT.exception("the statement returned no result set; use executeUpdate or execute");
        }
        return rows;
    }

    /** Runs one statement with its parameters; true when it left a result set. */
    private boolean run(SqlStatement statement, List<Object> params, GeneratedKeys keys, Expect expect) throws SQLException {
        closeResult();
        this.keys = null;
        switch (statement.kind()) {
            case FORBIDDEN -> throw SqlState.NOT_ALLOWED.exception(statement.refusal());
            case CALL -> {
                ProcedureCall call = procedureCall(statement);
                ResultSet rs = connection.call(call, call.bind(params), this);
                if (expect.count()) {
                    MemoryResultSet copy = MemoryResultSet.copyOf(rs, this);
                    updateCount = copy.size();
                    return false;
                }
                result = rs;
                return true;
            }
            case DDL -> {
                if (expect == Expect.QUERY) {
                    throw SqlState.INVALID_ARGUMENT.exception("a schema statement returns no result set");
                }
                if (connection.isTemporary(statement)) {
                    return runOnTenant(new SqlStatement(statement.text(), statement.tokens(),
                            SqlStatement.Kind.TEMP_DDL, null), params, keys, expect);
                }
                connection.schemaChange(statement);
                updateCount = 0;
                return false;
            }
            case TRANSACTION -> {
                if (connection.transactionStatement(statement)) {
                    updateCount = 0;
                    return false;
                }
                return runOnTenant(statement, params, keys, expect);
            }
            default -> {
                return runOnTenant(statement, params, keys, expect);
            }
        }
    }

    private boolean runOnTenant(SqlStatement statement, List<Object> params, GeneratedKeys keys, Expect expect)
            throws SQLException {
        for (int attempt = 0; ; attempt++) {
            Handle handle = connection.handle(statement);
            TenantSql sql = tenantSql(statement, keys);
            try {
                if (connection.attach(sql.attachments())) {
                    closeDelegate();
                }
                PreparedStatement ps = delegate(handle, statement, sql.sql());
                if (expect == Expect.COUNT_ONLY && returnsRows(statement, sql, ps)) {
                    throw SqlState.INVALID_ARGUMENT.exception("the statement returns a result set; use executeQuery or execute");
                }
                bind(ps, params);
                connection.ran(statement);
                if (statement.kind() == SqlStatement.Kind.QUERY && !sql.returnsRows()) {
                    result = new CinchResultSet(ps.executeQuery(), this);
                    return true;
                }
                if (connection.guardsWrite(statement, sql)) {
                    return connection.guarded(() -> execute(ps, statement, sql, expect, true));
                }
                return execute(ps, statement, sql, expect, false);
            } catch (SQLException e) {
                discardDelegate();
                boolean refusedWrite = e.getSQLState() == null && SqlState.stateOf(e) == SqlState.READ_ONLY;
                if (refusedWrite && attempt < 2 && connection.materializeForWrite(sql, attempt > 0)) {
                    continue;
                }
                throw SqlState.of(e);
            }
        }
    }

    /** True when the statement returns rows of its own (not generated keys cinch asked for). */
    private static boolean returnsRows(SqlStatement statement, TenantSql sql, PreparedStatement ps) throws SQLException {
        return switch (statement.kind()) {
            case QUERY -> true;
            case INSERT, CHANGE -> sql.returnsRows() && !sql.keysAdded();
            case PRAGMA, OTHER -> ps.getMetaData().getColumnCount() > 0;
            default -> false;
        };
    }

    /**
     * Executes a prepared write or other statement; a guarded one copies its rows before its transaction ends. Only
     * an INSERT, UPDATE or DELETE changes rows: any other statement counts 0, where SQLite's {@code changes()} would
     * still tell the previous statement's count.
     */
    private boolean execute(PreparedStatement ps, SqlStatement statement, TenantSql sql, Expect expect, boolean copyRows)
            throws SQLException {
        boolean rows = ps.execute();
        if (rows && (copyRows || sql.keysAdded() || (sql.returnsRows() && expect.count()))) {
            MemoryResultSet copy = MemoryResultSet.copyOf(ps.getResultSet(), this);
            if (sql.keysAdded() || expect.count()) {
                this.keys = copy;
                updateCount = copy.size();
                return false;
            }
            result = copy;
            return true;
        }
        if (rows) {
            result = new CinchResultSet(ps.getResultSet(), this);
            return true;
        }
        boolean changesRows = statement.kind() == SqlStatement.Kind.INSERT || statement.kind() == SqlStatement.Kind.CHANGE;
        updateCount = changesRows ? Math.max(ps.getUpdateCount(), 0) : 0;
        return false;
    }

    /**
     * The statement as it runs on the tenant. SQL without a dot names no other tenant, so its form depends only on
     * the branch's schema: it is kept while the project's epoch stays where it was.
     */
    private TenantSql tenantSql(SqlStatement statement, GeneratedKeys keys) throws SQLException {
        long epoch = connection.project().epoch();
        if (lastSql != null && lastStatement == statement && lastKeys == keys && lastEpoch == epoch) {
            return lastSql;
        }
        TenantSql sql = TenantSql.of(statement, connection, keys);
        boolean keep = statement.text().indexOf('.') < 0;
        lastStatement = keep ? statement : null;
        lastKeys = keys;
        lastEpoch = epoch;
        lastSql = keep ? sql : null;
        return sql;
    }

    /** The generated keys of the last execution, or null. */
    final MemoryResultSet keys() {
        return keys;
    }

    /** Sets the generated keys to report (a batch reports all of its entries'). */
    final void keys(MemoryResultSet keys) {
        this.keys = keys;
    }

    /** Binds parameters to the SQLite statement; subclasses with parameters override. */
    void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        // a plain statement has no parameters
    }

    /** The parsed call of a CALL statement; prepared statements parse it once. */
    ProcedureCall procedureCall(SqlStatement statement) throws SQLException {
        return ProcedureCall.parse(statement);
    }

    /**
     * The SQLite statement for {@code sql} (the form of {@code statement} that runs on the tenant) on {@code handle}.
     * SQLite runs most PRAGMAs while preparing them, so a statement that could change a setting, or that leaves
     * state the pool cannot read back, marks the handle before it is prepared or run again, whichever borrower it
     * was prepared for.
     */
    private PreparedStatement delegate(Handle handle, SqlStatement statement, String sql) throws SQLException {
        if (statement.changesSession()) {
            handle.markSessionChanged();
        }
        if (statement.mayChangeSettings()) {
            handle.markSettingsMayHaveChanged();
        }
        if (delegate != null && delegateHandle == handle && sql.equals(delegateSql)) {
            return delegate;
        }
        closeDelegate();
        PreparedStatement ps = handle.prepare(sql);
        if (maxRows > 0) {
            ps.setLargeMaxRows(maxRows);
        }
        if (queryTimeout > 0) {
            handle.markSettingsMayHaveChanged(); // sqlite-jdbc sets the connection's busy timeout while it runs
            ps.setQueryTimeout(queryTimeout);
        }
        if (fetchSize > 0) {
            ps.setFetchSize(fetchSize);
        }
        delegate = ps;
        delegateHandle = handle;
        delegateSql = sql;
        return ps;
    }

    /**
     * The SQLite statement prepared for the current handle, for metadata of prepared statements: preparing runs
     * PRAGMAs, so the statement passes the same {@link Gate} as an execution.
     */
    final PreparedStatement prepared(SqlStatement statement) throws SQLException {
        Gate.check(statement);
        Handle handle = connection.handle(statement);
        TenantSql sql = TenantSql.of(statement, connection, GeneratedKeys.DEFAULT);
        if (connection.attach(sql.attachments())) {
            closeDelegate();
        }
        return delegate(handle, statement, sql.sql());
    }

    /**
     * A sqlite-jdbc object of this statement's SQLite statement reached the user (unwrapped, or as the result set
     * behind result metadata), and with it the sqlite-jdbc connection, which the user may keep: the connection is
     * closed when it comes back instead of being lent again.
     */
    final void delegateExposed() {
        if (delegateHandle != null) {
            delegateHandle.markSessionChanged();
        }
    }

    /**
     * Called when the connection moved from {@code previous} to another SQLite connection: a statement whose result
     * set is still open on {@code previous} keeps reading it and says so (true); others give back what they prepared.
     */
    boolean handleReplaced(Handle previous) {
        lastSql = null;
        if (delegateHandle == previous && result != null && !isClosedQuietly(result)) {
            return true;
        }
        closeDelegate();
        return false;
    }

    private static boolean isClosedQuietly(ResultSet rs) {
        try {
            return rs.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Gives the SQLite statement back to its connection for reuse, unless this statement changed its settings. */
    private void closeDelegate() {
        if (delegate != null && connection.pinned(delegateHandle)) {
            discardDelegate();
            return;
        }
        if (delegate != null && maxRows == 0 && queryTimeout == 0 && fetchSize == 0) {
            delegateHandle.keep(delegateSql, delegate);
            delegate = null;
        }
        discardDelegate();
    }

    /** Closes the SQLite statement (after a failure, sqlite-jdbc leaves it unusable). */
    void discardDelegate() {
        if (delegate != null) {
            try {
                delegate.close();
            } catch (SQLException ignored) {
                // the statement is being discarded
            }
        }
        if (delegateHandle != null) {
            connection.unpin(delegateHandle);
        }
        delegate = null;
        delegateHandle = null;
        delegateSql = null;
    }

    private void closeResult() {
        if (result != null) {
            try {
                result.close();
            } catch (SQLException ignored) {
                // the result is being discarded
            }
            result = null;
        }
        updateCount = -1;
    }

    private void clearResults() {
        closeResult();
        keys = null;
    }

    final void checkOpen() throws SQLException {
        if (closed) {
            throw SqlState.INVALID_ARGUMENT.exception("statement is closed");
        }
        connection.checkOpen();
    }

    // ---- java.sql.Statement ----

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        runScript(parse(sql), List.of(), GeneratedKeys.DEFAULT, Expect.QUERY);
        return result;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        runScript(parse(sql), List.of(), GeneratedKeys.DEFAULT, Expect.UPDATE);
        return Math.max(updateCount, 0);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return runScript(parse(sql), List.of(), GeneratedKeys.DEFAULT, Expect.ANY);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        runScript(parse(sql), List.of(), GeneratedKeys.byIndexes(columnIndexes), Expect.UPDATE);
        return (int) Math.max(updateCount, 0);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        runScript(parse(sql), List.of(), GeneratedKeys.byNames(columnNames), Expect.UPDATE);
        return (int) Math.max(updateCount, 0);
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return executeUpdate(sql, columnIndexes);
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return executeUpdate(sql, columnNames);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return runScript(parse(sql), List.of(), GeneratedKeys.byIndexes(columnIndexes), Expect.ANY);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return runScript(parse(sql), List.of(), GeneratedKeys.byNames(columnNames), Expect.ANY);
    }

    /** Whether a result set of this statement is still open. */
    boolean hasOpenResult() {
        return result != null && !isClosedQuietly(result);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return result;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return (int) updateCount;
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        checkOpen();
        closeResult();
        return false;
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return getMoreResults();
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        return keys != null ? keys : MemoryResultSet.of().build(this);
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        parse(sql);
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return Arrays.stream(executeLargeBatch()).mapToInt(n -> (int) n).toArray();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> work = List.copyOf(batch);
        batch.clear();
        long[] counts = new long[work.size()];
        MemoryResultSet allKeys = null;
        for (int i = 0; i < work.size(); i++) {
            try {
                if (runScript(parse(work.get(i)), List.of(), GeneratedKeys.DEFAULT, Expect.ANY)) {
                    closeResult();
                    throw SqlState.INVALID_ARGUMENT.exception("a batch entry returned a result set: " + work.get(i));
                }
                counts[i] = Math.max(updateCount, 0);
            } catch (SQLException e) {
                throw batchFailure(e, Arrays.copyOf(counts, i));
            }
            allKeys = MemoryResultSet.concat(allKeys, keys);
        }
        keys = allKeys;
        return counts;
    }

    /** A BatchUpdateException that keeps the cause's SQLState and the counts of the entries that ran. */
    static BatchUpdateException batchFailure(SQLException cause, long[] done) {
        return new BatchUpdateException(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), done, cause);
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        clearResults();
        closeDelegate();
        connection.forget(this);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public int getMaxFieldSize() {
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) {
        // no limit
    }

    @Override
    public int getMaxRows() throws SQLException {
        return (int) getLargeMaxRows();
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw SqlState.INVALID_ARGUMENT.exception("max rows must not be negative");
        }
        maxRows = max;
        closeDelegate();
    }

    @Override
    public void setEscapeProcessing(boolean enable) {
        // escapes are not rewritten; {call ...} is understood either way
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw SqlState.INVALID_ARGUMENT.exception("timeout must not be negative");
        }
        queryTimeout = seconds;
        closeDelegate();
    }

    @Override
    public void cancel() throws SQLException {
        PreparedStatement ps = delegate;
        if (ps != null) {
            ps.cancel();
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() {
        // no warnings are kept
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw SqlState.NOT_SUPPORTED.exception("named cursors are not supported");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen(); // a hint: rows are read forward whatever it says, as in sqlite-jdbc
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw SqlState.INVALID_ARGUMENT.exception("fetch size must not be negative");
        }
        fetchSize = rows;
        closeDelegate();
    }

    @Override
    public int getFetchSize() {
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public void setPoolable(boolean poolable) {
        // statements are not pooled
    }

    @Override
    public boolean isPoolable() {
        return false;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
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
}
