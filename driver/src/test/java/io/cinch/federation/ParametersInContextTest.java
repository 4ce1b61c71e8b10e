package io.cinch.federation;

import io.cinch.Projects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code ?} where BI tools put one (COALESCE, ifnull, iif, CASE, NULLIF, {@code ||}, IN, BETWEEN, a bare select item,
 * LIMIT and OFFSET) on a {@code tenant=*} prepared statement gives the rows that the same query gives on every tenant's
 * file through plain sqlite-jdbc, unioned; {@code setObject} with a target type binds the value as sqlite-jdbc does.
 */
class ParametersInContextTest {
    @TempDir
    Path dir;
    TenantProject project;

    @BeforeEach
    void build() throws Exception {
        project = TenantProject.build(dir, 8);
    }

    /** Each tenant file's rows of {@code sql} through plain sqlite-jdbc, each tagged with its tenant, normalised. */
    private List<List<Object>> perTenantFile(String sql, TenantProject.Parameters parameters) throws SQLException {
        List<List<Object>> all = new ArrayList<>();
        for (Map.Entry<String, Path> file : project.files.entrySet()) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.getValue()); PreparedStatement ps = c.prepareStatement(sql)) {
                parameters.set(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    for (List<Object> row : Rows.read(rs)) {
                        List<Object> tagged = new ArrayList<>(row);
                        tagged.add(0, file.getKey());
                        all.add(tagged);
                    }
                }
            }
        }
        return all;
    }

    /** The rows of {@code SELECT _tenant, id, <rest>} on tenant=*, normalised. */
    private List<List<Object>> crossTenant(String rest, TenantProject.Parameters parameters) throws SQLException {
        try (Connection all = project.crossTenant(); PreparedStatement ps = all.prepareStatement("SELECT _tenant, id, " + rest)) {
            parameters.set(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return Rows.read(rs);
            }
        }
    }

    /** Null if {@code SELECT id, <rest>} gives on tenant=* the rows it gives on each tenant's file, else what differs. */
    private String mismatch(String rest, TenantProject.Parameters parameters) throws SQLException {
        List<List<Object>> expected = Rows.sorted(perTenantFile("SELECT id, " + rest, parameters));
        assertFalse(expected.isEmpty(), rest + ": the test would prove nothing");
        try {
            List<List<Object>> actual = Rows.sorted(crossTenant(rest, parameters));
            return expected.equals(actual) ? null : rest + ": " + actual.get(0) + " where each tenant gives " + expected.get(0);
        } catch (SQLException e) {
            return rest + ": " + e.getSQLState() + " " + e.getMessage();
        } catch (RuntimeException e) {
            return rest + ": " + e;
        }
    }

    /** Every case gives what each tenant's file gives; the failures are listed together. */
    private void assertSameAsEachTenantFile(Map<String, TenantProject.Parameters> cases) throws SQLException {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, TenantProject.Parameters> c : cases.entrySet()) {
            String failure = mismatch(c.getKey(), c.getValue());
            if (failure != null) {
                failures.add(failure);
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + cases.size() + " cases differ");
    }

    @Test
    void parametersInBiToolsPlacesGiveWhatEachTenantGives() throws SQLException {
        Map<String, TenantProject.Parameters> cases = new LinkedHashMap<>();
        cases.put("coalesce(?, points) FROM tasks", ps -> ps.setInt(1, -1));
        cases.put("coalesce(?, points) FROM tasks ", ps -> ps.setNull(1, Types.INTEGER));
        cases.put("coalesce(?, description, title) FROM tasks", ps -> ps.setNull(1, Types.VARCHAR));
        cases.put("coalesce(?, ?) FROM tasks", ps -> {
            ps.setNull(1, Types.VARCHAR);
            ps.setString(2, "neither");
        });
        cases.put("ifnull(?, points) FROM tasks", ps -> ps.setLong(1, -1));
        cases.put("ifnull(points, ?) FROM tasks", ps -> ps.setInt(1, 0));
        cases.put("ifnull(description, ?) FROM tasks", ps -> ps.setString(1, "none"));
        cases.put("iif(?, title, status) FROM tasks", ps -> ps.setInt(1, 1));
        cases.put("iif(?, title, status) FROM tasks ", ps -> ps.setString(1, "0"));
        cases.put("iif(points > ?, ?, ?) FROM tasks", ps -> {
            ps.setInt(1, 5);
            ps.setString(2, "big");
            ps.setString(3, "small");
        });
        cases.put("CASE WHEN ? THEN 'on' ELSE 'off' END FROM tasks", ps -> ps.setInt(1, 2));
        cases.put("CASE WHEN points > ? THEN ? ELSE ? END FROM tasks", ps -> {
            ps.setDouble(1, 4.5);
            ps.setString(2, "hi");
            ps.setString(3, "lo");
        });
        cases.put("NOT ? FROM tasks", ps -> ps.setInt(1, 0));
        cases.put("nullif(?, points) FROM tasks", ps -> ps.setInt(1, 3));
        cases.put("? || title FROM tasks", ps -> ps.setObject(1, 3.7, Types.INTEGER));
        cases.put("points IN (?, ?) FROM tasks", ps -> {
            ps.setString(1, "5");
            ps.setLong(2, 7);
        });
        cases.put("points BETWEEN ? AND ? FROM tasks", ps -> {
            ps.setString(1, "2");
            ps.setString(2, "6");
        });
        cases.put("estimate BETWEEN ? AND ? FROM tasks", ps -> {
            ps.setInt(1, 20);
            ps.setString(2, "60.5");
        });
        cases.put("? FROM tasks", ps -> ps.setInt(1, 5));
        cases.put("?, ? FROM tasks", ps -> {
            ps.setString(1, "x");
            ps.setDouble(2, 2.5);
        });
        cases.put("points FROM tasks WHERE ifnull(points, ?) > ?", ps -> {
            ps.setInt(1, 100);
            ps.setInt(2, 5);
        });
        cases.put("title FROM tasks WHERE coalesce(?, status) = 'open'", ps -> ps.setNull(1, Types.VARCHAR));
        assertSameAsEachTenantFile(cases);
    }

    @Test
    void limitAndOffsetTakeWholeNumbersOfAnyJavaType() throws SQLException {
        List<List<Object>> all = Rows.sorted(perTenantFile("SELECT id FROM tasks", ps -> { }));
        Map<String, TenantProject.Parameters> cases = new LinkedHashMap<>();
        cases.put("FROM tasks ORDER BY _tenant, id LIMIT ?|5|0", ps -> ps.setLong(1, 5L));
        cases.put("FROM tasks ORDER BY _tenant, id LIMIT ? |4|0", ps -> ps.setString(1, "4"));
        cases.put("FROM tasks ORDER BY _tenant, id LIMIT ? OFFSET ?|3|2", ps -> {
            ps.setObject(1, 3L);
            ps.setShort(2, (short) 2);
        });
        cases.put("FROM tasks ORDER BY _tenant, id LIMIT 6 OFFSET ?|6|7", ps -> ps.setObject(1, "7", Types.INTEGER));
        for (Map.Entry<String, TenantProject.Parameters> c : cases.entrySet()) {
            String[] parts = c.getKey().split("\\|");
            int limit = Integer.parseInt(parts[1]);
            int offset = Integer.parseInt(parts[2]);
            try (Connection tenant = Projects.open(dir, "tenant=t001"); PreparedStatement ps = tenant.prepareStatement(
                    "SELECT id " + parts[0].replace("_tenant, ", ""))) {
                c.getValue().set(ps);
                read(ps); // a tenant connection takes these values too
            }
            List<List<Object>> actual;
            try {
                actual = crossTenant(parts[0].replace("FROM", "1 FROM"), c.getValue());
            } catch (SQLException e) {
                throw new AssertionError(parts[0] + ": " + e.getSQLState() + " " + e.getMessage(), e);
            }
            List<List<Object>> expected = new ArrayList<>();
            for (List<Object> row : all.subList(offset, offset + limit)) {
                expected.add(List.of(row.get(0), row.get(1), 1L));
            }
            assertEquals(expected, actual, c.getKey());
        }
    }

    @Test
    void setObjectWithATargetTypeBindsTheValueAsSqliteJdbcDoes() throws SQLException {
        Map<String, TenantProject.Parameters> cases = new LinkedHashMap<>();
        cases.put("? FROM tasks", ps -> ps.setObject(1, "42", Types.INTEGER));
        cases.put("? FROM tasks ", ps -> ps.setObject(1, 3.7, Types.INTEGER));
        cases.put("?  FROM tasks", ps -> ps.setObject(1, "2024-01-01", Types.DATE));
        cases.put("typeof(?) FROM tasks", ps -> ps.setObject(1, "42", Types.INTEGER, 0));
        cases.put("title FROM tasks WHERE typeof(?) = 'real'", ps -> ps.setObject(1, 3.7, Types.INTEGER));
        cases.put("title FROM tasks WHERE ? = '2024-1-1'", ps -> ps.setObject(1, "2024-1-1", Types.DATE)); // not a java.sql.Date
        assertSameAsEachTenantFile(cases);
        for (Map.Entry<String, TenantProject.Parameters> c : cases.entrySet()) {
            try (Connection tenant = Projects.open(dir, "tenant=t001"); PreparedStatement ps = tenant.prepareStatement("SELECT id, " + c.getKey())) {
                c.getValue().set(ps);
                assertEquals(Rows.sorted(perTenantFile("SELECT id, " + c.getKey(), c.getValue()).stream()
                        .filter(r -> r.get(0).equals("t001")).map(r -> r.subList(1, r.size())).toList()), Rows.sorted(read(ps)),
                        "a tenant connection binds as sqlite-jdbc: " + c.getKey());
            }
        }
    }

    /**
     * Documented in docs/differences-from-sqlite-jdbc.md: where tenant=* evaluates a {@code ?} itself, the value takes
     * the type of the parameter's context, converted when SQLite would treat it as that value, refused with 22000 when
     * the type cannot hold it; a tenant connection keeps every value as bound.
     */
    @Test
    void aValueOfAnotherKindThanItsContextIsConvertedOrRefused() throws SQLException {
        try (Connection all = project.crossTenant(); Connection tenant = Projects.open(dir, "tenant=t001")) {
            String text = "SELECT iif(points > 3, ?, 'b') FROM tasks WHERE points > 3";
            assertInstanceOf(Integer.class, first(tenant, text, ps -> ps.setInt(1, 2)));
            assertEquals("2", first(all, text, ps -> ps.setInt(1, 2)), "an int in a text context comes back as text");
            String integer = "SELECT coalesce(?, points) FROM tasks";
            assertEquals("2", first(tenant, integer, ps -> ps.setString(1, "2")));
            assertEquals(2L, first(all, integer, ps -> ps.setString(1, "2")), "integer text in an integer context comes back as the integer");
            SQLException e = assertThrows(SQLException.class, () -> first(all, integer, ps -> ps.setDouble(1, 3.7)));
            assertEquals("22000", e.getSQLState());
            assertTrue(e.getMessage().contains("parameter 1"), e.getMessage());
            assertEquals(3.7, first(tenant, integer, ps -> ps.setDouble(1, 3.7)));
            SQLException sum = assertThrows(SQLException.class, () -> first(all, "SELECT ? + 1 FROM tasks", ps -> ps.setString(1, "x")));
            assertEquals("22000", sum.getSQLState());
        }
    }

    private static Object first(Connection c, String sql, TenantProject.Parameters parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            parameters.set(ps);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getObject(1);
            }
        }
    }

    private static List<List<Object>> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return Rows.read(rs);
        }
    }
}
