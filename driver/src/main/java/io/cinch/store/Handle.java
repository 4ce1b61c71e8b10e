package io.cinch.store;

import io.cinch.sql.SqlAction;
import io.cinch.sql.SqlState;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sqlite.SQLiteConnection;

/**
 * An open sqlite-jdbc connection to one file (a tenant's or a branch template), lent by the {@link FilePool} to one
 * user at a time. Template handles open their file read-only at SQLite level: lazy tenants read them, and only the
 * store's own writable handles (schema catch-up, copies) write templates.
 */
public final class Handle {

    private static final int STATEMENTS_KEPT = 16;

    private final FilePool.Key key;
    private final SQLiteConnection connection;
    private final Map<String, Path> attached = new LinkedHashMap<>();
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);
    private final String settings;
    private PreparedStatement settingsQuery;
    private boolean sessionChanged;
    private boolean settingsMayHaveChanged;
    private int settingsReads;
    private boolean queryOnly;
    private boolean lacksIndexes;

    /**
     * Wraps a connection just opened; {@code openedWith} is what {@link #openedWith()} of a connection opened the same
     * way returned, or null to read it from this one.
     */
    Handle(FilePool.Key key, SQLiteConnection connection, String openedWith) throws SQLException {
        this.key = key;
        this.connection = connection;
        this.settings = openedWith != null ? openedWith : settings();
    }

    /** The settings the connection was opened with, as {@link #reset} compares them. */
    String openedWith() {
        return settings;
    }

    FilePool.Key key() {
        return key;
    }

    /** The file this handle has open. */
    public Path file() {
        return key.file();
    }

    /** True for a branch template opened read-only for a lazy tenant's reads. */
    public boolean isTemplate() {
        return key.template();
    }

    /** Notes that user SQL left state in this connection (a setting, a temporary table), so it is not lent again. */
    public void markSessionChanged() {
        sessionChanged = true;
    }

    boolean sessionChanged() {
        return sessionChanged;
    }

    /**
     * Notes that something ran on this connection that could change a setting or open a schema (a PRAGMA, a statement
     * naming the temporary schema, any direct use of the sqlite-jdbc connection), so that its settings are read back
     * when it returns; a handle lent only for queries, writes and transactions is kept without reading them.
     */
    public void markSettingsMayHaveChanged() {
        settingsMayHaveChanged = true;
    }

    /** How many times this handle's settings were read (on open or on release), for tests of the pool. */
    int settingsReads() {
        return settingsReads;
    }

    /** True when the file lacks index creations of its branch's log, left to the background catch-up. */
    public boolean lacksIndexes() {
        return lacksIndexes;
    }

    void lacksIndexes(boolean lacks) {
        lacksIndexes = lacks;
    }

    /** The schema version recorded in the file ({@code PRAGMA user_version}). */
    public int userVersion() throws SQLException {
        return pragmaInt("user_version");
    }

    /** Makes the connection refuse (or accept again) writes, for a read-only cinch connection. */
    public void setQueryOnly(boolean on) throws SQLException {
        if (on != queryOnly) {
            markSettingsMayHaveChanged();
            execute("PRAGMA query_only = " + (on ? 1 : 0));
            queryOnly = on;
        }
    }

    /** Runs internal work that writes (a restore) even if a user made the connection query-only. */
    public <T> T writing(SqlAction<T> work) throws SQLException {
        if (key.template()) {
            throw SqlState.INTERNAL_ERROR.exception("a template handle is read-only: " + key.file());
        }
        markSettingsMayHaveChanged(); // a restore replaces the file's header too (auto_vacuum)
        boolean was = queryOnly;
        if (was) {
            execute("PRAGMA query_only = 0");
            queryOnly = false;
        }
        try {
            return work.run();
        } finally {
            if (was) {
                execute("PRAGMA query_only = 1");
                queryOnly = true;
            }
        }
    }

    /**
     * A prepared statement for {@code sql}: one this connection kept from an earlier use, or a new one. SQLite's
     * parsing is the larger part of a short query's cost, and this connection outlives the cinch connections that
     * borrow it.
     */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement kept = statements.remove(sql);
        return kept != null ? kept : connection.prepareStatement(sql);
    }

    /** Keeps a statement from {@link #prepare} for the next use of its SQL (the caller has closed its results). */
    public void keep(String sql, PreparedStatement statement) {
        try {
            if (!attached.isEmpty() || statement.isClosed()) {
                statement.close();
                return;
            }
            statement.clearParameters();
            PreparedStatement previous = statements.put(sql, statement);
            if (previous != null) {
                previous.close();
            }
            if (statements.size() > STATEMENTS_KEPT) {
                Map.Entry<String, PreparedStatement> eldest = statements.entrySet().iterator().next();
                statements.remove(eldest.getKey());
                eldest.getValue().close();
            }
        } catch (SQLException e) {
            // a statement that cannot be reset is not kept
        }
    }

    private void forgetStatements() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // being discarded
            }
        }
        statements.clear();
    }

    /** The schemas attached to this connection for tenant-qualified names, alias to file. */
    public Map<String, Path> attached() {
        return attached;
    }

    /**
     * Attaches {@code file} under {@code alias}, read-only when {@code readOnly}. The connection first re-reads its
     * own schema: with a stale one, SQLite would resolve an unqualified name to the attached file's table.
     */
    public void attach(String alias, Path file, boolean readOnly) throws SQLException {
        forgetStatements();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM main.sqlite_master LIMIT 1")) {
            rs.next();
        }
        String uri = "file:" + file.toUri().getRawPath() + (readOnly ? "?mode=ro" : "");
        try (var ps = connection.prepareStatement("ATTACH DATABASE ? AS \"" + alias.replace("\"", "\"\"") + "\"")) {
            ps.setString(1, uri);
            ps.execute();
        }
        attached.put(alias, file);
    }

    /** Detaches one attached schema. */
    public void detach(String alias) throws SQLException {
        forgetStatements();
        execute("DETACH DATABASE \"" + alias.replace("\"", "\"\"") + "\"");
        attached.remove(alias);
    }

    /** Detaches every attached schema. */
    public void detachAll() throws SQLException {
        if (!attached.isEmpty()) {
            forgetStatements();
        }
        for (String alias : attached.keySet()) {
            execute("DETACH DATABASE \"" + alias.replace("\"", "\"\"") + "\"");
        }
        attached.clear();
    }

    /**
     * Runs one internal statement directly, without sqlite-jdbc's auto-commit handling. The caller marks the handle
     * first ({@link #markSettingsMayHaveChanged}) unless the statement cannot change a setting or open a schema
     * (transaction control, {@code user_version}, a checkpoint).
     */
    public void execute(String sql) throws SQLException {
        connection.getDatabase()._exec(sql);
    }

    /** Reads an integer pragma ({@code user_version}, {@code schema_version}: no setting). */
    public int pragmaInt(String pragma) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** True when the connection is open. */
    public boolean isOpen() {
        try {
            return !connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Closes the connection, ignoring failures: the handle is being discarded. */
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing to do for a connection being thrown away
        }
    }

    /** True when the connection is in auto-commit mode (sqlite-jdbc's; changes no setting). */
    public boolean autoCommit() throws SQLException {
        return connection.getAutoCommit();
    }

    /** Sets sqlite-jdbc's auto-commit mode, which begins or commits a transaction and changes no setting. */
    public void setAutoCommit(boolean on) throws SQLException {
        connection.setAutoCommit(on);
    }

    /** Commits sqlite-jdbc's transaction (auto-commit off). */
    public void commit() throws SQLException {
        connection.commit();
    }

    /** Rolls back sqlite-jdbc's transaction (auto-commit off). */
    public void rollback() throws SQLException {
        connection.rollback();
    }

    /**
     * True when the connection has opened its temporary schema ({@code pragma_database_list} lists it once opened).
     * Asking opens nothing, where reading {@code temp.sqlite_master} would.
     */
    public boolean temporarySchemaOpen() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pragma_database_list WHERE name = 'temp'")) {
            return rs.next();
        }
    }

    /**
     * Makes the connection ready for its next user, or says it cannot be. The settings are read back only when
     * something that could change them ran since they were last read ({@link #markSettingsMayHaveChanged}): on a new
     * handle, preparing that query was 0.3-0.8 ms of a lazy tenant's first write.
     */
    boolean reset() {
        try {
            if (sessionChanged || connection.isClosed()) {
                return false;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            detachAll();
            setQueryOnly(false);
            if (settingsMayHaveChanged && !settings.equals(settings())) {
                return false;
            }
            settingsMayHaveChanged = false;
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The connection's settings that user SQL could change and the next borrower would inherit, with the number of
     * schemas it has open (a temporary schema once used), in one query: a handle whose settings differ from those it
     * was opened with is not lent again.
     */
    private String settings() throws SQLException {
        settingsReads++;
        if (settingsQuery == null) {
            settingsQuery = connection.prepareStatement(SETTINGS_QUERY);
        }
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = settingsQuery.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    out.append(rs.getString(i)).append(',');
                }
            }
        }
        return out.toString();
    }

    private static final String SETTINGS_QUERY = "SELECT * FROM pragma_foreign_keys, pragma_query_only, "
            + "pragma_writable_schema, pragma_ignore_check_constraints, pragma_legacy_alter_table, pragma_trusted_schema, "
            + "pragma_temp_store, pragma_recursive_triggers, pragma_defer_foreign_keys, pragma_cell_size_check, "
            + "pragma_synchronous, pragma_journal_mode, pragma_locking_mode, pragma_busy_timeout, pragma_cache_size, "
            + "pragma_automatic_index, pragma_reverse_unordered_selects, pragma_secure_delete, pragma_max_page_count, "
            + "pragma_journal_size_limit, pragma_read_uncommitted, pragma_count_changes, pragma_full_column_names, "
            + "pragma_short_column_names, pragma_cache_spill, pragma_soft_heap_limit, pragma_hard_heap_limit, "
            + "pragma_threads, pragma_analysis_limit, pragma_checkpoint_fullfsync, pragma_fullfsync, pragma_auto_vacuum, "
            + "pragma_empty_result_callbacks, (SELECT count(*) FROM pragma_database_list)";

    /**
     * The sqlite-jdbc connection, for work this class has no method for. Whatever that work is, it could change a
     * setting, so the handle's settings are read back when it returns ({@link #markSettingsMayHaveChanged}).
     */
    public SQLiteConnection jdbc() {
        markSettingsMayHaveChanged();
        return connection;
    }
}
