package io.cinch.jdbc.differential;

import java.sql.DatabaseMetaData;
import java.util.List;

/** DatabaseMetaData on a schema with keys, named constraints, generated columns, views and indexes. */
final class MetaDataCases {

    /** A schema that exercises every metadata call. */
    static final List<String> SCHEMA = List.of(
            "CREATE TABLE parent(id INTEGER PRIMARY KEY AUTOINCREMENT, code VARCHAR(21) NOT NULL UNIQUE, "
                    + "amount DECIMAL(10,2) DEFAULT 0, note)",
            "CREATE TABLE child(a INTEGER, b TEXT, parent_id INTEGER, total AS (a * 2), stored_total INT "
                    + "GENERATED ALWAYS AS (a * 3) STORED, "
                    + "CONSTRAINT child_key PRIMARY KEY (b, a), "
                    + "CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent(id) ON DELETE CASCADE)",
            "CREATE TABLE plain(id INTEGER PRIMARY KEY, x INT)",
            "CREATE TABLE multi(p1 INT, p2 INT, q1 INT, q2 INT, FOREIGN KEY (q1, q2) REFERENCES pair(b, a), "
                    + "FOREIGN KEY (p1) REFERENCES plain(id))",
            "CREATE TABLE pair(a INT, b INT, PRIMARY KEY (a, b))",
            "CREATE INDEX child_b ON child(b DESC)",
            "CREATE UNIQUE INDEX parent_code_amount ON parent(code, amount)",
            "CREATE VIEW parent_view AS SELECT id, code FROM parent");

    private MetaDataCases() {
    }

    static void addTo(Corpus c) {
        meta(c, "meta.tables-all", md -> md.getTables(null, null, "%", null));
        meta(c, "meta.tables-table-type", md -> md.getTables(null, null, null, new String[] {"TABLE"}));
        meta(c, "meta.tables-view-type", md -> md.getTables(null, null, "%", new String[] {"VIEW"}));
        meta(c, "meta.tables-pattern", md -> md.getTables(null, null, "p%", null));
        meta(c, "meta.tables-system-type", md -> md.getTables(null, null, "%", new String[] {"SYSTEM TABLE"}));
        meta(c, "meta.table-types", DatabaseMetaData::getTableTypes);
        for (String table : List.of("parent", "child", "plain", "multi", "pair", "parent_view")) {
            meta(c, "meta.columns-" + table, md -> md.getColumns(null, null, table, "%"));
            meta(c, "meta.primary-keys-" + table, md -> md.getPrimaryKeys(null, null, table));
            meta(c, "meta.imported-keys-" + table, md -> md.getImportedKeys(null, null, table));
            meta(c, "meta.exported-keys-" + table, md -> md.getExportedKeys(null, null, table));
            meta(c, "meta.index-info-" + table, md -> md.getIndexInfo(null, null, table, false, false));
        }
        meta(c, "meta.unique-index-info", md -> md.getIndexInfo(null, null, "parent", true, false));
        meta(c, "meta.cross-reference", md -> md.getCrossReference(null, null, "parent", null, null, "child"));
        meta(c, "meta.columns-pattern", md -> md.getColumns(null, null, "%", "a%"));
        meta(c, "meta.type-info", DatabaseMetaData::getTypeInfo);
        c.add("meta.temp-table", List.of("CREATE TEMP TABLE scratch(a)"), (conn, t) ->
                t.step("getTables", () -> conn.getMetaData().getTables(null, null, "%", null)));
        c.add("meta.capabilities", SCHEMA, (conn, t) -> {
            DatabaseMetaData md = conn.getMetaData();
            t.step("product", md::getDatabaseProductName);
            t.step("identifier quote", md::getIdentifierQuoteString);
            t.step("supportsTransactions", md::supportsTransactions);
            t.step("supportsBatchUpdates", md::supportsBatchUpdates);
            t.step("supportsGetGeneratedKeys", md::supportsGetGeneratedKeys);
            t.step("supportsSavepoints", md::supportsSavepoints);
            t.step("supportsMultipleResultSets", md::supportsMultipleResultSets);
            t.step("default isolation", md::getDefaultTransactionIsolation);
            t.step("nullsAreSortedLow", md::nullsAreSortedLow);
            t.step("storesMixedCaseIdentifiers", md::storesMixedCaseIdentifiers);
            t.step("supportsMixedCaseQuotedIdentifiers", md::supportsMixedCaseQuotedIdentifiers);
            t.step("supportsAlterTableWithAddColumn", md::supportsAlterTableWithAddColumn);
            t.step("supportsOuterJoins", md::supportsOuterJoins);
            t.step("supportsFullOuterJoins", md::supportsFullOuterJoins);
            t.step("supportsUnionAll", md::supportsUnionAll);
            t.step("getSearchStringEscape", md::getSearchStringEscape);
            t.step("getExtraNameCharacters", md::getExtraNameCharacters);
            t.step("getMaxColumnsInTable", md::getMaxColumnsInTable);
            t.step("supportsResultSetType forward", () -> md.supportsResultSetType(java.sql.ResultSet.TYPE_FORWARD_ONLY));
            t.step("getJDBCMajorVersion", md::getJDBCMajorVersion);
            t.step("getSQLStateType", md::getSQLStateType);
            t.step("getNumericFunctions", md::getNumericFunctions);
            t.step("getStringFunctions", md::getStringFunctions);
            t.step("supportsCatalogsInTableDefinitions", md::supportsCatalogsInTableDefinitions);
        });
    }

    private interface Call {
        java.sql.ResultSet call(DatabaseMetaData md) throws Exception;
    }

    private static void meta(Corpus c, String id, Call call) {
        c.add(id, SCHEMA, (conn, t) -> t.step(id, () -> call.call(conn.getMetaData())));
    }
}
