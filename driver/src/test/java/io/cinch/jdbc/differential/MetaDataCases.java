package io.cinch.jdbc.differential;

import java.sql.DatabaseMetaData;
import java.util.List;

/** DatabaseMetaData on a schema with keys, named constraints, generated columns, views and indexes. */
final class MetaDataCases {

    /** Foreign keys declared DEFERRABLE INITIALLY DEFERRED, the one deferrability sqlite-jdbc reports. */
    static final List<String> DEFERRED_KEYS = List.of(
            "CREATE TABLE owner(id INTEGER, CONSTRAINT owner_key PRIMARY KEY (id))",
            "CREATE TABLE pairs(a INT, b INT, PRIMARY KEY (a, b))",
            "CREATE TABLE link(x INT, y INT, p INT, q INT, "
                    + "CONSTRAINT link_pair FOREIGN KEY (x, y) REFERENCES pairs(b, a) DEFERRABLE INITIALLY DEFERRED, "
                    + "CONSTRAINT link_owner FOREIGN KEY (p) REFERENCES owner(id) ON DELETE CASCADE "
                    + "DEFERRABLE INITIALLY DEFERRED, "
                    + "CONSTRAINT link_owner_again FOREIGN KEY (q) REFERENCES owner(id) DEFERRABLE INITIALLY DEFERRED)");

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

