package io.cinch.jdbc;

import io.cinch.procedures.Procedure;
import io.cinch.schema.SchemaInfo;
import io.cinch.sql.MemoryResultSet;
import io.cinch.sql.MemoryResultSet.Column;
import io.cinch.sql.SqlState;
import io.cinch.store.Branch;
import io.cinch.store.Tenant;
import java.util.Arrays;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Metadata of a tenant connection: branches are catalogs, tenants are schemas, and every schema has the branch's
 * tables. Listings accept {@code null} and {@code %} patterns everywhere; a null schema pattern means the
 * connection's own tenant (so that ORMs see each table once), {@code %} every tenant. Facts about SQLite itself come
 * from sqlite-jdbc.
 */
final class CinchDatabaseMetaData implements DatabaseMetaData {

    /** The table types sqlite-jdbc reports, in its order. */
    private static final List<String> TABLE_TYPES = List.of("GLOBAL TEMPORARY", "SYSTEM TABLE", "TABLE", "VIEW");

    private final CinchConnection connection;
    private final Scopes scopes;

    CinchDatabaseMetaData(CinchConnection connection) {
        this.connection = connection;
        this.scopes = this::projectScopes;
    }

    /**
     * Metadata whose key, index, best-row and procedure listings come from {@code scopes}, with no local connection
     * (the other calls need one): how a {@code jdbc:cinch://} connection answers them, {@link RemoteScopes}.
     */
    CinchDatabaseMetaData(Scopes scopes) {
        this.connection = null;
        this.scopes = scopes;
    }

    private DatabaseMetaData sqlite() throws SQLException {
        return connection.handle().jdbc().getMetaData();
    }

    // ---- what cinch is ----

    @Override
    public String getURL() {
        return connection.url().url();
    }

