package io.cinch.jdbc;

import io.cinch.federation.BranchTenants;
import io.cinch.federation.Federation;
import io.cinch.procedures.Procedure;
import io.cinch.procedures.ProcedureCall;
import io.cinch.procedures.Session;
import io.cinch.sql.SqlState;
import io.cinch.sql.SqlStatement;
import io.cinch.sql.Values;
import io.cinch.store.Branch;
import io.cinch.store.Database;
import io.cinch.store.Project;
import java.util.Locale;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.Executor;

/**
 * The read-only cross-tenant connection ({@code tenant=*}): queries go to the Calcite engine over every tenant of
 * the branch, listing procedures run as on any connection, and anything that would write is refused with 25006.
 */
final class CrossTenantConnection implements Connection, Session {

    private static final int PLANS_PER_QUERY = 4;
    private static final int QUERIES_PLANNED = 64;

    private final Connection calcite;
    private final ConnectionUrl url;
    private final Project project;
    private final Database database;
    private final Branch branch;
    private final SqliteDates dates;
    private final Map<String, Deque<PreparedStatement>> plans = new LinkedHashMap<>(16, 0.75f, true);
    private CinchConnection procedures;
    private boolean autoCommit = true;
    private int isolation = TRANSACTION_SERIALIZABLE;
    private boolean closed;

    private CrossTenantConnection(Connection calcite, ConnectionUrl url, Project project, Database database, Branch branch,
                                  SqliteDates dates) {
        this.calcite = calcite;
        this.url = url;
        this.project = project;
        this.database = database;
        this.branch = branch;
        this.dates = dates;
    }

    /** Opens the cross-tenant connection of the URL's database and branch. */
    static Connection open(ConnectionUrl url, Project project) throws SQLException {
        Database database = project.database(url.get(Property.DATABASE));
        Branch branch = project.branch(database, url.get(Property.BRANCH));
        Connection calcite = Federation.connect(new BranchTenants(project, database, branch));
        return new CrossTenantConnection(calcite, url, project, database, branch,
                url.sqliteDates() ? SqliteDates.open(url.dateSettings()) : null);
    }

    /**
     * What a tenant connection of the same URL stores for a date parameter, its fields in {@code zone}: cinch's
     * ISO-8601 text, or sqlite-jdbc's form under the URL's date settings.
     */
    Object storedDate(java.util.Date value, TimeZone zone) throws SQLException {
        return dates == null ? Values.dateText(value, zone.toZoneId()) : dates.stored(value, zone);
    }

    /** sqlite-jdbc's reading of dates under the URL's date settings, or null without them. */
    SqliteDates dates() {
        return dates;
    }

    /** How a statement runs here: on the engine, as a procedure, as nothing at all, or not at all. */
    enum Route { ENGINE, PROCEDURE, NOTHING }

    /** Decides how {@code statement} runs, refusing what would change anything with 25006. */
    static Route route(SqlStatement statement) throws SQLException {
        switch (statement.kind()) {
            case QUERY:
                return Route.ENGINE;
            case TRANSACTION:
                return Route.NOTHING;
            case CALL:
                Procedure p = ProcedureCall.parse(statement).procedure();
                if (p.changes()) {
                    throw readOnly("cinch." + p.sqlName() + " changes data");
                }
                return Route.PROCEDURE;
            default:
                throw readOnly(statement.verb().toUpperCase(Locale.ROOT) + " would write");
        }
    }

    static SQLException readOnly(String what) {
        return SqlState.READ_ONLY.exception(what + "; the cross-tenant connection (tenant=*) is read-only");
    }

    /** The one statement of {@code sql}; scripts are not run here. */
    static SqlStatement single(String sql) throws SQLException {
        List<SqlStatement> statements = CinchStatement.parse(sql);
        if (statements.size() != 1) {
            throw SqlState.NOT_SUPPORTED.exception("the cross-tenant connection runs one statement at a time");
        }
        return statements.get(0);
    }

    /**
     * A tenant connection (to tenant {@code main}, never written through) that prepares procedure calls with
     * parameters; only procedures that change nothing reach it.
     */
    private synchronized CinchConnection procedures() throws SQLException {
        if (procedures == null) {
            Project again = Project.acquire(url.project(), false, null);
            try {
                procedures = new CinchConnection(url.withTenant("main"), again);
            } catch (SQLException | RuntimeException e) {
                again.release();
                throw e;
            }
            procedures.setReadOnly(true);
        }
        return procedures;
    }