    /**
     * Temporary tables with keys, a foreign key between them and indexes, beside a branch table that one of them
     * shadows by name ({@code kept}).
     */
    static final List<String> TEMPORARY_KEYS = List.of(
            "CREATE TABLE kept(id INTEGER PRIMARY KEY, v INT)",
            "CREATE TEMP TABLE scratch_parent(id INTEGER PRIMARY KEY, code TEXT UNIQUE)",
            "CREATE TEMP TABLE scratch(a INT, b TEXT, p INT, CONSTRAINT scratch_key PRIMARY KEY (a, b), "
                    + "CONSTRAINT scratch_p FOREIGN KEY (p) REFERENCES scratch_parent(id) ON DELETE CASCADE)",
            "CREATE INDEX scratch_b ON scratch(b DESC)",
            "CREATE TEMP TABLE kept(k TEXT PRIMARY KEY, w INT)");

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
        List<String> temporary = List.of("CREATE TABLE kept(a INT)", "CREATE TEMP TABLE scratch(a INT, b)",
                "CREATE TEMP VIEW glance AS SELECT 1 AS one");
        meta(c, "meta.tables-temp-type", temporary,
                md -> md.getTables(null, null, "%", new String[] {"GLOBAL TEMPORARY"}));
        meta(c, "meta.tables-temp-and-table", temporary,
                md -> md.getTables(null, null, "%", new String[] {"TABLE", "GLOBAL TEMPORARY"}));
        meta(c, "meta.columns-temp", temporary, md -> md.getColumns(null, null, "scratch", "%"));
        for (String table : List.of("scratch", "scratch_parent", "kept")) {
            meta(c, "meta.primary-keys-temp-" + table, TEMPORARY_KEYS, md -> md.getPrimaryKeys(null, null, table));
            meta(c, "meta.index-info-temp-" + table, TEMPORARY_KEYS,
                    md -> md.getIndexInfo(null, null, table, false, false));
            meta(c, "meta.imported-keys-temp-" + table, TEMPORARY_KEYS, md -> md.getImportedKeys(null, null, table));
            meta(c, "meta.exported-keys-temp-" + table, TEMPORARY_KEYS, md -> md.getExportedKeys(null, null, table));
            meta(c, "meta.columns-temp-" + table, TEMPORARY_KEYS, md -> md.getColumns(null, null, table, "%"));
        }
        meta(c, "meta.unique-index-info-temp", TEMPORARY_KEYS,
                md -> md.getIndexInfo(null, null, "scratch_parent", true, false));
        meta(c, "meta.cross-reference-temp", TEMPORARY_KEYS,
                md -> md.getCrossReference(null, null, "scratch_parent", null, null, "scratch"));
        meta(c, "meta.tables-temp-keyed", TEMPORARY_KEYS, md -> md.getTables(null, null, "%", null));
        List<String> mixedCase = List.of("CREATE TABLE Beta(x INT)", "CREATE TABLE alpha(y INT)",
                "CREATE VIEW Gamma AS SELECT y FROM alpha");
        meta(c, "meta.tables-mixed-case", mixedCase, md -> md.getTables(null, null, "%", null));
        meta(c, "meta.columns-mixed-case", mixedCase, md -> md.getColumns(null, null, "%", "%"));
        meta(c, "meta.columns-system", List.of("CREATE TABLE seq(id INTEGER PRIMARY KEY AUTOINCREMENT)"),
                md -> md.getColumns(null, null, "sqlite%", "%"));
        meta(c, "meta.columns-sized", List.of("CREATE TABLE sized(code VARCHAR(21) NOT NULL, label varchar ( 30 ), "
                + "initials CHARACTER(3), ratio FLOAT(7), note TEXT, odd VARCHAR(-1))"),
                md -> md.getColumns(null, null, "sized", "%"));
        meta(c, "meta.columns-untyped", List.of("CREATE TABLE loose(a, b INT, c DEFAULT 'x')"),
                md -> md.getColumns(null, null, "loose", "%"));
        meta(c, "meta.columns-decimal", List.of("CREATE TABLE money(amount DECIMAL(10,2), rate DECIMAL(5, 3))"),
                md -> md.getColumns(null, null, "money", "%"));
        meta(c, "meta.columns-autoincrement", List.of(
                "CREATE TABLE counter(id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, v INT)",
                "CREATE TABLE keyed(id INTEGER NOT NULL PRIMARY KEY, v INT)"),
                md -> md.getColumns(null, null, "%", "%id%"));
        meta(c, "meta.columns-generated", List.of("CREATE TABLE gen(a INT, b INT GENERATED ALWAYS AS (a + 1) VIRTUAL, "
                + "c AS (a * 2) STORED, d TEXT AS (a || 'x'), e INT)"), md -> md.getColumns(null, null, "gen", "%"));
        meta(c, "meta.primary-keys-named", List.of("CREATE TABLE k(a INT, b INT, v, CONSTRAINT k_key PRIMARY KEY (b, a))"),
                md -> md.getPrimaryKeys(null, null, "k"));
        meta(c, "meta.primary-keys-column-constraint", List.of("CREATE TABLE k(id INTEGER CONSTRAINT k_key PRIMARY KEY)"),
                md -> md.getPrimaryKeys(null, null, "k"));
        meta(c, "meta.imported-keys-deferred", DEFERRED_KEYS, md -> md.getImportedKeys(null, null, "link"));
        meta(c, "meta.exported-keys-deferred-owner", DEFERRED_KEYS, md -> md.getExportedKeys(null, null, "owner"));
        meta(c, "meta.exported-keys-deferred-pairs", DEFERRED_KEYS, md -> md.getExportedKeys(null, null, "pairs"));
        meta(c, "meta.imported-keys-column-constraint", List.of("CREATE TABLE p(id INTEGER PRIMARY KEY)",
                "CREATE TABLE c(pid INT CONSTRAINT c_p REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED)"),
                md -> md.getImportedKeys(null, null, "c"));
        c.add("meta.null-ordering", List.of(), (conn, t) -> {
            DatabaseMetaData md = conn.getMetaData();
            t.step("nullsAreSortedLow", md::nullsAreSortedLow);
            t.step("nullsAreSortedHigh", md::nullsAreSortedHigh);
            t.step("nullsAreSortedAtStart", md::nullsAreSortedAtStart);
            t.step("nullsAreSortedAtEnd", md::nullsAreSortedAtEnd);
        });
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
        meta(c, id, SCHEMA, call);
    }

    private static void meta(Corpus c, String id, List<String> setup, Call call) {
        c.add(id, setup, (conn, t) -> t.step(id, () -> call.call(conn.getMetaData())));
    }
}
