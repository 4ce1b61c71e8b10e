package io.cinch.jdbc.differential;

import java.util.List;

/** Queries through plain statements: values, their classes and the result's column types. */
final class QueryCases {

    private QueryCases() {
    }

    static void addTo(Corpus c) {
        String[] expressions = {
            "1", "-1", "1.5", "'text'", "NULL", "x'00ff'", "1 + 1", "7 / 2", "7 / 2.0", "7 % 3",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "2147483648", "1e3", "0.1 + 0.2",
            "'a' || 'b'", "length('hello')", "upper('abc')", "lower('ABC')", "substr('hello', 2, 3)", "trim('  x ')",
            "replace('abc', 'b', 'x')", "instr('hello', 'l')", "abs(-4)", "round(2.567, 2)", "max(1, 2, 3)",
            "min('a', 'b')", "coalesce(NULL, 2)", "ifnull(NULL, 'd')", "nullif(1, 1)", "iif(1, 'y', 'n')",
            "typeof(1)", "typeof(1.0)", "typeof('x')", "typeof(NULL)", "typeof(x'01')", "hex('ab')", "quote('it''s')",
            "printf('%05d', 42)", "1 = 1", "1 < 2", "'a' LIKE 'A'", "'a' GLOB 'A'", "1 BETWEEN 0 AND 2",
            "CASE WHEN 1 THEN 'one' END", "CAST('12' AS INTEGER)", "CAST(12 AS TEXT)", "CAST('1.5' AS REAL)",
            "CAST(x'41' AS TEXT)", "date('2024-01-31', '+1 month')", "datetime('2024-01-02 03:04:05')",
            "strftime('%s', '2024-01-02')", "julianday('2024-01-02')", "time('10:11:12')", "unixepoch('2024-01-02')",
            "zeroblob(2)", "length(randomblob(0))", "char(65, 66)", "unicode('A')", "json_array(1, 'a')",
            "json_extract('{\"a\": 3}', '$.a')", "sqlite_version() IS NOT NULL", "changes()", "total_changes() >= 0",
            "last_insert_rowid()", "group_concat(x) FROM (SELECT 1 AS x UNION ALL SELECT 2)",
            "count(*) FROM (SELECT 1 UNION ALL SELECT 2)", "1 AS a, 2 AS a", "'é'", "''",
        };
        for (int i = 0; i < expressions.length; i++) {
            c.query("query.expr-" + (i + 1), List.of(), "SELECT " + expressions[i]);
        }
        String[] tableQueries = {
            "SELECT * FROM t ORDER BY id",
            "SELECT id, name FROM t WHERE id = 2",
            "SELECT count(*), sum(score), avg(n), max(name) FROM t",
            "SELECT flag, born, seen, code, price, other FROM t",
            "SELECT name AS label, id + 1 AS next FROM t",
            "SELECT t.name, u.name FROM t JOIN t AS u ON u.id = t.id + 1",
            "SELECT * FROM t WHERE 0",
            "SELECT name FROM t UNION ALL SELECT 'c' ORDER BY 1",
            "WITH w AS (SELECT id * 10 AS v FROM t) SELECT v FROM w",
            "SELECT rowid, oid, _rowid_ FROM t",
            "SELECT id FROM t LIMIT 1 OFFSET 1",
            "SELECT DISTINCT typeof(n) FROM t ORDER BY 1",
            "VALUES (1, 'a'), (2, 'b')",
            "SELECT * FROM (SELECT name FROM t) AS sub",
            "SELECT name FROM t WHERE name IN (SELECT name FROM t WHERE id = 1)",
            "SELECT row_number() OVER (ORDER BY id DESC) AS r, id FROM t",
            "SELECT name, id FROM t GROUP BY name HAVING count(*) = 1 ORDER BY name",
            "SELECT * FROM sqlite_master WHERE name = 't'",
            "PRAGMA table_info(t)",
            "PRAGMA index_list(t)",
            "SELECT name FROM pragma_table_info('t') ORDER BY cid",
            "EXPLAIN QUERY PLAN SELECT * FROM t WHERE id = 1",
            "SELECT * FROM t WHERE name = 'nobody'",
            "SELECT price * 2 FROM t WHERE id = 1",
            "SELECT data FROM t WHERE data IS NOT NULL",
        };
        for (int i = 0; i < tableQueries.length; i++) {
            c.query("query.table-" + (i + 1), Corpus.TABLE, tableQueries[i]);
        }
        c.execute("query.execute-select", Corpus.TABLE, "SELECT name FROM t ORDER BY id");
        c.execute("query.execute-pragma", Corpus.TABLE, "PRAGMA foreign_keys");
        c.add("query.max-rows", Corpus.TABLE, (conn, t) -> t.step("maxRows 1", () -> {
            var s = conn.createStatement();
            s.setMaxRows(1);
            return s.executeQuery("SELECT id FROM t ORDER BY id");
        }));
        c.add("query.result-set-api", Corpus.TABLE, (conn, t) -> {
            var rs = conn.createStatement().executeQuery("SELECT id, name FROM t ORDER BY id");
            t.step("isBeforeFirst", rs::isBeforeFirst);
            t.step("next", rs::next);
            t.step("getRow", rs::getRow);
            t.step("isFirst", rs::isFirst);
            t.step("findColumn NAME", () -> rs.findColumn("NAME"));
            t.step("wasNull after getString", () -> rs.getString(2) + " " + rs.wasNull());
            t.step("getType", rs::getType);
            t.step("getConcurrency", rs::getConcurrency);
            t.step("getFetchDirection", rs::getFetchDirection);
            t.step("next", rs::next);
            t.step("next", rs::next);
            t.step("isAfterLast", rs::isAfterLast);
            t.step("close, isClosed", () -> {
                rs.close();
                return rs.isClosed();
            });
        });
        c.add("query.metadata-columns", Corpus.TABLE, (conn, t) -> {
            var md = conn.createStatement().executeQuery("SELECT id, name, score, price, code, other, 1 + 1 AS e FROM t")
                    .getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                int col = i;
                t.step("column " + i, () -> md.getColumnName(col) + " " + md.getColumnLabel(col) + " "
                        + md.getColumnType(col) + " " + md.getColumnTypeName(col) + " " + md.getTableName(col) + " "
                        + md.isNullable(col) + " " + md.isAutoIncrement(col) + " " + md.getColumnClassName(col));
            }
        });
        c.add("query.metadata-precision", Corpus.TABLE, (conn, t) -> {
            var md = conn.createStatement().executeQuery("SELECT id, name, price, code FROM t").getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                int col = i;
                t.step("column " + i, () -> md.getPrecision(col) + " " + md.getScale(col) + " "
                        + md.getColumnDisplaySize(col) + " " + md.isSigned(col) + " " + md.isCaseSensitive(col));
            }
        });
    }
}