    @Override
    public String getUserName() {
        return "";
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public String getDatabaseProductName() {
        return "SQLite";
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        try {
            return sqlite().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        return Integer.parseInt(getDatabaseProductVersion().split("\\.")[0]);
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        return Integer.parseInt(getDatabaseProductVersion().split("\\.")[1]);
    }

    @Override
    public String getDriverName() {
        return "cinch";
    }

    @Override
    public String getDriverVersion() {
        return CinchDriver.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return CinchDriver.MAJOR_VERSION;
    }

    @Override
    public int getDriverMinorVersion() {
        return CinchDriver.MINOR_VERSION;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public String getSQLKeywords() throws SQLException {
        try {
            String keywords = sqlite().getSQLKeywords();
            return keywords == null ? "" : keywords;
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getSchemaTerm() {
        return "tenant";
    }

    @Override
    public String getCatalogTerm() {
        return "branch";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public boolean isCatalogAtStart() {
        return true;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() {
        return true;
    }

    /** False: a table belongs to the branch, not to a tenant, so its definition names no tenant (docs/reference.md). */
    @Override
    public boolean supportsSchemasInTableDefinitions() {
        return false;
    }

    /** False: as for tables; SQLite could not qualify an index's table anyway. */
    @Override
    public boolean supportsSchemasInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level != Connection.TRANSACTION_NONE;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() {
        return true;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() {
        return true;
    }

    @Override
    public boolean supportsSavepoints() {
        return true;
    }

    @Override
    public boolean supportsNamedParameters() {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean supportsMultipleResultSets() {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults() {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() {
        return true;
    }

    @Override
    public boolean allProceduresAreCallable() {
        return true;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() {
        return false;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public boolean usesLocalFiles() {
        return true;
    }

    @Override
    public boolean usesLocalFilePerTable() {
        return false;
    }

    // ---- catalogs (branches), schemas (tenants), tables ----

    @Override
    public ResultSet getCatalogs() throws SQLException {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("TABLE_CAT"));
        for (Branch b : connection.project().metadata().read(v -> v.branches(connection.database().id()))) {
            out.row(b.name());
        }
        return out.build(null);
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("TABLE_SCHEM"), Column.text("TABLE_CATALOG"));
        for (Branch b : branches(catalog)) {
            for (Tenant t : tenants(b, schemaPattern == null ? "%" : schemaPattern)) {
                out.row(t.name(), b.name());
            }
        }
        return out.build(null);
    }

    /** The types sqlite-jdbc reports, sorted: {@code GLOBAL TEMPORARY}, {@code SYSTEM TABLE}, TABLE and VIEW. */
    @Override
    public ResultSet getTableTypes() {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("TABLE_TYPE"));
        for (String type : TABLE_TYPES) {
            out.row(type);
        }
        return out.build(null);
    }

    /**
     * Tables, views, SQLite's own tables ({@code SYSTEM TABLE}) and the connection's temporary tables and views
     * ({@code GLOBAL TEMPORARY}, in its own tenant only), ordered by type, branch, tenant and name as JDBC says.
     */
    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("TABLE_CAT"), Column.text("TABLE_SCHEM"),
                Column.text("TABLE_NAME"), Column.text("TABLE_TYPE"), Column.text("REMARKS"), Column.text("TYPE_CAT"),
                Column.text("TYPE_SCHEM"), Column.text("TYPE_NAME"), Column.text("SELF_REFERENCING_COL_NAME"),
                Column.text("REF_GENERATION"));
        List<String> wanted = types == null ? TABLE_TYPES
                : Arrays.stream(types).map(t -> t.toUpperCase(Locale.ROOT)).toList();
        List<Object[]> rows = new ArrayList<>();
        for (Listed listed : listed(catalog, schemaPattern, tableNamePattern)) {
            if (wanted.contains(listed.type())) {
                rows.add(new Object[] {listed.scope().branch(), listed.scope().tenant(), listed.table().name(),
                        listed.type(), null, null, null, null, null, null});
            }
        }
        return sorted(out, rows, 3, 0, 1, 2);
    }

    /**
     * Columns of every table {@link #getTables} lists, ordered by branch, tenant, table name and position. A column
     * is NOT NULL only when declared so: an INTEGER PRIMARY KEY takes NULL on insert (SQLite picks the rowid).
     */
    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("TABLE_CAT"), Column.text("TABLE_SCHEM"),
                Column.text("TABLE_NAME"), Column.text("COLUMN_NAME"), new Column("DATA_TYPE", Types.INTEGER, "INTEGER"),
                Column.text("TYPE_NAME"), new Column("COLUMN_SIZE", Types.INTEGER, "INTEGER"),
                new Column("BUFFER_LENGTH", Types.INTEGER, "INTEGER"), new Column("DECIMAL_DIGITS", Types.INTEGER, "INTEGER"),
                new Column("NUM_PREC_RADIX", Types.INTEGER, "INTEGER"), new Column("NULLABLE", Types.INTEGER, "INTEGER"),
                Column.text("REMARKS"), Column.text("COLUMN_DEF"), new Column("SQL_DATA_TYPE", Types.INTEGER, "INTEGER"),
                new Column("SQL_DATETIME_SUB", Types.INTEGER, "INTEGER"), new Column("CHAR_OCTET_LENGTH", Types.INTEGER, "INTEGER"),
                new Column("ORDINAL_POSITION", Types.INTEGER, "INTEGER"), Column.text("IS_NULLABLE"),
                Column.text("SCOPE_CATALOG"), Column.text("SCOPE_SCHEMA"), Column.text("SCOPE_TABLE"),
                new Column("SOURCE_DATA_TYPE", Types.SMALLINT, "SMALLINT"), Column.text("IS_AUTOINCREMENT"),
                Column.text("IS_GENERATEDCOLUMN"));
        Pattern columns = pattern(columnNamePattern);
        List<Object[]> rows = new ArrayList<>();
        for (Listed listed : listed(catalog, schemaPattern, tableNamePattern)) {
            SchemaInfo.Table table = listed.table();
            for (SchemaInfo.Column c : table.columns()) {
                if (!columns.matcher(c.name()).matches()) {
                    continue;
                }
                SqliteTypes.Declared type = SqliteTypes.declared(c.declaredType());
                boolean notNull = c.notNull();
                rows.add(new Object[] {listed.scope().branch(), listed.scope().tenant(), table.name(), c.name(),
                        SqliteTypes.jdbcType(c.declaredType()), type.name(), type.size(), SqliteTypes.UNSIZED,
                        type.digits(), 10, notNull ? columnNoNulls : columnNullable, null, c.defaultValue(), 0, 0,
                        SqliteTypes.UNSIZED, c.position(), notNull ? "NO" : "YES", null, null, null, null,
                        table.autoincrement() && c.primaryKey() == 1 ? "YES" : "NO", c.generated() ? "YES" : "NO"});
            }
        }
        return sorted(out, rows, 0, 1, 2, 16);
    }

    /** The primary key's columns, ordered by column name as JDBC says; PK_NAME is its declared name, else null. */
    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("TABLE_CAT"), Column.text("TABLE_SCHEM"),
                Column.text("TABLE_NAME"), Column.text("COLUMN_NAME"), new Column("KEY_SEQ", Types.SMALLINT, "SMALLINT"),
                Column.text("PK_NAME"));
        List<Object[]> rows = new ArrayList<>();
        for (Scope s : scopes.of(catalog, schema)) {
            for (SchemaInfo.Table t : tables(s, table)) {
                for (int i = 0; i < t.primaryKey().size(); i++) {
                    rows.add(new Object[] {s.branch(), s.tenant(), t.name(), t.primaryKey().get(i), i + 1,
                            t.primaryKeyName()});
                }
            }
        }
        return sorted(out, rows, 0, 1, 2, 3);
    }

    /** Keys of the table, ordered by PKTABLE_CAT, PKTABLE_SCHEM, PKTABLE_NAME and KEY_SEQ as JDBC says. */
    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return keys(catalog, schema, null, table, 0, 1, 2, 8);
    }

    /** Keys referencing the table, ordered by FKTABLE_CAT, FKTABLE_SCHEM, FKTABLE_NAME and KEY_SEQ as JDBC says. */
    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return keys(catalog, schema, table, null, 4, 5, 6, 8);
    }

    /** Keys from one table to another, ordered as {@link #getExportedKeys}. */
    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        return keys(foreignCatalog, foreignSchema, parentTable == null ? "%" : parentTable,
                foreignTable == null ? "%" : foreignTable, 4, 5, 6, 8);
    }

    /**
     * Foreign keys whose parent matches {@code parentPattern} (null: any) and child {@code childPattern}, sorted by
     * the columns {@code order}. FK_NAME and PK_NAME are the declared names, else empty, as sqlite-jdbc reports them.
     */
    private ResultSet keys(String catalog, String schema, String parentPattern, String childPattern, int... order)
            throws SQLException {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("PKTABLE_CAT"), Column.text("PKTABLE_SCHEM"),
                Column.text("PKTABLE_NAME"), Column.text("PKCOLUMN_NAME"), Column.text("FKTABLE_CAT"),
                Column.text("FKTABLE_SCHEM"), Column.text("FKTABLE_NAME"), Column.text("FKCOLUMN_NAME"),
                new Column("KEY_SEQ", Types.SMALLINT, "SMALLINT"), new Column("UPDATE_RULE", Types.SMALLINT, "SMALLINT"),
                new Column("DELETE_RULE", Types.SMALLINT, "SMALLINT"), Column.text("FK_NAME"), Column.text("PK_NAME"),
                new Column("DEFERRABILITY", Types.SMALLINT, "SMALLINT"));
        Pattern parents = pattern(parentPattern);
        Pattern children = pattern(childPattern);
        List<Object[]> rows = new ArrayList<>();
        for (Scope s : scopes.of(catalog, schema)) {
            for (SchemaInfo.Table child : s.reachable()) {
                if (!children.matcher(child.name()).matches()) {
                    continue;
                }
                for (SchemaInfo.ForeignKey fk : child.foreignKeys()) {
                    if (!parents.matcher(fk.table()).matches()) {
                        continue;
                    }
                    SchemaInfo.Table parent = s.table(fk.table()).orElse(null);
                    String parentKeyName = parent == null || parent.primaryKeyName() == null ? "" : parent.primaryKeyName();
                    for (int i = 0; i < fk.from().size(); i++) {
                        String to = fk.to().get(i) != null ? fk.to().get(i)
                                : parent != null && i < parent.primaryKey().size() ? parent.primaryKey().get(i) : null;
                        rows.add(new Object[] {s.branch(), s.tenant(), fk.table(), to, s.branch(), s.tenant(),
                                child.name(), fk.from().get(i), i + 1, rule(fk.onUpdate()), rule(fk.onDelete()),
                                fk.name() == null ? "" : fk.name(), parentKeyName, fk.deferrability()});
                    }
                }
            }
        }
        return sorted(out, rows, order);
    }

