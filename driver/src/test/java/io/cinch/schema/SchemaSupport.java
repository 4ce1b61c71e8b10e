package io.cinch.schema;

import static io.cinch.Projects.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Shared helpers of the schema, branch and merge tests: expected failures, schema snapshots, tenant files. */
final class SchemaSupport {

    /** A piece of JDBC work that may fail. */
    interface Sql {
        void run() throws SQLException;
    }

    private SchemaSupport() {
    }

    /** The exception {@code work} throws; fails when it throws none. */
    static SQLException failure(Sql work) {
        try {
            work.run();
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected an SQLException");
    }

    /** Asserts that {@code work} fails with {@code state} and returns the exception. */
    static SQLException assertState(String state, Sql work) {
        SQLException e = failure(work);
        assertEquals(state, e.getSQLState(), () -> "SQLState of: " + e.getMessage());
        return e;
    }

    /** Asserts that {@code work} fails with some SQLState and returns the exception. */
    static SQLException assertSomeState(Sql work) {
        SQLException e = failure(work);
        assertNotNull(e.getSQLState(), () -> "no SQLState on: " + e.getMessage());
        return e;
    }

    /** The schema objects a connection sees, as "type|name|tbl_name|sql", in a stable order. */
    static List<String> schema(Connection c) throws SQLException {
        return rows(c, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                + "ORDER BY type, name");
    }

    /** The schema objects of the tenant {@code tenant} of {@code branch}, seen through cinch. */
    static List<String> schemaOf(Path project, String branch, String tenant) throws SQLException {
        try (Connection c = io.cinch.Projects.open(project, "branch=" + branch, "tenant=" + tenant)) {
            return schema(c);
        }
    }

    /** The schema that replaying {@code changes} on an empty SQLite database gives, independently of cinch. */
    static List<String> replayed(List<String> changes) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            for (String sql : changes) {
                s.executeUpdate(sql);
            }
            return rows(c, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                    + "ORDER BY type, name");
        }
    }

    /** The rows of a result set as column-name maps. */
    static List<Map<String, String>> maps(ResultSet rs) throws SQLException {
        List<Map<String, String>> out = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 1; i <= n; i++) {
                row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getString(i));
            }
            out.add(row);
        }
        return out;
    }

    /** The rows of a query as column-name maps. */
    static List<Map<String, String>> maps(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return maps(rs);
        }
    }

    /** The branch's change log as "seq|type|entity|sql". */
    static List<String> changes(Connection c, String branch) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, String> m : maps(c, "CALL cinch.list_changes('" + branch + "')")) {
            out.add(m.get("seq") + "|" + m.get("type") + "|" + m.get("entity") + "|" + m.get("sql"));
        }
        return out;
    }

    /** The SQL of every change of the branch, oldest first. */
    static List<String> changeSql(Connection c, String branch) throws SQLException {
        return maps(c, "CALL cinch.list_changes('" + branch + "')").stream().map(m -> m.get("sql")).toList();
    }

    /** Tenant name to its {@code materialized} flag, as {@code list_tenants} reports on the connection's branch. */
    static Map<String, Boolean> materialized(Connection c) throws SQLException {
        Map<String, Boolean> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CALL cinch.list_tenants()")) {
            while (rs.next()) {
                out.put(rs.getString("name"), rs.getBoolean("materialized"));
            }
        }
        return out;
    }

    /** Every tenant file under the project's data directory (see {@link io.cinch.Projects#tenantFiles}). */
    static Set<Path> tenantFiles(Path project) {
        return io.cinch.Projects.tenantFiles(project);
    }

    /** Every regular file under the project's data directory. */
    static Set<Path> dataFiles(Path project) {
        Path data = project.resolve("data");
        if (!Files.isDirectory(data)) {
            return Set.of();
        }
        try (Stream<Path> all = Files.walk(data)) {
            return all.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one tenant file that exists now and did not before. */
    static Path newTenantFile(Path project, Set<Path> before) {
        Set<Path> added = new HashSet<>(tenantFiles(project));
        added.removeAll(before);
        assertEquals(1, added.size(), () -> "new tenant files: " + added);
        return added.iterator().next();
    }

    /** The schema objects of a database file read directly with sqlite-jdbc. */
    static List<String> rawSchema(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return rows(c, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                    + "ORDER BY type, name");
        }
    }
}
