package io.cinch.jdbc.differential;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every getter of {@code ResultSet} on each kind of stored value. */
final class GetterCases {

    /** A getter applied to column 1. */
    @FunctionalInterface
    private interface Getter {
        Object get(ResultSet rs) throws Exception;
    }

    private GetterCases() {
    }

    static void addTo(Corpus c) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("int", "42");
        values.put("negative", "-7");
        values.put("real", "2.75");
        values.put("text-number", "'12'");
        values.put("text", "'hello'");
        values.put("empty", "''");
        values.put("null", "NULL");
        values.put("blob", "x'414243'");
        values.put("bool-text", "'true'");
        values.put("big", "9223372036854775807");
        Map<String, Getter> getters = new LinkedHashMap<>();
        getters.put("getString", rs -> rs.getString(1));
        getters.put("getInt", rs -> rs.getInt(1));
        getters.put("getLong", rs -> rs.getLong(1));
        getters.put("getDouble", rs -> rs.getDouble(1));
        getters.put("getFloat", rs -> rs.getFloat(1));
        getters.put("getBoolean", rs -> rs.getBoolean(1));
        getters.put("getBigDecimal", rs -> rs.getBigDecimal(1));
        getters.put("getBytes", rs -> rs.getBytes(1));
        getters.put("getShort", rs -> rs.getShort(1));
        getters.put("getObject-Long", rs -> rs.getObject(1, Long.class));
        getters.put("getObject-String", rs -> rs.getObject(1, String.class));
        getters.put("getObject-BigDecimal", rs -> rs.getObject(1, BigDecimal.class));
        for (var v : values.entrySet()) {
            for (var g : getters.entrySet()) {
                String sql = "SELECT " + v.getValue();
                c.add("get." + v.getKey() + "." + g.getKey(), List.of(), (conn, t) -> {
                    ResultSet rs = conn.createStatement().executeQuery(sql);
                    rs.next();
                    t.step(g.getKey() + " of " + v.getValue(), () -> g.getValue().get(rs));
                    t.step("wasNull", rs::wasNull);
                });
            }
        }
        Map<String, Getter> typed = new LinkedHashMap<>();
        typed.put("getObject-Integer", rs -> rs.getObject(1, Integer.class));
        typed.put("getObject-Double", rs -> rs.getObject(1, Double.class));
        typed.put("getObject-Boolean", rs -> rs.getObject(1, Boolean.class));
        typed.put("getObject-bytes", rs -> rs.getObject(1, byte[].class));
        typed.put("getObject-LocalDate", rs -> rs.getObject(1, LocalDate.class));
        typed.put("getObject-LocalDateTime", rs -> rs.getObject(1, LocalDateTime.class));
        for (var g : typed.entrySet()) {
            for (String column : List.of("id", "name", "score", "born", "seen", "flag")) {
                String sql = "SELECT " + column + " FROM t ORDER BY id";
                c.add("get.column-" + column + "." + g.getKey(), Corpus.TABLE, (conn, t) -> {
                    ResultSet rs = conn.createStatement().executeQuery(sql);
                    rs.next();
                    t.step(g.getKey() + " of " + column, () -> g.getValue().get(rs));
                });
            }
        }
        c.add("get.by-label", Corpus.TABLE, (conn, t) -> {
            ResultSet rs = conn.createStatement().executeQuery("SELECT id AS k, name FROM t ORDER BY id");
            rs.next();
            t.step("getInt k", () -> rs.getInt("k"));
            t.step("getString NAME", () -> rs.getString("NAME"));
            t.step("getString missing", () -> rs.getString("missing"));
        });
        c.add("get.column-out-of-range", Corpus.TABLE, (conn, t) -> {
            ResultSet rs = conn.createStatement().executeQuery("SELECT id FROM t");
            rs.next();
            t.step("getInt 2", () -> rs.getInt(2));
            t.step("getInt 0", () -> rs.getInt(0));
        });
        c.add("get.before-next", Corpus.TABLE, (conn, t) -> {
            ResultSet rs = conn.createStatement().executeQuery("SELECT id FROM t");
            t.step("getInt before next", () -> rs.getInt(1));
        });
    }
}
