package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.run;
import static io.cinch.Projects.url;
import static io.cinch.Projects.value;
import static io.cinch.jdbc.Check.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dates and times: cinch's ISO-8601 text by default, sqlite-jdbc's {@code date_class}, {@code date_precision} and
 * {@code date_string_format} when given (as URL keys or Properties), the Calendar argument, and every stored format
 * read back (issue 8).
 */
class DatesTest {

    private static final Timestamp STAMP = Timestamp.valueOf("2024-03-04 05:06:07.891");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path dir;

    /** A cinch tenant URL of a fresh project, with the given keys. */
    private String tenantUrl(String keys) throws SQLException {
        try (Connection c = open(dir.resolve("project"))) {
            run(c, "CALL cinch.create_tenant('acme')");
        }
        return url(dir.resolve("project"), "tenant=acme") + (keys.isEmpty() ? "" : "&" + keys);
    }

    /** What a row written with every date setter holds, and what every getter reads from it. */
    private static List<String> roundTrip(Connection c) throws SQLException {
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone(TOKYO));
        run(c, "CREATE TABLE d(n INTEGER PRIMARY KEY, v)");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO d(v) VALUES (?)")) {
            ps.setTimestamp(1, STAMP);
            ps.executeUpdate();
            ps.setTimestamp(1, STAMP, tokyo);
            ps.executeUpdate();
            ps.setDate(1, Date.valueOf("2024-03-04"), tokyo);
            ps.executeUpdate();
            ps.setTime(1, Time.valueOf("05:06:07"));
            ps.executeUpdate();
            ps.setObject(1, new java.util.Date(STAMP.getTime()));
            ps.executeUpdate();
        }
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT v, typeof(v) FROM d ORDER BY n")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " | " + rs.getTimestamp(1) + " | "
                        + rs.getTimestamp(1, tokyo) + " | " + rs.getDate(1, tokyo) + " | " + rs.getTime(1, tokyo));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"date_class=INTEGER", "date_class=REAL", "date_class=TEXT",
        "date_class=INTEGER&date_precision=SECONDS", "date_class=TEXT&date_string_format=yyyyMMddHHmmssSSS",
        "date_string_format=yyyyMMdd", "date_precision=SECONDS"})
    void urlKeysStoreAndReadAsOnSqliteJdbc(String keys) throws SQLException {
        List<String> plain;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("plain.db") + "?" + keys)) {
            plain = roundTrip(c);
        }
        try (Connection c = DriverManager.getConnection(tenantUrl(keys))) {
            assertEquals(plain, roundTrip(c));
        }
    }

    @Test
    void propertiesStoreAndReadAsOnSqliteJdbc() throws SQLException {
        Properties settings = new Properties();
        settings.setProperty("date_class", "REAL");
        settings.setProperty("date_precision", "SECONDS");
        List<String> plain;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("plain.db"), settings)) {
            plain = roundTrip(c);
        }
        try (Connection c = DriverManager.getConnection(tenantUrl(""), settings)) {
            assertEquals(plain, roundTrip(c));
        }
    }

    @Test
    void theTextDefaultWritesAndReadsInTheCalendarsZone() throws SQLException {
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone(TOKYO));
        try (Connection c = DriverManager.getConnection(tenantUrl(""))) {
            run(c, "CREATE TABLE d(n INTEGER PRIMARY KEY, v)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO d(v) VALUES (?)")) {
                ps.setTimestamp(1, STAMP, tokyo);
                ps.executeUpdate();
                ps.setDate(1, new Date(Instant.parse("2024-03-04T20:00:00Z").toEpochMilli()), tokyo);
                ps.executeUpdate();
                ps.setTime(1, new Time(Instant.parse("1970-01-01T20:30:00Z").toEpochMilli()), tokyo);
                ps.executeUpdate();
            }
            String tokyoText = STAMP.toInstant().atZone(TOKYO).toLocalDateTime().toString().replace('T', ' ');
            assertEquals(tokyoText + "|2024-03-05|05:30:00", value(c,
                    "SELECT group_concat(v, '|') FROM (SELECT v FROM d ORDER BY n)"));
            try (ResultSet rs = c.createStatement().executeQuery("SELECT v FROM d ORDER BY n")) {
                rs.next();
                assertEquals(STAMP, rs.getTimestamp(1, tokyo));
                assertEquals(Timestamp.valueOf(tokyoText), rs.getTimestamp(1));
                rs.next();
                assertEquals(LocalDate.of(2024, 3, 5).atStartOfDay(TOKYO).toInstant().toEpochMilli(),
                        rs.getDate(1, tokyo).getTime());
                rs.next();
                assertEquals(LocalTime.of(5, 30), Instant.ofEpochMilli(rs.getTime(1, tokyo).getTime()).atZone(TOKYO)
                        .toLocalTime());
            }
        }
    }

    @Test
    void gettersReadEveryFormatEitherDriverWrites() throws SQLException {
        try (Connection c = DriverManager.getConnection(tenantUrl("date_class=TEXT&date_string_format=yyyyMMddHHmm"))) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT '202403040506', '2024-03-04 05:06:07.891', "
                    + "'2024-03-04', 1709528767891, 2460373.7125913311, ''")) {
                rs.next();
                assertEquals(Timestamp.valueOf("2024-03-04 05:06:00"), rs.getTimestamp(1));
                assertEquals(STAMP, rs.getTimestamp(2));
                assertEquals(Date.valueOf("2024-03-04"), rs.getDate(3));
                assertEquals(STAMP.getTime(), rs.getLong(2));
                assertEquals(Timestamp.valueOf("2024-03-04 05:06:07.891").getTime(), rs.getTimestamp(4).getTime());
                assertEquals(Date.valueOf("2024-03-04").getTime() / 86_400_000,
                        rs.getTimestamp(5).getTime() / 86_400_000);
                assertNull(rs.getDate(6));
                assertNull(rs.getTimestamp(6, Calendar.getInstance()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"date_class", "date_precision", "date_string_format"})
    void crossTenantConnectionsTakeTheDateSettingsAsUrlKeysAndProperties(String key) throws SQLException {
        tenantUrl("");
        String value = key.equals("date_class") ? "INTEGER" : key.equals("date_precision") ? "SECONDS" : "yyyy";
        try (Connection c = DriverManager.getConnection(url(dir.resolve("project"), "tenant=*", key + "=" + value))) {
            assertEquals("1", value(c, "SELECT 1"));
        }
        Properties settings = new Properties();
        settings.setProperty(key, value);
        try (Connection c = DriverManager.getConnection(url(dir.resolve("project"), "tenant=*"), settings)) {
            assertEquals("1", value(c, "SELECT 1"));
        }
        if (!key.equals("date_string_format")) {
            fails("22023", () -> DriverManager.getConnection(url(dir.resolve("project"), "tenant=*", key + "=BOGUS")));
        }
    }

    @Test
    void crossTenantQueriesReadTheTextDefault() throws SQLException {
        Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone(TOKYO));
        try (Connection c = DriverManager.getConnection(tenantUrl(""))) {
            run(c, "CREATE TABLE d(n INTEGER PRIMARY KEY, v TEXT)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO d(v) VALUES (?)")) {
                ps.setTimestamp(1, STAMP);
                ps.executeUpdate();
                ps.setTimestamp(1, Timestamp.valueOf("2024-03-06 00:00:00"));
                ps.executeUpdate();
            }
        }
        try (Connection all = DriverManager.getConnection(url(dir.resolve("project"), "tenant=*"));
                PreparedStatement ps = all.prepareStatement("SELECT v FROM d WHERE v < ? ORDER BY v")) {
            ps.setString(1, "2024-03-05");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(STAMP, rs.getTimestamp(1));
                assertEquals(STAMP.toInstant().atZone(ZoneId.systemDefault()).toLocalDateTime(),
                        rs.getTimestamp(1, tokyo).toInstant().atZone(TOKYO).toLocalDateTime());
                assertEquals(false, rs.next());
            }
        }
    }
}
