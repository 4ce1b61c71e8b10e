package io.cinch.jdbc.differential;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/** Dates and times: what each setter stores under sqlite-jdbc's date settings, and what each getter reads. */
final class DateCases {

    /** A setter of parameter 1. */
    @FunctionalInterface
    private interface Setter {
        void set(PreparedStatement ps) throws Exception;
    }

    private static final Timestamp STAMP = Timestamp.valueOf("2024-03-04 05:06:07.891");

    private DateCases() {
    }

    static void addTo(Corpus c) {
        Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
        Map<String, Setter> setters = new LinkedHashMap<>();
        setters.put("setDate", ps -> ps.setDate(1, Date.valueOf("2024-03-04")));
        setters.put("setTimestamp", ps -> ps.setTimestamp(1, STAMP));
        setters.put("setTime", ps -> ps.setTime(1, Time.valueOf("05:06:07")));
        setters.put("setDate-calendar", ps -> ps.setDate(1, Date.valueOf("2024-03-04"), tokyo));
        setters.put("setTimestamp-calendar", ps -> ps.setTimestamp(1, STAMP, utc));
        setters.put("setTimestamp-tokyo", ps -> ps.setTimestamp(1, STAMP, tokyo));
        setters.put("setTime-calendar", ps -> ps.setTime(1, Time.valueOf("05:06:07"), tokyo));
        setters.put("setObject-Timestamp", ps -> ps.setObject(1, STAMP));
        setters.put("setObject-Date", ps -> ps.setObject(1, Date.valueOf("2024-03-04")));
        setters.put("setObject-utilDate", ps -> ps.setObject(1, new java.util.Date(STAMP.getTime())));
        setters.put("setObject-typed", ps -> ps.setObject(1, STAMP, java.sql.Types.TIMESTAMP));
        setters.put("setNull-Timestamp", ps -> ps.setTimestamp(1, null, tokyo));
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        settings.put("text", Map.of("date_class", "TEXT"));
        settings.put("integer", Map.of("date_class", "INTEGER"));
        settings.put("real", Map.of("date_class", "REAL"));
        settings.put("seconds", Map.of("date_class", "INTEGER", "date_precision", "SECONDS"));
        settings.put("format", Map.of("date_class", "TEXT", "date_string_format", "yyyy/MM/dd HH:mm"));
        settings.put("format-millis", Map.of("date_class", "text", "date_string_format", "dd.MM.yyyy HH:mm:ss.SSS Z"));
        settings.put("format-only", Map.of("date_string_format", "yyyy/MM/dd HH:mm"));
        settings.put("precision-only", Map.of("date_precision", "SECONDS"));
        settings.put("real-seconds", Map.of("date_class", "REAL", "date_precision", "SECONDS"));
        settings.put("text-seconds", Map.of("date_class", "TEXT", "date_precision", "SECONDS"));
        settings.put("default", Map.of());
        for (var setting : settings.entrySet()) {
            for (var s : setters.entrySet()) {
                c.add("date." + setting.getKey() + "." + s.getKey(), setting.getValue(), List.of("CREATE TABLE d(v)"),
                        (conn, t) -> {
                            PreparedStatement ps = conn.prepareStatement("INSERT INTO d VALUES (?)");
                            t.step(s.getKey(), () -> {
                                s.getValue().set(ps);
                                return ps.executeUpdate();
                            });
                            ResultSet rs = conn.createStatement().executeQuery("SELECT v, typeof(v) FROM d");
                            rs.next();
                            t.step("stored", () -> rs.getString(2));
                            t.step("getDate", () -> rs.getDate(1));
                            t.step("getTimestamp", () -> rs.getTimestamp(1));
                            t.step("getTimestamp-utc", () -> rs.getTimestamp(1, utc));
                            t.step("getTimestamp-tokyo", () -> rs.getTimestamp(1, tokyo));
                            t.step("getDate-tokyo", () -> rs.getDate(1, tokyo));
                            t.step("getTime", () -> rs.getTime(1));
                            t.step("getTime-tokyo", () -> rs.getTime(1, tokyo));
                        });
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("millis", "1709528767891");
        values.put("julian", "2460373.7125913311");
        values.put("text", "'2024-03-04 05:06:07.891'");
        values.put("format", "'2024/03/04 05:06'");
        values.put("empty", "''");
        for (String setting : List.of("integer", "real", "seconds", "format", "default")) {
            for (var v : values.entrySet()) {
                c.add("date.read-" + setting + "-" + v.getKey(), settings.get(setting), List.of(), (conn, t) -> {
                    ResultSet rs = conn.createStatement().executeQuery("SELECT " + v.getValue());
                    rs.next();
                    t.step("getDate", () -> rs.getDate(1));
                    t.step("getDate-tokyo", () -> rs.getDate(1, tokyo));
                    t.step("getTime-tokyo", () -> rs.getTime(1, tokyo));
                    t.step("getTimestamp", () -> rs.getTimestamp(1));
                    t.step("getTimestamp-tokyo", () -> rs.getTimestamp(1, tokyo));
                });
            }
        }
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("iso-date", "'2024-01-02'");
        stored.put("iso-seconds", "'2024-01-02 10:11:12'");
        stored.put("iso-millis", "'2024-01-02 10:11:12.345'");
        stored.put("iso-t", "'2024-01-02T10:11:12'");
        stored.put("epoch-millis", "1704190272345");
        stored.put("empty", "''");
        stored.put("null", "NULL");
        stored.put("now-text", "datetime('2024-05-06 07:08:09')");
        for (var v : stored.entrySet()) {
            for (String getter : List.of("getDate", "getTimestamp", "getLong", "getTime")) {
                c.add("date.read-" + v.getKey() + "." + getter, Map.of("date_class", "TEXT"), List.of(), (conn, t) -> {
                    ResultSet rs = conn.createStatement().executeQuery("SELECT " + v.getValue());
                    rs.next();
                    t.step(getter + " of " + v.getValue(), () -> switch (getter) {
                        case "getDate" -> rs.getDate(1);
                        case "getTimestamp" -> rs.getTimestamp(1);
                        case "getTime" -> rs.getTime(1);
                        default -> rs.getLong(1);
                    });
                });
            }
        }
    }
}
