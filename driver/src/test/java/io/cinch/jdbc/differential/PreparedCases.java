package io.cinch.jdbc.differential;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prepared statements: each setter into each kind of column, parameter and result metadata, reuse. */
final class PreparedCases {

    /** A setter applied to parameter 1. */
    @FunctionalInterface
    private interface Setter {
        void set(PreparedStatement ps) throws Exception;
    }

    private PreparedCases() {
    }

    static void addTo(Corpus c) {
        Map<String, Setter> setters = new LinkedHashMap<>();
        setters.put("setInt", ps -> ps.setInt(1, 42));
        setters.put("setLong", ps -> ps.setLong(1, 1L << 40));
        setters.put("setDouble", ps -> ps.setDouble(1, 2.5));
        setters.put("setFloat", ps -> ps.setFloat(1, 0.1f));
        setters.put("setString", ps -> ps.setString(1, "héllo"));
        setters.put("setString-number", ps -> ps.setString(1, "12"));
        setters.put("setBoolean", ps -> ps.setBoolean(1, true));
        setters.put("setBytes", ps -> ps.setBytes(1, new byte[] {1, 2, 3}));
        setters.put("setNull", ps -> ps.setNull(1, Types.INTEGER));
        setters.put("setBigDecimal", ps -> ps.setBigDecimal(1, new BigDecimal("12.50")));
        setters.put("setShort", ps -> ps.setShort(1, (short) 7));
        setters.put("setByte", ps -> ps.setByte(1, (byte) 8));
        setters.put("setObject-Integer", ps -> ps.setObject(1, 5));
        setters.put("setObject-String", ps -> ps.setObject(1, "s"));
        setters.put("setObject-null", ps -> ps.setObject(1, null));
        setters.put("setObject-typed", ps -> ps.setObject(1, "3", Types.INTEGER));
        for (String column : List.of("i INTEGER", "s TEXT", "r REAL", "n NUMERIC", "u")) {
            for (var s : setters.entrySet()) {
                String name = column.split(" ")[0];
                String table = "CREATE TABLE p(" + column + ")";
                c.add("prepared." + s.getKey() + ".into-" + name, List.of(table), (conn, t) -> {
                    PreparedStatement ps = conn.prepareStatement("INSERT INTO p VALUES (?)");
                    t.step(s.getKey(), () -> {
                        s.getValue().set(ps);
                        return ps.executeUpdate();
                    });
                    t.step("read", () -> conn.createStatement().executeQuery("SELECT " + name + ", typeof(" + name + ") FROM p"));
                });
            }
        }
        List<String> kv = List.of("CREATE TABLE kv(k TEXT PRIMARY KEY, v INTEGER)", "INSERT INTO kv VALUES ('a', 1), ('b', 2)");
        c.add("prepared.query-reused", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("SELECT v FROM kv WHERE k = ?");
            for (String k : List.of("a", "b", "z")) {
                t.step("k=" + k, () -> {
                    ps.setString(1, k);
                    return ps.executeQuery();
                });
            }
        });
        c.add("prepared.parameter-metadata", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("SELECT v FROM kv WHERE k = ? AND v > ?");
            t.step("count", () -> ps.getParameterMetaData().getParameterCount());
            t.step("mode", () -> ps.getParameterMetaData().getParameterMode(1));
            t.step("nullable", () -> ps.getParameterMetaData().isNullable(1));
        });
        c.add("prepared.parameter-type-after-setLong", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("SELECT v FROM kv WHERE v > ?");
            ps.setLong(1, 1);
            t.step("getParameterType", () -> ps.getParameterMetaData().getParameterType(1));
            t.step("getParameterTypeName", () -> ps.getParameterMetaData().getParameterTypeName(1));
            t.step("getParameterClassName", () -> ps.getParameterMetaData().getParameterClassName(1));
        });
        c.add("prepared.parameter-type-after-setString", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("SELECT v FROM kv WHERE k = ?");
            ps.setString(1, "a");
            t.step("getParameterType", () -> ps.getParameterMetaData().getParameterType(1));
            t.step("getParameterTypeName", () -> ps.getParameterMetaData().getParameterTypeName(1));
        });
        c.add("prepared.metadata-before-execute", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("SELECT k, v FROM kv");
            t.step("column count", () -> ps.getMetaData().getColumnCount());
            t.step("column 2", () -> ps.getMetaData().getColumnName(2));
        });
        c.add("prepared.metadata-after-same-text-ran", kv, (conn, t) -> {
            String sql = "SELECT k, v FROM kv WHERE v > ?";
            PreparedStatement first = conn.prepareStatement(sql);
            first.setInt(1, 0);
            t.step("first", first::executeQuery);
            PreparedStatement second = conn.prepareStatement(sql);
            t.step("second metadata", () -> second.getMetaData().getColumnCount() + " " + second.getMetaData().getColumnLabel(1));
            t.step("first metadata", () -> first.getMetaData().getColumnCount());
        });
        c.add("prepared.metadata-after-execute", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("SELECT k FROM kv");
            t.step("execute", ps::executeQuery);
            t.step("metadata", () -> ps.getMetaData().getColumnName(1));
        });
        c.add("prepared.metadata-of-insert", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("INSERT INTO kv VALUES (?, ?)");
            t.step("metadata", () -> ps.getMetaData() == null ? "null" : ps.getMetaData().getColumnCount());
            t.step("parameters", () -> ps.getParameterMetaData().getParameterCount());
        });
        c.add("prepared.missing-table", List.of(), (conn, t) -> {
            t.step("prepare", () -> conn.prepareStatement("SELECT * FROM nothing") != null);
        });
        c.add("prepared.missing-column", kv, (conn, t) -> {
            t.step("prepare", () -> conn.prepareStatement("SELECT nothing FROM kv") != null);
        });
        c.add("prepared.syntax-error", kv, (conn, t) -> {
            t.step("prepare", () -> conn.prepareStatement("SELEC 1") != null);
        });
        c.add("prepared.unset-parameter", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("SELECT v FROM kv WHERE k = ?");
            t.step("execute", ps::executeQuery);
        });
        c.add("prepared.index-too-high", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("SELECT v FROM kv WHERE k = ?");
            t.step("set 2", () -> {
                ps.setString(2, "a");
                return ps.executeQuery();
            });
        });
        c.add("prepared.clear-parameters", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("SELECT v FROM kv WHERE k = ?");
            ps.setString(1, "a");
            ps.clearParameters();
            t.step("execute", ps::executeQuery);
        });
        c.add("prepared.named-parameters", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("SELECT v FROM kv WHERE k = :k OR k = ?2");
            ps.setString(1, "a");
            ps.setString(2, "b");
            t.step("execute", ps::executeQuery);
        });
        c.add("prepared.update-count", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("UPDATE kv SET v = ? WHERE v >= ?");
            ps.setInt(1, 0);
            ps.setInt(2, 1);
            t.step("executeUpdate", ps::executeUpdate);
            t.step("execute again", ps::execute);
            t.step("getUpdateCount", ps::getUpdateCount);
        });
        c.add("prepared.execute-query-on-update", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("DELETE FROM kv");
            t.step("executeQuery", ps::executeQuery);
        });
        c.add("prepared.execute-update-on-query", kv, (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("SELECT * FROM kv");
            t.step("executeUpdate", ps::executeUpdate);
        });
        c.add("prepared.ddl", List.of(), (conn, t) -> {
            PreparedStatement ps = conn.prepareStatement("CREATE TABLE z(a)");
            t.step("executeUpdate", ps::executeUpdate);
            t.step("tables", () -> conn.createStatement().executeQuery("SELECT name FROM sqlite_master"));
        });
    }
}