    private static int rule(String action) {
        return switch (action == null ? "" : action.toUpperCase(Locale.ROOT)) {
            case "CASCADE" -> importedKeyCascade;
            case "SET NULL" -> importedKeySetNull;
            case "SET DEFAULT" -> importedKeySetDefault;
            case "RESTRICT" -> importedKeyRestrict;
            default -> importedKeyNoAction;
        };
    }

    /**
     * Index columns, ordered by NON_UNIQUE, TYPE, INDEX_NAME and ORDINAL_POSITION as JDBC says, each ascending
     * ({@code A}) or descending ({@code D}).
     */
    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("TABLE_CAT"), Column.text("TABLE_SCHEM"),
                Column.text("TABLE_NAME"), Column.bool("NON_UNIQUE"), Column.text("INDEX_QUALIFIER"),
                Column.text("INDEX_NAME"), new Column("TYPE", Types.SMALLINT, "SMALLINT"),
                new Column("ORDINAL_POSITION", Types.SMALLINT, "SMALLINT"), Column.text("COLUMN_NAME"),
                Column.text("ASC_OR_DESC"), Column.integer("CARDINALITY"), Column.integer("PAGES"),
                Column.text("FILTER_CONDITION"));
        List<Object[]> rows = new ArrayList<>();
        for (Scope s : scopes.of(catalog, schema)) {
            for (SchemaInfo.Table t : tables(s, table)) {
                for (SchemaInfo.Index index : t.indexes()) {
                    if (unique && !index.unique()) {
                        continue;
                    }
                    for (int i = 0; i < index.columns().size(); i++) {
                        rows.add(new Object[] {s.branch(), s.tenant(), t.name(), !index.unique(), null, index.name(),
                                (int) tableIndexOther, i + 1, index.columns().get(i),
                                index.descending().get(i) ? "D" : "A", 0L, 0L, null});
                    }
                }
            }
        }
        return sorted(out, rows, 3, 6, 5, 7);
    }

    // ---- procedures: the cinch.* procedures ----

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("PROCEDURE_CAT"), Column.text("PROCEDURE_SCHEM"),
                Column.text("PROCEDURE_NAME"), Column.text("RESERVED1"), Column.text("RESERVED2"), Column.text("RESERVED3"),
                Column.text("REMARKS"), new Column("PROCEDURE_TYPE", Types.SMALLINT, "SMALLINT"), Column.text("SPECIFIC_NAME"));
        if (!pattern(schemaPattern).matcher("cinch").matches()) {
            return out.build(null);
        }
        Pattern names = pattern(procedureNamePattern);
        for (Procedure p : Procedure.values()) {
            if (names.matcher(p.sqlName()).matches()) {
                out.row(null, "cinch", p.sqlName(), null, null, null, "CALL cinch." + p.sqlName() + "("
                        + String.join(", ", p.parameters()) + ")", (short) procedureReturnsResult, p.sqlName());
            }
        }
        return out.build(null);
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("PROCEDURE_CAT"), Column.text("PROCEDURE_SCHEM"),
                Column.text("PROCEDURE_NAME"), Column.text("COLUMN_NAME"), new Column("COLUMN_TYPE", Types.SMALLINT, "SMALLINT"),
                new Column("DATA_TYPE", Types.INTEGER, "INTEGER"), Column.text("TYPE_NAME"),
                new Column("PRECISION", Types.INTEGER, "INTEGER"), new Column("LENGTH", Types.INTEGER, "INTEGER"),
                new Column("SCALE", Types.SMALLINT, "SMALLINT"), new Column("RADIX", Types.SMALLINT, "SMALLINT"),
                new Column("NULLABLE", Types.SMALLINT, "SMALLINT"), Column.text("REMARKS"), Column.text("COLUMN_DEF"),
                new Column("SQL_DATA_TYPE", Types.INTEGER, "INTEGER"), new Column("SQL_DATETIME_SUB", Types.INTEGER, "INTEGER"),
                new Column("CHAR_OCTET_LENGTH", Types.INTEGER, "INTEGER"), new Column("ORDINAL_POSITION", Types.INTEGER, "INTEGER"),
                Column.text("IS_NULLABLE"), Column.text("SPECIFIC_NAME"));
        if (!pattern(schemaPattern).matcher("cinch").matches()) {
            return out.build(null);
        }
        Pattern names = pattern(procedureNamePattern);
        Pattern columns = pattern(columnNamePattern);
        for (Procedure p : Procedure.values()) {
            if (!names.matcher(p.sqlName()).matches()) {
                continue;
            }
            String[] parameters = p.parameters();
            for (int i = 0; i < parameters.length; i++) {
                boolean optional = parameters[i].startsWith("[");
                String name = optional ? parameters[i].substring(1, parameters[i].length() - 1) : parameters[i];
                if (columns.matcher(name).matches()) {
                    out.row(null, "cinch", p.sqlName(), name, (short) procedureColumnIn, Types.VARCHAR, "TEXT", null, null,
                            null, null, (short) procedureNoNulls, optional ? "optional" : null, null, null, null, null,
                            i + 1, "NO", p.sqlName());
                }
            }
        }
        return out.build(null);
    }

    // ---- listings SQLite has nothing for ----

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) {
        return empty("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS", "FUNCTION_TYPE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) {
        return empty("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE", "DATA_TYPE",
                "TYPE_NAME", "PRECISION", "LENGTH", "SCALE", "RADIX", "NULLABLE", "REMARKS", "CHAR_OCTET_LENGTH",
                "ORDINAL_POSITION", "IS_NULLABLE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE", "REMARKS", "BASE_TYPE");
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT", "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
                                   String attributeNamePattern) {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME", "DATA_TYPE", "ATTR_TYPE_NAME", "ATTR_SIZE",
                "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "ATTR_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB",
                "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE",
                "SOURCE_DATA_TYPE");
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        MemoryResultSet.Builder out = MemoryResultSet.of(new Column("SCOPE", Types.SMALLINT, "SMALLINT"),
                Column.text("COLUMN_NAME"), new Column("DATA_TYPE", Types.INTEGER, "INTEGER"), Column.text("TYPE_NAME"),
                new Column("COLUMN_SIZE", Types.INTEGER, "INTEGER"), new Column("BUFFER_LENGTH", Types.INTEGER, "INTEGER"),
                new Column("DECIMAL_DIGITS", Types.SMALLINT, "SMALLINT"), new Column("PSEUDO_COLUMN", Types.SMALLINT, "SMALLINT"));
        for (Scope s : scopes.of(catalog, schema)) {
            for (SchemaInfo.Table t : tables(s, table)) {
                for (String key : t.primaryKey()) {
                    String declared = t.column(key).map(SchemaInfo.Column::declaredType).orElse("");
                    SqliteTypes.Declared type = SqliteTypes.declared(declared);
                    out.row((short) bestRowSession, key, SqliteTypes.jdbcType(declared), type.name(), type.size(), null,
                            (short) type.digits(), (short) bestRowNotPseudo);
                }
            }
            break;
        }
        return out.build(null);
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) {
        return empty("SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS",
                "PSEUDO_COLUMN");
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
                "IS_GRANTABLE");
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
                                      String columnNamePattern) {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "COLUMN_SIZE",
                "DECIMAL_DIGITS", "NUM_PREC_RADIX", "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH", "IS_NULLABLE");
    }

    @Override
    public ResultSet getClientInfoProperties() {
        return empty("NAME", "MAX_LEN", "DEFAULT_VALUE", "DESCRIPTION");
    }

    private static ResultSet empty(String... columns) {
        return MemoryResultSet.of(Arrays.stream(columns).map(Column::text).toArray(Column[]::new)).build(null);
    }

    // ---- how patterns pick branches, tenants and tables ----

    /**
     * One (branch, tenant) pair whose tables a listing reports, with the branch's schema and the connection's
     * temporary tables (none except in the connection's own tenant).
     */
    record Scope(String branch, String tenant, SchemaInfo info, List<SchemaInfo.Table> temporary) {

        /** The tables and views a name reaches here, as SQLite resolves it: a temporary one hides the branch's. */
        List<SchemaInfo.Table> reachable() {
            List<SchemaInfo.Table> out = new ArrayList<>(temporary);
            for (SchemaInfo.Table t : info.tables()) {
                if (table(t.name()).orElse(t) == t) {
                    out.add(t);
                }
            }
            return out;
        }

        /** The table or view {@code name} reaches here (any case), if there is one. */
        Optional<SchemaInfo.Table> table(String name) {
            return temporary.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
                    .or(() -> info.table(name));
        }
    }

    /** A table as {@link #getTables} lists it: where, what, and its type. */
    private record Listed(Scope scope, SchemaInfo.Table table, String type) {
    }

    /** Where listings find the scopes a catalog pattern (null: the connection's branch) and schema pattern pick. */
    interface Scopes {
        /** The scopes of the branches {@code catalog} names and the tenants {@code schemaPattern} (null: own) names. */
        List<Scope> of(String catalog, String schemaPattern) throws SQLException;
    }

    /** The scopes of a local connection: the project's branches and tenants, each branch's schema read from its file. */
    private List<Scope> projectScopes(String catalog, String schemaPattern) throws SQLException {
        List<Scope> out = new ArrayList<>();
        for (Branch b : branches(catalog)) {
            SchemaInfo info = SchemaInfo.of(connection.project(), b);
            boolean ownBranch = b.id() == connection.branch().id();
            if (schemaPattern == null) {
                if (ownBranch) {
                    out.add(new Scope(b.name(), connection.tenant().name(), info, temporary()));
                }
                continue;
            }
            for (Tenant t : tenants(b, schemaPattern)) {
                boolean own = ownBranch && t.id() == connection.tenant().id();
                out.add(new Scope(b.name(), t.name(), info, own ? temporary() : List.of()));
            }
        }
        return out;
    }

    /** The connection's temporary tables and views. */
    private List<SchemaInfo.Table> temporary() throws SQLException {
        try {
            return SchemaInfo.temporary(connection.handle().jdbc());
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    /** Every table, view, system table and temporary table of the scopes whose name matches. */
    private List<Listed> listed(String catalog, String schemaPattern, String tablePattern) throws SQLException {
        Pattern p = pattern(tablePattern);
        List<Listed> out = new ArrayList<>();
        for (Scope s : scopes.of(catalog, schemaPattern)) {
            for (SchemaInfo.Table t : s.info().tables()) {
                out.add(new Listed(s, t, t.view() ? "VIEW" : "TABLE"));
            }
            for (SchemaInfo.Table t : s.info().systemTables()) {
                out.add(new Listed(s, t, "SYSTEM TABLE"));
            }
            for (SchemaInfo.Table t : s.temporary()) {
                out.add(new Listed(s, t, "GLOBAL TEMPORARY"));
            }
        }
        return out.stream().filter(l -> p.matcher(l.table().name()).matches()).toList();
    }

    /** The rows sorted by the values of the columns {@code order} (nulls first, text as SQLite's BINARY collation). */
    private static ResultSet sorted(MemoryResultSet.Builder out, List<Object[]> rows, int... order) {
        Comparator<Object[]> by = (a, b) -> 0;
        for (int column : order) {
            by = by.thenComparing(row -> row[column], Comparator.nullsFirst(CinchDatabaseMetaData::compareValues));
        }
        rows.stream().sorted(by).forEach(out::row);
        return out.build(null);
    }

    private static int compareValues(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Long.compare(x.longValue(), y.longValue());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        return a.toString().compareTo(b.toString());
    }

    private List<Branch> branches(String catalog) throws SQLException {
        if (catalog == null) {
            return List.of(connection.branch());
        }
        Pattern p = pattern(catalog);
        return connection.project().metadata().read(v -> v.branches(connection.database().id())).stream()
                .filter(b -> p.matcher(b.name()).matches()).toList();
    }

    private List<Tenant> tenants(Branch branch, String schemaPattern) throws SQLException {
        if (!schemaPattern.contains("%") && !schemaPattern.contains("_")) {
            return connection.project().findTenant(branch, schemaPattern.toLowerCase(Locale.ROOT)).stream().toList();
        }
        Pattern p = pattern(schemaPattern);
        return connection.project().metadata().read(v -> v.tenants(branch.id())).stream()
                .filter(t -> p.matcher(t.name()).matches()).toList();
    }

    private static List<SchemaInfo.Table> tables(Scope scope, String tablePattern) {
        Pattern p = pattern(tablePattern);
        return scope.reachable().stream().filter(t -> p.matcher(t.name()).matches()).toList();
    }

    /** A JDBC search pattern ({@code %}, {@code _}, {@code \} escapes; null means all) as a case-insensitive regex. */
    static Pattern pattern(String jdbcPattern) {
        if (jdbcPattern == null) {
            return Pattern.compile(".*", Pattern.DOTALL);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < jdbcPattern.length(); i++) {
            char c = jdbcPattern.charAt(i);
            if (c == '\\' && i + 1 < jdbcPattern.length()) {
                regex.append(Pattern.quote(String.valueOf(jdbcPattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
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

    // ---- facts about SQLite, from sqlite-jdbc ----

    @Override
    public boolean allTablesAreSelectable() throws SQLException {
        try {
            return sqlite().allTablesAreSelectable();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean deletesAreDetected(int type) throws SQLException {
        try {
            return sqlite().deletesAreDetected(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        try {
            return sqlite().doesMaxRowSizeIncludeBlobs();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getExtraNameCharacters() throws SQLException {
        try {
            return sqlite().getExtraNameCharacters();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxBinaryLiteralLength() throws SQLException {
        try {
            return sqlite().getMaxBinaryLiteralLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxCatalogNameLength() throws SQLException {
        try {
            return sqlite().getMaxCatalogNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxCharLiteralLength() throws SQLException {
        try {
            return sqlite().getMaxCharLiteralLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnNameLength() throws SQLException {
        try {
            return sqlite().getMaxColumnNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnsInGroupBy() throws SQLException {
        try {
            return sqlite().getMaxColumnsInGroupBy();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnsInIndex() throws SQLException {
        try {
            return sqlite().getMaxColumnsInIndex();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnsInOrderBy() throws SQLException {
        try {
            return sqlite().getMaxColumnsInOrderBy();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnsInSelect() throws SQLException {
        try {
            return sqlite().getMaxColumnsInSelect();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnsInTable() throws SQLException {
        try {
            return sqlite().getMaxColumnsInTable();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxConnections() throws SQLException {
        try {
            return sqlite().getMaxConnections();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxCursorNameLength() throws SQLException {
        try {
            return sqlite().getMaxCursorNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxIndexLength() throws SQLException {
        try {
            return sqlite().getMaxIndexLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public long getMaxLogicalLobSize() throws SQLException {
        try {
            return sqlite().getMaxLogicalLobSize();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxProcedureNameLength() throws SQLException {
        try {
            return sqlite().getMaxProcedureNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxRowSize() throws SQLException {
        try {
            return sqlite().getMaxRowSize();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxSchemaNameLength() throws SQLException {
        try {
            return sqlite().getMaxSchemaNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxStatementLength() throws SQLException {
        try {
            return sqlite().getMaxStatementLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxStatements() throws SQLException {
        try {
            return sqlite().getMaxStatements();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxTableNameLength() throws SQLException {
        try {
            return sqlite().getMaxTableNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxTablesInSelect() throws SQLException {
        try {
            return sqlite().getMaxTablesInSelect();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxUserNameLength() throws SQLException {
        try {
            return sqlite().getMaxUserNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getNumericFunctions() throws SQLException {
        try {
            return sqlite().getNumericFunctions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getSQLStateType() throws SQLException {
        try {
            return sqlite().getSQLStateType();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getStringFunctions() throws SQLException {
        try {
            return sqlite().getStringFunctions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getSystemFunctions() throws SQLException {
        try {
            return sqlite().getSystemFunctions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getTimeDateFunctions() throws SQLException {
        try {
            return sqlite().getTimeDateFunctions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        try {
            return sqlite().getTypeInfo();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean insertsAreDetected(int type) throws SQLException {
        try {
            return sqlite().insertsAreDetected(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        try {
            return sqlite().locatorsUpdateCopy();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws SQLException {
        try {
            return sqlite().nullPlusNonNullIsNull();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return false;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return true;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) throws SQLException {
        try {
            return sqlite().othersDeletesAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean othersInsertsAreVisible(int type) throws SQLException {
        try {
            return sqlite().othersInsertsAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) throws SQLException {
        try {
            return sqlite().othersUpdatesAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean ownDeletesAreVisible(int type) throws SQLException {
        try {
            return sqlite().ownDeletesAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean ownInsertsAreVisible(int type) throws SQLException {
        try {
            return sqlite().ownInsertsAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) throws SQLException {
        try {
            return sqlite().ownUpdatesAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws SQLException {
        try {
            return sqlite().supportsANSI92EntryLevelSQL();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsANSI92FullSQL() throws SQLException {
        try {
            return sqlite().supportsANSI92FullSQL();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException {
        try {
            return sqlite().supportsANSI92IntermediateSQL();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws SQLException {
        try {
            return sqlite().supportsAlterTableWithAddColumn();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws SQLException {
        try {
            return sqlite().supportsAlterTableWithDropColumn();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsColumnAliasing() throws SQLException {
        try {
            return sqlite().supportsColumnAliasing();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsConvert() throws SQLException {
        try {
            return sqlite().supportsConvert();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) throws SQLException {
        try {
            return sqlite().supportsConvert(fromType, toType);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws SQLException {
        try {
            return sqlite().supportsCoreSQLGrammar();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsCorrelatedSubqueries() {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        try {
            return sqlite().supportsDifferentTableCorrelationNames();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws SQLException {
        try {
            return sqlite().supportsExpressionsInOrderBy();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException {
        try {
            return sqlite().supportsExtendedSQLGrammar();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        try {
            return sqlite().supportsFullOuterJoins();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsGroupBy() throws SQLException {
        try {
            return sqlite().supportsGroupBy();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException {
        try {
            return sqlite().supportsGroupByBeyondSelect();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsGroupByUnrelated() throws SQLException {
        try {
            return sqlite().supportsGroupByUnrelated();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws SQLException {
        try {
            return sqlite().supportsIntegrityEnhancementFacility();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsLikeEscapeClause() {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws SQLException {
        try {
            return sqlite().supportsLimitedOuterJoins();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws SQLException {
        try {
            return sqlite().supportsMinimumSQLGrammar();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsMultipleTransactions() throws SQLException {
        try {
            return sqlite().supportsMultipleTransactions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsNonNullableColumns() throws SQLException {
        try {
            return sqlite().supportsNonNullableColumns();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        try {
            return sqlite().supportsOpenCursorsAcrossCommit();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        try {
            return sqlite().supportsOpenCursorsAcrossRollback();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
        try {
            return sqlite().supportsOpenStatementsAcrossCommit();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
        try {
            return sqlite().supportsOpenStatementsAcrossRollback();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOrderByUnrelated() throws SQLException {
        try {
            return sqlite().supportsOrderByUnrelated();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOuterJoins() throws SQLException {
        try {
            return sqlite().supportsOuterJoins();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsPositionedDelete() throws SQLException {
        try {
            return sqlite().supportsPositionedDelete();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsPositionedUpdate() throws SQLException {
        try {
            return sqlite().supportsPositionedUpdate();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsRefCursors() throws SQLException {
        try {
            return sqlite().supportsRefCursors();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSelectForUpdate() throws SQLException {
        try {
            return sqlite().supportsSelectForUpdate();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSharding() throws SQLException {
        try {
            return sqlite().supportsSharding();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsStatementPooling() throws SQLException {
        try {
            return sqlite().supportsStatementPooling();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSubqueriesInComparisons() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() throws SQLException {
        try {
            return sqlite().supportsSubqueriesInExists();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSubqueriesInIns() throws SQLException {
        try {
            return sqlite().supportsSubqueriesInIns();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws SQLException {
        try {
            return sqlite().supportsSubqueriesInQuantifieds();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsTableCorrelationNames() {
        return true;
    }

    @Override
    public boolean supportsUnion() throws SQLException {
        try {
            return sqlite().supportsUnion();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsUnionAll() throws SQLException {
        try {
            return sqlite().supportsUnionAll();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean updatesAreDetected(int type) throws SQLException {
        try {
            return sqlite().updatesAreDetected(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

}
