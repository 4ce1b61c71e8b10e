package io.cinch.jdbc;

import io.cinch.sql.MemoryResultSet;
import io.cinch.sql.SqlState;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * Metadata of the cross-tenant connection: the engine's listing of schema {@code main} (every branch table, with
 * {@code _tenant} first) and {@code cinch} (system tables), introduced as cinch on SQLite.
 */
final class CrossTenantMetaData implements DatabaseMetaData {

    private final CrossTenantConnection connection;
    private final DatabaseMetaData calcite;

    CrossTenantMetaData(CrossTenantConnection connection, DatabaseMetaData calcite) {
        this.connection = connection;
        this.calcite = calcite;
    }

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
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public String getDatabaseProductName() {
        return "SQLite";
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
    public boolean supportsTransactionIsolationLevel(int level) {
        return level != Connection.TRANSACTION_NONE;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public ResultSet getCatalogs() {
        return MemoryResultSet.of(MemoryResultSet.Column.text("TABLE_CAT")).build(null);
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) throws SQLException {
        return new CinchDatabaseMetaData((CinchConnection) null).getProcedures(catalog, schemaPattern,
                procedureNamePattern);
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) throws SQLException {
        return new CinchDatabaseMetaData((CinchConnection) null).getProcedureColumns(catalog, schemaPattern,
                procedureNamePattern, columnNamePattern);
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
    public boolean allProceduresAreCallable() throws SQLException {
        try {
            return calcite.allProceduresAreCallable();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean allTablesAreSelectable() throws SQLException {
        try {
            return calcite.allTablesAreSelectable();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        try {
            return calcite.autoCommitFailureClosesAllResultSets();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        try {
            return calcite.dataDefinitionCausesTransactionCommit();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
        try {
            return calcite.dataDefinitionIgnoredInTransactions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean deletesAreDetected(int type) throws SQLException {
        try {
            return calcite.deletesAreDetected(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        try {
            return calcite.doesMaxRowSizeIncludeBlobs();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        try {
            return calcite.generatedKeyAlwaysReturned();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern) throws SQLException {
        try {
            return calcite.getAttributes(catalog, schemaPattern, typeNamePattern, attributeNamePattern);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable) throws SQLException {
        try {
            return calcite.getBestRowIdentifier(catalog, schema, table, scope, nullable);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getCatalogSeparator() throws SQLException {
        try {
            return calcite.getCatalogSeparator();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getCatalogTerm() throws SQLException {
        try {
            return calcite.getCatalogTerm();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        try {
            return calcite.getClientInfoProperties();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) throws SQLException {
        try {
            return calcite.getColumnPrivileges(catalog, schema, table, columnNamePattern);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
        try {
            return calcite.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable, String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        try {
            return calcite.getCrossReference(parentCatalog, parentSchema, parentTable, foreignCatalog, foreignSchema, foreignTable);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        try {
            return calcite.getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        try {
            return calcite.getDatabaseMinorVersion();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        try {
            return calcite.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        try {
            return calcite.getExportedKeys(catalog, schema, table);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getExtraNameCharacters() throws SQLException {
        try {
            return calcite.getExtraNameCharacters();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern) throws SQLException {
        try {
            return calcite.getFunctionColumns(catalog, schemaPattern, functionNamePattern, columnNamePattern);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
        try {
            return calcite.getFunctions(catalog, schemaPattern, functionNamePattern);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getIdentifierQuoteString() throws SQLException {
        try {
            return calcite.getIdentifierQuoteString();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        try {
            return calcite.getImportedKeys(catalog, schema, table);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate) throws SQLException {
        try {
            return calcite.getIndexInfo(catalog, schema, table, unique, approximate);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getJDBCMajorVersion() throws SQLException {
        try {
            return calcite.getJDBCMajorVersion();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getJDBCMinorVersion() throws SQLException {
        try {
            return calcite.getJDBCMinorVersion();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxBinaryLiteralLength() throws SQLException {
        try {
            return calcite.getMaxBinaryLiteralLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxCatalogNameLength() throws SQLException {
        try {
            return calcite.getMaxCatalogNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxCharLiteralLength() throws SQLException {
        try {
            return calcite.getMaxCharLiteralLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnNameLength() throws SQLException {
        try {
            return calcite.getMaxColumnNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnsInGroupBy() throws SQLException {
        try {
            return calcite.getMaxColumnsInGroupBy();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnsInIndex() throws SQLException {
        try {
            return calcite.getMaxColumnsInIndex();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnsInOrderBy() throws SQLException {
        try {
            return calcite.getMaxColumnsInOrderBy();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnsInSelect() throws SQLException {
        try {
            return calcite.getMaxColumnsInSelect();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxColumnsInTable() throws SQLException {
        try {
            return calcite.getMaxColumnsInTable();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxConnections() throws SQLException {
        try {
            return calcite.getMaxConnections();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxCursorNameLength() throws SQLException {
        try {
            return calcite.getMaxCursorNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxIndexLength() throws SQLException {
        try {
            return calcite.getMaxIndexLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxProcedureNameLength() throws SQLException {
        try {
            return calcite.getMaxProcedureNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxRowSize() throws SQLException {
        try {
            return calcite.getMaxRowSize();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxSchemaNameLength() throws SQLException {
        try {
            return calcite.getMaxSchemaNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxStatementLength() throws SQLException {
        try {
            return calcite.getMaxStatementLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxStatements() throws SQLException {
        try {
            return calcite.getMaxStatements();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxTableNameLength() throws SQLException {
        try {
            return calcite.getMaxTableNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxTablesInSelect() throws SQLException {
        try {
            return calcite.getMaxTablesInSelect();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getMaxUserNameLength() throws SQLException {
        try {
            return calcite.getMaxUserNameLength();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getNumericFunctions() throws SQLException {
        try {
            return calcite.getNumericFunctions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        try {
            return calcite.getPrimaryKeys(catalog, schema, table);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getProcedureTerm() throws SQLException {
        try {
            return calcite.getProcedureTerm();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
        try {
            return calcite.getPseudoColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        try {
            return calcite.getResultSetHoldability();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public RowIdLifetime getRowIdLifetime() throws SQLException {
        try {
            return calcite.getRowIdLifetime();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getSQLKeywords() throws SQLException {
        try {
            return calcite.getSQLKeywords();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public int getSQLStateType() throws SQLException {
        try {
            return calcite.getSQLStateType();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getSchemaTerm() throws SQLException {
        try {
            return calcite.getSchemaTerm();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        try {
            return calcite.getSchemas();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        try {
            return calcite.getSchemas(catalog, schemaPattern);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getSearchStringEscape() throws SQLException {
        try {
            return calcite.getSearchStringEscape();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getStringFunctions() throws SQLException {
        try {
            return calcite.getStringFunctions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        try {
            return calcite.getSuperTables(catalog, schemaPattern, tableNamePattern);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        try {
            return calcite.getSuperTypes(catalog, schemaPattern, typeNamePattern);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getSystemFunctions() throws SQLException {
        try {
            return calcite.getSystemFunctions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        try {
            return calcite.getTablePrivileges(catalog, schemaPattern, tableNamePattern);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        try {
            return calcite.getTableTypes();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
        try {
            return calcite.getTables(catalog, schemaPattern, tableNamePattern, types);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public String getTimeDateFunctions() throws SQLException {
        try {
            return calcite.getTimeDateFunctions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        try {
            return calcite.getTypeInfo();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
        try {
            return calcite.getUDTs(catalog, schemaPattern, typeNamePattern, types);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        try {
            return calcite.getVersionColumns(catalog, schema, table);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean insertsAreDetected(int type) throws SQLException {
        try {
            return calcite.insertsAreDetected(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean isCatalogAtStart() throws SQLException {
        try {
            return calcite.isCatalogAtStart();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        try {
            return calcite.locatorsUpdateCopy();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws SQLException {
        try {
            return calcite.nullPlusNonNullIsNull();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws SQLException {
        try {
            return calcite.nullsAreSortedAtEnd();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean nullsAreSortedAtStart() throws SQLException {
        try {
            return calcite.nullsAreSortedAtStart();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean nullsAreSortedHigh() throws SQLException {
        try {
            return calcite.nullsAreSortedHigh();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean nullsAreSortedLow() throws SQLException {
        try {
            return calcite.nullsAreSortedLow();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean othersDeletesAreVisible(int type) throws SQLException {
        try {
            return calcite.othersDeletesAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean othersInsertsAreVisible(int type) throws SQLException {
        try {
            return calcite.othersInsertsAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) throws SQLException {
        try {
            return calcite.othersUpdatesAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean ownDeletesAreVisible(int type) throws SQLException {
        try {
            return calcite.ownDeletesAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean ownInsertsAreVisible(int type) throws SQLException {
        try {
            return calcite.ownInsertsAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) throws SQLException {
        try {
            return calcite.ownUpdatesAreVisible(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws SQLException {
        try {
            return calcite.storesLowerCaseIdentifiers();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
        try {
            return calcite.storesLowerCaseQuotedIdentifiers();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws SQLException {
        try {
            return calcite.storesMixedCaseIdentifiers();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
        try {
            return calcite.storesMixedCaseQuotedIdentifiers();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws SQLException {
        try {
            return calcite.storesUpperCaseIdentifiers();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
        try {
            return calcite.storesUpperCaseQuotedIdentifiers();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws SQLException {
        try {
            return calcite.supportsANSI92EntryLevelSQL();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsANSI92FullSQL() throws SQLException {
        try {
            return calcite.supportsANSI92FullSQL();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException {
        try {
            return calcite.supportsANSI92IntermediateSQL();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws SQLException {
        try {
            return calcite.supportsAlterTableWithAddColumn();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws SQLException {
        try {
            return calcite.supportsAlterTableWithDropColumn();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsBatchUpdates() throws SQLException {
        try {
            return calcite.supportsBatchUpdates();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException {
        try {
            return calcite.supportsCatalogsInDataManipulation();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
        try {
            return calcite.supportsCatalogsInIndexDefinitions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
        try {
            return calcite.supportsCatalogsInPrivilegeDefinitions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws SQLException {
        try {
            return calcite.supportsCatalogsInProcedureCalls();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        try {
            return calcite.supportsCatalogsInTableDefinitions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsColumnAliasing() throws SQLException {
        try {
            return calcite.supportsColumnAliasing();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsConvert() throws SQLException {
        try {
            return calcite.supportsConvert();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) throws SQLException {
        try {
            return calcite.supportsConvert(fromType, toType);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws SQLException {
        try {
            return calcite.supportsCoreSQLGrammar();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsCorrelatedSubqueries() throws SQLException {
        try {
            return calcite.supportsCorrelatedSubqueries();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
        try {
            return calcite.supportsDataDefinitionAndDataManipulationTransactions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
        try {
            return calcite.supportsDataManipulationTransactionsOnly();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        try {
            return calcite.supportsDifferentTableCorrelationNames();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws SQLException {
        try {
            return calcite.supportsExpressionsInOrderBy();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException {
        try {
            return calcite.supportsExtendedSQLGrammar();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        try {
            return calcite.supportsFullOuterJoins();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsGetGeneratedKeys() throws SQLException {
        try {
            return calcite.supportsGetGeneratedKeys();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsGroupBy() throws SQLException {
        try {
            return calcite.supportsGroupBy();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException {
        try {
            return calcite.supportsGroupByBeyondSelect();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsGroupByUnrelated() throws SQLException {
        try {
            return calcite.supportsGroupByUnrelated();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws SQLException {
        try {
            return calcite.supportsIntegrityEnhancementFacility();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsLikeEscapeClause() throws SQLException {
        try {
            return calcite.supportsLikeEscapeClause();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws SQLException {
        try {
            return calcite.supportsLimitedOuterJoins();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws SQLException {
        try {
            return calcite.supportsMinimumSQLGrammar();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws SQLException {
        try {
            return calcite.supportsMixedCaseIdentifiers();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
        try {
            return calcite.supportsMixedCaseQuotedIdentifiers();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsMultipleOpenResults() throws SQLException {
        try {
            return calcite.supportsMultipleOpenResults();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsMultipleResultSets() throws SQLException {
        try {
            return calcite.supportsMultipleResultSets();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsMultipleTransactions() throws SQLException {
        try {
            return calcite.supportsMultipleTransactions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsNamedParameters() throws SQLException {
        try {
            return calcite.supportsNamedParameters();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsNonNullableColumns() throws SQLException {
        try {
            return calcite.supportsNonNullableColumns();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        try {
            return calcite.supportsOpenCursorsAcrossCommit();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        try {
            return calcite.supportsOpenCursorsAcrossRollback();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
        try {
            return calcite.supportsOpenStatementsAcrossCommit();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
        try {
            return calcite.supportsOpenStatementsAcrossRollback();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOrderByUnrelated() throws SQLException {
        try {
            return calcite.supportsOrderByUnrelated();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsOuterJoins() throws SQLException {
        try {
            return calcite.supportsOuterJoins();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsPositionedDelete() throws SQLException {
        try {
            return calcite.supportsPositionedDelete();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsPositionedUpdate() throws SQLException {
        try {
            return calcite.supportsPositionedUpdate();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsResultSetConcurrency(int value, int length) throws SQLException {
        try {
            return calcite.supportsResultSetConcurrency(value, length);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsResultSetHoldability(int type) throws SQLException {
        try {
            return calcite.supportsResultSetHoldability(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsResultSetType(int type) throws SQLException {
        try {
            return calcite.supportsResultSetType(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSavepoints() throws SQLException {
        try {
            return calcite.supportsSavepoints();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException {
        try {
            return calcite.supportsSchemasInDataManipulation();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() throws SQLException {
        try {
            return calcite.supportsSchemasInIndexDefinitions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
        try {
            return calcite.supportsSchemasInPrivilegeDefinitions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws SQLException {
        try {
            return calcite.supportsSchemasInProcedureCalls();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException {
        try {
            return calcite.supportsSchemasInTableDefinitions();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSelectForUpdate() throws SQLException {
        try {
            return calcite.supportsSelectForUpdate();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsStatementPooling() throws SQLException {
        try {
            return calcite.supportsStatementPooling();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        try {
            return calcite.supportsStoredFunctionsUsingCallSyntax();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsStoredProcedures() throws SQLException {
        try {
            return calcite.supportsStoredProcedures();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSubqueriesInComparisons() throws SQLException {
        try {
            return calcite.supportsSubqueriesInComparisons();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSubqueriesInExists() throws SQLException {
        try {
            return calcite.supportsSubqueriesInExists();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSubqueriesInIns() throws SQLException {
        try {
            return calcite.supportsSubqueriesInIns();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws SQLException {
        try {
            return calcite.supportsSubqueriesInQuantifieds();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsTableCorrelationNames() throws SQLException {
        try {
            return calcite.supportsTableCorrelationNames();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsUnion() throws SQLException {
        try {
            return calcite.supportsUnion();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean supportsUnionAll() throws SQLException {
        try {
            return calcite.supportsUnionAll();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean updatesAreDetected(int type) throws SQLException {
        try {
            return calcite.updatesAreDetected(type);
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean usesLocalFilePerTable() throws SQLException {
        try {
            return calcite.usesLocalFilePerTable();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

    @Override
    public boolean usesLocalFiles() throws SQLException {
        try {
            return calcite.usesLocalFiles();
        } catch (SQLException e) {
            throw SqlState.of(e);
        }
    }

}
