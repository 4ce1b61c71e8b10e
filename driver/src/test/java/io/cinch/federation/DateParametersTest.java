package io.cinch.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.cinch.Projects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Date, time and timestamp parameters of a {@code tenant=*} prepared query compare with what a tenant connection of
 * the same URL stores (cinch's ISO-8601 text, or sqlite-jdbc's forms under its date settings) as the same query does
 * on each tenant connection, and {@code tenant=*} reads the stored dates back as a tenant connection does.
 */
class DateParametersTest {

    @TempDir
    Path dir;

    private static final Timestamp NOON = Timestamp.valueOf("2024-03-04 12:00:00");

    @Test
    void withCinchsTextDatesParametersSelectWhatTheyDoOnEachTenant() throws SQLException {
        compare(project());
    }

    @ParameterizedTest
    @ValueSource(strings = {"date_class=INTEGER", "date_class=INTEGER&date_precision=SECONDS", "date_class=REAL",
            "date_class=TEXT&date_string_format=yyyy/MM/dd HH:mm:ss", "date_class=TEXT&date_string_format=yyyyMMddHHmmss"})
    void withSqliteJdbcsDateSettingsParametersAndGettersBehaveAsOnEachTenant(String settings) throws SQLException {
        compare(project(settings.split("&")));
    }

    /** A project with tenants acme and globex, each with three events written through a URL with {@code settings}. */
    private Path project(String... settings) throws SQLException {
        Path p = dir.resolve("p");
        try (Connection main = Projects.open(p)) {
            Projects.run(main, "CREATE TABLE events(id INTEGER PRIMARY KEY, at TEXT, seen DATETIME, day DATE, clock TIME)",
                    "CALL cinch.create_tenant('acme')", "CALL cinch.create_tenant('globex')");
        }
        int hour = 9;
        for (String tenant : List.of("acme", "globex")) {
            try (Connection c = Projects.open(p, with(settings, "tenant=" + tenant));
                 PreparedStatement ps = c.prepareStatement("INSERT INTO events(at, seen, day, clock) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < 3; i++, hour += 2) {
                    Timestamp at = Timestamp.valueOf("2024-03-0" + (3 + i) + " " + String.format("%02d", hour) + ":30:00.250");
                    ps.setTimestamp(1, at);
                    ps.setTimestamp(2, at);
                    ps.setDate(3, new Date(at.getTime()));
                    ps.setTime(4, new Time(at.getTime()));
                    ps.executeUpdate();
                }
            }
        }
        this.settings = settings;
        return p;
    }

    private String[] settings;

    private void compare(Path p) throws SQLException {
        for (String column : List.of("at", "seen")) {
            check(p, "SELECT id FROM events WHERE " + column + " < ?", ps -> ps.setTimestamp(1, NOON));
            check(p, "SELECT id FROM events WHERE " + column + " >= ?", ps -> ps.setTimestamp(1, NOON));
            check(p, "SELECT id FROM events WHERE " + column + " < ?", ps -> ps.setObject(1, NOON));
            check(p, "SELECT id FROM events WHERE " + column + " < ?",
                    ps -> ps.setTimestamp(1, NOON, Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"))));
        }
        check(p, "SELECT id FROM events WHERE day <= ?", ps -> ps.setDate(1, Date.valueOf("2024-03-04")));
        // SQLite compares in each tenant: a stored number against a number with fewer digits (a time of day) as numbers
        check(p, "SELECT id FROM events WHERE clock > ?", ps -> ps.setTime(1, Time.valueOf("12:00:00")));
        check(p, "SELECT id FROM events WHERE seen > ?", ps -> ps.setTime(1, Time.valueOf("12:00:00")));
        String read = "SELECT id, at, seen, day, clock FROM events";
        check(p, read, ps -> { });
    }

    /** Sets a prepared statement's parameters. */
    private interface Parameters {
        void set(PreparedStatement ps) throws SQLException;
    }

    /**
     * The rows each tenant connection selects, tagged by tenant, equal the rows {@code tenant=*} selects, each column
     * after the first read by getString, getTimestamp, getDate and getTime.
     */
    private void check(Path p, String sql, Parameters parameters) throws SQLException {
        List<String> expected = new ArrayList<>();
        for (String tenant : List.of("acme", "globex")) {
            try (Connection c = Projects.open(p, with(settings, "tenant=" + tenant));
                 PreparedStatement ps = c.prepareStatement(sql)) {
                parameters.set(ps);
                for (String row : rows(ps)) {
                    expected.add(tenant + ":" + row);
                }
            }
        }
        List<String> actual = new ArrayList<>();
        try (Connection all = Projects.open(p, with(settings, "tenant=*"));
             PreparedStatement ps = all.prepareStatement("SELECT _tenant || ':' || id, * FROM ("
                     + sql.replace("SELECT id", "SELECT _tenant, id") + ") ORDER BY 1")) {
            parameters.set(ps);
            actual.addAll(rows(ps));
        }
        expected.sort(null);
        assertFalse(expected.isEmpty(), sql + " selects nothing on the tenants: the test would prove nothing");
        assertEquals(expected, actual.stream().map(r -> r.replaceFirst("^([a-z]+:[0-9]+)\\|[a-z]+\\|[0-9]+", "$1"))
                .toList(), sql + " " + List.of(settings));
    }

    private static String[] with(String[] settings, String key) {
        List<String> out = new ArrayList<>(List.of(settings));
        out.add(key);
        return out.toArray(String[]::new);
    }

    /**
     * Each row: its first column, then every other as text and, for a date column, as timestamp, date and time (for
     * the TEXT column {@code at} only with text dates: sqlite-jdbc reads no number stored as text; and not with a
     * format of digits only, whose text in a TEXT column tenant=* reads as the number it looks like, a known gap).
     */
    private List<String> rows(PreparedStatement ps) throws SQLException {
        boolean text = settings.length == 0 || settings[0].equals("date_class=TEXT") && !settings[1].matches(".*=[yMdHms]+");
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder(rs.getString(1));
                for (int i = 2; i <= n; i++) {
                    row.append('|').append(rs.getString(i));
                    String label = rs.getMetaData().getColumnLabel(i);
                    if (label.matches("seen|day|clock") || label.equals("at") && text) {
                        row.append('/').append(rs.getTimestamp(i)).append('/').append(rs.getDate(i)).append('/')
                                .append(rs.getTime(i));
                    }
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