    @Override
    public Project project() {
        return project;
    }

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
        return true;
    }

    @Override
    public String tenantName() {
        return null;
    }

    @Override
    public void checkReach(String tenantName) {
        // reading every tenant is what this connection is for; writing is refused anyway
    }

    @Override
    public void checkUnlocked(String what) {
        // never locked to a tenant
    }

    @Override
    public void switchTenant(String name) throws SQLException {
        throw readOnly("switching tenant");
    }

    @Override
    public void switchBranch(String name) throws SQLException {
        throw readOnly("switching branch");
    }

    @Override
    public Statement owner() {
        return null;
    }

    ConnectionUrl url() {
        return url;
    }

    /**
     * A planned query for {@code sql}: one planned before and given back, or a new one. Planning takes milliseconds;
     * running a plan again only reads the tenants.
     */
    synchronized PreparedStatement plan(String sql) throws SQLException {
        Deque<PreparedStatement> idle = plans.get(sql);
        PreparedStatement plan = idle == null ? null : idle.poll();
        return plan != null ? plan : Federation.prepare(calcite, sql);
    }

    /** Takes back a plan whose results have been read, keeping a few per query and a few queries. */
    synchronized void giveBack(String sql, PreparedStatement plan) {
        Deque<PreparedStatement> idle = closed ? null : plans.computeIfAbsent(sql, k -> new ArrayDeque<>());
        if (idle == null || idle.size() >= PLANS_PER_QUERY) {
            closeQuietly(plan);
            return;
        }
        idle.push(plan);
        if (plans.size() > QUERIES_PLANNED) {
            Map.Entry<String, Deque<PreparedStatement>> eldest = plans.entrySet().iterator().next();
            eldest.getValue().forEach(CrossTenantConnection::closeQuietly);
            plans.remove(eldest.getKey());
        }
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // a plan being discarded
        }
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlState.CONNECTION_CLOSED.exception("connection is closed");
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return new CrossTenantStatement(this, calcite.createStatement());
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return createStatement();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        SqlStatement statement = single(sql);
        switch (route(statement)) {
            case PROCEDURE:
                return procedures().prepareStatement(sql);
            case NOTHING:
                throw SqlState.NOT_SUPPORTED.exception("transaction statements have no effect on the cross-tenant connection");
            default:
                return new CrossTenantPreparedStatement(this, Federation.prepare(calcite, sql));
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
                                              int resultSetHoldability) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        checkOpen();
        SqlStatement statement = single(sql);
        if (statement.kind() != SqlStatement.Kind.CALL) {
            throw SqlState.NOT_SUPPORTED.exception("prepareCall takes {call cinch.<procedure>(...)}; use prepareStatement");
        }
        route(statement);
        return procedures().prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
                                         int resultSetHoldability) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new CrossTenantMetaData(this, calcite.getMetaData());
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return true;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        this.autoCommit = autoCommit;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
        if (!branch.name().equals(catalog)) {
            throw SqlState.NOT_SUPPORTED.exception("open a tenant=* connection with branch=" + catalog);
        }
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return branch.name();
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        try {
            calcite.setSchema(schema);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        try {
            return calcite.getSchema();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (this) {
            plans.values().forEach(idle -> idle.forEach(CrossTenantConnection::closeQuietly));
            plans.clear();
        }
        try (Connection engine = calcite; Connection calls = procedures; SqliteDates memory = dates) {
            // both closed
        } finally {
            project.release();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return calcite.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || calcite.isWrapperFor(iface);
    }

    @Override
    public void abort(Executor x) throws SQLException {
        try {
            calcite.abort(x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void clearWarnings() throws SQLException {
        try {
            calcite.clearWarnings();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        try {
            return calcite.createArrayOf(typeName, elements);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Blob createBlob() throws SQLException {
        try {
            return calcite.createBlob();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Clob createClob() throws SQLException {
        try {
            return calcite.createClob();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public NClob createNClob() throws SQLException {
        try {
            return calcite.createNClob();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        try {
            return calcite.createSQLXML();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        try {
            return calcite.createStruct(typeName, attributes);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        try {
            return calcite.getClientInfo();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        try {
            return calcite.getClientInfo(name);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        try {
            return calcite.getHoldability();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        try {
            return calcite.getNetworkTimeout();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return isolation;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        try {
            return calcite.getTypeMap();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        try {
            return calcite.getWarnings();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        try {
            return calcite.isValid(timeout);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        try {
            return calcite.nativeSQL(sql);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void releaseSavepoint(Savepoint x) throws SQLException {
        try {
            calcite.releaseSavepoint(x);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        calcite.setClientInfo(properties);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        calcite.setClientInfo(name, value);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        try {
            calcite.setHoldability(holdability);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setNetworkTimeout(Executor x, int length) throws SQLException {
        try {
            calcite.setNetworkTimeout(x, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        try {
            return calcite.setSavepoint();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        try {
            return calcite.setSavepoint(name);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level == TRANSACTION_NONE) {
            throw SqlState.NOT_SUPPORTED.exception("queries read each tenant in a transaction");
        }
        isolation = level;
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        try {
            calcite.setTypeMap(map);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

}
