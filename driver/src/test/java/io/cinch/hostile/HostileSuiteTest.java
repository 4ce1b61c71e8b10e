package io.cinch.hostile;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.url;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cinch.jdbc.Check;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standing hostile suite (issue 7): generated attacks on the wall between tenants, each asserting its documented
 * SQLState, and after each, three facts: no file outside the project appeared or changed, the other tenants' rows are
 * as they were, and the branch template is unmodified. The attacker is tenant {@code evil} on a locked connection
 * (lazy, so it reads the template) unless a case says otherwise.
 */
class HostileSuiteTest {

    /** Figures for RELIABILITY.md: the number of generated cases. */
    static final int MINIMUM_CASES = 2000;

    @TempDir
    static Path dir;
    static Path pm;
    static Path outside;
    static Path template;
    static String victimRows;
    static String templateState;
    static Set<String> outsideFiles;
    static int cases;

    @BeforeAll
    static void project() throws Exception {
        pm = dir.resolve("pm");
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("operator.db"), "not cinch's");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT CHECK (v <> 'bad'))",
                    "CREATE TABLE child(id INTEGER PRIMARY KEY, t_id INTEGER NOT NULL REFERENCES t(id))",
                    "CALL cinch.create_tenant('evil')", "CALL cinch.create_tenant('bystander')",
                    "CALL cinch.create_tenant('victim')", "INSERT INTO victim.t(v) VALUES ('secret'), ('more')",
                    "INSERT INTO victim.child(t_id) VALUES (1)", "CALL cinch.backup_tenant('victim', 'victim.db')",
                    "CALL cinch.create_branch('feature')", "CALL cinch.create_database('other')");
        }
        template = pm.resolve("data").resolve("1").resolve("1").resolve("template.db"); // database main, branch main
        victimRows = victimRows();
        templateState = templateState();
        outsideFiles = Check.files(outside);
    }

    @AfterAll
    static void figures() {
        System.out.println("hostile suite: " + cases + " cases, 0 escapes");
    }

    @TestFactory
    Stream<DynamicTest> hostileCases() {
        List<DynamicTest> all = new ArrayList<>();
        names(all);
        backupFiles(all);
        escapeSql(all);
        lockedReach(all);
        urls(all);
        crossTenantWrites(all);
        pooledHandles(all);
        if (all.size() < MINIMUM_CASES) {
            throw new AssertionError("only " + all.size() + " hostile cases");
        }
        return all.stream();
    }

    // ---- the attacks ----

    static final List<String> BAD_NAMES = List.of("", " ", "A", "Evil", "a b", "a/b", "../victim", "..", ".", "a\\b",
            "a;b", "a'b", "a\"b", "a\u0000b", "é", "a--b", "a__b", "-a", "a-", "_a", "a_", "con", "nul", "lpt1",
            "x".repeat(64), "a.b", "victim.t", "a&tenant=victim", "%2e%2e", "a\nb", "*", "a*", "main;", "\u202evictim",
            "/etc", "victim\u0000");

    private static void names(List<DynamicTest> all) {
        for (String name : BAD_NAMES) {
            String literal = "'" + name.replace("'", "''") + "'";
            for (String key : List.of("tenant", "branch", "database")) {
                if (name.equals("*") && key.equals("tenant")) {
                    continue;
                }
                add(all, "URL " + key + "=" + show(name), "42602", () -> DriverManager.getConnection(
                        url(pm, key + "=" + URLEncoder.encode(name, StandardCharsets.UTF_8))).close());
                add(all, "Properties " + key + "=" + show(name), "42602", () -> {
                    Properties p = new Properties();
                    p.setProperty(key, name);
                    DriverManager.getConnection(url(pm), p).close();
                });
            }
            for (String call : List.of("create_tenant(%s)", "delete_tenant(%s)", "rename_tenant(%s, 'x')",
                    "rename_tenant('evil', %s)", "copy_tenant(%s, 'x')", "copy_tenant('evil', %s)", "switch_tenant(%s)",
                    "backup_tenant(%s, 'f.db')", "restore_tenant(%s, 'f.db')", "restore_tenant('evil', 'f.db', %s)",
                    "list_backups(%s)", "create_branch(%s)", "switch_branch(%s)", "delete_branch(%s)",
                    "create_database(%s)", "delete_database(%s)", "list_changes(%s)")) {
                String sql = "CALL cinch." + call.formatted(literal);
                add(all, sql.replace("\u0000", "\\0"), "42602", () -> {
                    try (Connection c = open(pm)) {
                        run(c, sql);
                    }
                });
            }
            add(all, "setSchema(" + show(name) + ")", "42602", () -> {
                try (Connection c = open(pm)) {
                    c.setSchema(name);
                }
            });
            add(all, "setCatalog(" + show(name) + ")", "42602", () -> {
                try (Connection c = open(pm)) {
                    c.setCatalog(name);
                }
            });
        }
    }

    private static void backupFiles(List<DynamicTest> all) {
        List<String> bad = List.of("", " ", ".hidden", "..", "../victim.db", "a/b.db", "/etc/passwd", "a\\b.db",
                "a b.db", "a'b.db", "x".repeat(244), "x".repeat(300), "a\u0000b.db", "~x.db", "a:b.db", "a*b.db",
                "é.db", "a\nb.db", outside.resolve("x.db").toString(), "../../../outside/x.db", "%2e%2e%2fx.db");
        for (String file : bad) {
            String literal = "'" + file.replace("'", "''") + "'";
            for (String call : List.of("backup_tenant('evil', %s)", "restore_tenant('evil', %s)",
                    "restore_tenant('evil', %s, 'victim')")) {
                String sql = "CALL cinch." + call.formatted(literal);
                add(all, show(sql), "42602", () -> {
                    try (Connection c = open(pm, "tenant=evil")) {
                        run(c, sql);
                    }
                });
            }
            add(all, "prepared backup_tenant('evil', " + show(file) + ")", "42602", () -> {
                try (Connection c = open(pm, "tenant=evil"); CallableStatement cs = c.prepareCall("{call cinch.backup_tenant(?, ?)}")) {
                    cs.setString(1, "evil");
                    cs.setString(2, file);
                    cs.execute();
                }
            });
        }
    }

    /** SQL that would open files, load code, or weaken what the next user relies on. */
    static final List<String> ESCAPES = List.of(
            "ATTACH DATABASE '@out/evil.db' AS x", "attach '@data' as x", "ATTACH '@tpl' AS tpl",
            "ATTACH 'file:@tpl?mode=rw' AS tpl", "DETACH DATABASE main", "DETACH x",
            "VACUUM INTO '@out/copy.db'", "vacuum main into '@out/copy.db'", "SELECT load_extension('@out/x')",
            "SELECT \"load_extension\"('@out/x')", "PRAGMA writable_schema = 1", "PRAGMA writable_schema",
            "PRAGMA main.writable_schema = ON", "PRAGMA query_only = 0", "PRAGMA query_only = 1", "PRAGMA query_only(0)",
            "PRAGMA foreign_keys = 0", "PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = 'off'", "PRAGMA foreign_keys(false)",
            "PRAGMA ignore_check_constraints = 1", "PRAGMA legacy_alter_table = ON", "PRAGMA trusted_schema = 1",
            "PRAGMA temp_store_directory = '@out'", "PRAGMA temp_store_directory", "PRAGMA data_store_directory = '@out'",
            "PRAGMA mmap_size = 268435456", "PRAGMA mmap_size(1)", "PRAGMA journal_mode = DELETE", "PRAGMA journal_mode = OFF",
            "PRAGMA main.journal_mode = MEMORY", "PRAGMA locking_mode = EXCLUSIVE", "PRAGMA schema_version = 1",
            "PRAGMA user_version = 99", "PRAGMA application_id = 1", "PRAGMA soft_heap_limit = 1",
            "PRAGMA hard_heap_limit = 1", "PRAGMA key = 'x'", "PRAGMA rekey = 'x'", "PRAGMA no_such_pragma = 1",
            "PRAGMA cell_size_check = 0", "PRAGMA legacy_file_format = 1");
    static final List<String> PREFIXES = List.of("", "EXPLAIN ", "EXPLAIN QUERY PLAN ", "/* x */ explain -- y\n ");

    /** The ways user text reaches SQLite's prepare. */
    enum Way { EXECUTE, EXECUTE_QUERY, EXECUTE_UPDATE, BATCH, PREPARED_EXECUTE, PREPARED_METADATA, PARAMETER_METADATA,
        PREPARED_BATCH, CALLABLE }

    private static void escapeSql(List<DynamicTest> all) {
        for (String escape : ESCAPES) {
            for (String prefix : PREFIXES) {
                String sql = prefix + escape.replace("@out", outside.toString()).replace("@data", pm.resolve("data").toString())
                        .replace("@tpl", template.toString());
                for (Way path : Way.values()) {
                    add(all, path + ": " + show(sql), "42501", () -> {
                        try (Connection c = open(pm, "tenant=evil", "lock_tenant=true")) {
                            send(c, path, sql);
                        }
                    });
                }
            }
        }
    }

    static void send(Connection c, Way path, String sql) throws SQLException {
        switch (path) {
            case EXECUTE -> {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }
            case EXECUTE_QUERY -> {
                try (Statement s = c.createStatement()) {
                    s.executeQuery(sql).close();
                }
            }
            case EXECUTE_UPDATE -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(sql);
                }
            }
            case BATCH -> {
                try (Statement s = c.createStatement()) {
                    s.addBatch(sql);
                    s.executeBatch();
                }
            }
            case PREPARED_EXECUTE -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.execute();
                }
            }
            case PREPARED_METADATA -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.getMetaData();
                }
            }
            case PARAMETER_METADATA -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.getParameterMetaData();
                }
            }
            case PREPARED_BATCH -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.addBatch();
                    ps.executeBatch();
                }
            }
            case CALLABLE -> {
                try (CallableStatement cs = c.prepareCall(sql)) {
                    cs.execute();
                }
            }
        }
    }

    private static void lockedReach(List<DynamicTest> all) {
        List<String> qualifiers = List.of("victim", "\"victim\"", "[victim]", "`victim`", "VICTIM", "bystander",
                "feature", "\"feature\"", "other");
        List<String> shapes = List.of("SELECT * FROM %s.t", "SELECT v FROM t UNION SELECT v FROM %s.t",
                "SELECT * FROM t WHERE id IN (SELECT id FROM %s.t)", "WITH x AS (SELECT * FROM %s.t) SELECT * FROM x",
                "INSERT INTO %s.t(v) VALUES ('x')", "INSERT INTO t(v) SELECT v FROM %s.t", "UPDATE %s.t SET v = 'x'",
                "DELETE FROM %s.t", "REPLACE INTO %s.t(id, v) VALUES (1, 'x')", "CREATE TABLE x AS SELECT * FROM %s.t",
                "CREATE VIEW x AS SELECT * FROM %s.t", "CREATE TRIGGER x AFTER INSERT ON t BEGIN DELETE FROM %s.t; END",
                "CREATE TEMP VIEW x AS SELECT * FROM %s.t", "SELECT * FROM %s.sqlite_master", "PRAGMA %s.table_info(t)");
        for (String q : qualifiers) {
            for (String shape : shapes) {
                String sql = shape.formatted(q);
                boolean pragma = shape.startsWith("PRAGMA");
                for (Way path : List.of(Way.EXECUTE, Way.PREPARED_EXECUTE, Way.PARAMETER_METADATA)) {
                    add(all, "locked " + path + ": " + sql, pragma ? "42000" : "42501", () -> {
                        try (Connection c = open(pm, "tenant=evil", "lock_tenant=true")) {
                            send(c, path, sql);
                        }
                    });
                }
            }
        }
        for (String call : List.of("backup_tenant('victim', 'stolen.db')", "restore_tenant('victim', 'victim.db')",
                "restore_tenant('evil', 'victim.db', 'victim')", "copy_tenant('victim', 'stolen')",
                "rename_tenant('victim', 'renamed')", "delete_tenant('victim')", "switch_tenant('victim')",
                "list_backups('victim')", "delete_branch('feature')", "delete_database('other')")) {
            add(all, "locked CALL cinch." + call, "42501", () -> {
                try (Connection c = open(pm, "tenant=evil", "lock_tenant=true")) {
                    run(c, "CALL cinch." + call);
                }
            });
        }
        add(all, "locked setSchema(victim)", "42501", () -> {
            try (Connection c = open(pm, "tenant=evil", "lock_tenant=true")) {
                c.setSchema("victim");
            }
        });
        add(all, "locked restore of its own name from the victim's area", "22023", () -> {
            try (Connection c = open(pm, "tenant=evil", "lock_tenant=true")) {
                run(c, "CALL cinch.restore_tenant('evil', 'victim.db')");
            }
        });
    }

    private static void urls(List<DynamicTest> all) {
        List<String> keys = List.of("tenant=evil", "lock_tenant=true", "branch=main", "database=main", "create=true",
                "busy_timeout=100", "cache_size=10");
        for (String a : keys) {
            for (String b : List.of("tenant=victim", "lock_tenant=false", "branch=feature", "database=other",
                    "create=false", "busy_timeout=5", "cache_size=20")) {
                if (a.split("=")[0].equals(b.split("=")[0])) {
                    add(all, "URL duplicated " + a + "&" + b, "08001", () -> DriverManager.getConnection(url(pm, a, b)).close());
                    add(all, "URL duplicated " + a + "&x&" + b, "08001",
                            () -> DriverManager.getConnection(url(pm, a, "tenant=evil".equals(a) ? "branch=main" : "tenant=evil", b)).close());
                }
            }
        }
        for (String unknown : List.of("tenants=victim", "lock=false", "locktenant=false", "Tenant=victim",
                "LOCK_TENANT=false", "application_name=x", "schema=victim", "catalog=feature", "url=jdbc:sqlite:/x",
                "busy_timout=1", "tenant =victim", "%74enant2=x")) {
            add(all, "URL unknown key " + unknown, "08001", () -> DriverManager.getConnection(url(pm, unknown)).close());
            add(all, "Properties unknown key " + unknown, "08001", () -> {
                Properties p = new Properties();
                p.setProperty(unknown.split("=")[0], unknown.split("=")[1]);
                DriverManager.getConnection(url(pm), p).close();
            });
        }
        for (String malformed : List.of("busy_timeout=abc", "busy_timeout=1.5", "busy_timeout=", "cache_size=1;ATTACH",
                "cache_size=99999999999999999999", "synchronous=OFF;DROP TABLE t", "temp_store=1 2",
                "limit_attached=x", "page_size=-", "date_precision=fortnights")) {
            add(all, "URL malformed " + malformed, "22023", () -> DriverManager.getConnection(url(pm,
                    malformed.replace(";", "%3B").replace(" ", "%20"))).close());
        }
        for (String weakening : List.of("journal_mode=OFF", "foreign_keys=false", "enable_load_extension=true",
                "open_mode=1", "mmap_size=1", "temp_store_directory=/tmp", "legacy_alter_table=true", "user_version=1",
                "query_only=false", "writable_schema=1", "shared_cache=true", "locking_mode=EXCLUSIVE")) {
            add(all, "URL weakening " + weakening, "42501", () -> DriverManager.getConnection(url(pm, weakening)).close());
        }
        for (String bool : List.of("lock_tenant=yes", "lock_tenant=1", "lock_tenant=", "create=maybe")) {
            add(all, "URL bad flag " + bool, "08001", () -> DriverManager.getConnection(url(pm, bool)).close());
        }
        add(all, "tenant=* with lock_tenant", "42501",
                () -> DriverManager.getConnection(url(pm, "tenant=*", "lock_tenant=true")).close());
    }

    private static void crossTenantWrites(List<DynamicTest> all) {
        for (String sql : List.of("INSERT INTO t(v) VALUES ('x')", "UPDATE t SET v = 'x'", "DELETE FROM t",
                "CREATE TABLE x(a)", "DROP TABLE t", "ALTER TABLE t ADD COLUMN w", "CALL cinch.create_tenant('x')",
                "CALL cinch.delete_tenant('victim')", "CALL cinch.backup_tenant('victim', 'x.db')",
                "CALL cinch.restore_tenant('victim', 'victim.db')", "ATTACH '@out/x.db' AS x", "PRAGMA writable_schema = 1",
                "PRAGMA foreign_keys = 0")) {
            String text = sql.replace("@out", outside.toString());
            for (Way path : List.of(Way.EXECUTE, Way.EXECUTE_UPDATE, Way.PREPARED_EXECUTE)) {
                add(all, "tenant=* " + path + ": " + text, "25006", () -> {
                    try (Connection c = open(pm, "tenant=*")) {
                        send(c, path, text);
                    }
                });
            }
        }
    }

    /** Settings a user may change: none of them reaches the next connection to the same file. */
    private static void pooledHandles(List<DynamicTest> all) {
        List<String[]> settings = List.of(
                new String[] {"PRAGMA cache_size = 7", "PRAGMA cache_size"},
                new String[] {"PRAGMA temp_store = FILE", "PRAGMA temp_store"},
                new String[] {"PRAGMA synchronous = OFF", "PRAGMA synchronous"},
                new String[] {"PRAGMA recursive_triggers = 1", "PRAGMA recursive_triggers"},
                new String[] {"PRAGMA busy_timeout = 1", "PRAGMA busy_timeout"},
                new String[] {"PRAGMA automatic_index = 0", "PRAGMA automatic_index"},
                new String[] {"PRAGMA secure_delete = 1", "PRAGMA secure_delete"},
                new String[] {"PRAGMA reverse_unordered_selects = 1", "PRAGMA reverse_unordered_selects"},
                new String[] {"PRAGMA trusted_schema = 0", "PRAGMA trusted_schema"},
                new String[] {"PRAGMA cell_size_check = 1", "PRAGMA cell_size_check"},
                new String[] {"PRAGMA max_page_count = 10", "PRAGMA max_page_count"},
                new String[] {"PRAGMA case_sensitive_like = 1", "SELECT 'a' LIKE 'A'"},
                new String[] {"PRAGMA wal_autocheckpoint = 0", "PRAGMA wal_autocheckpoint"},
                new String[] {"CREATE TEMP TABLE leftover(a)", "SELECT count(*) FROM pragma_database_list"},
                new String[] {"CREATE TEMP VIEW leftover AS SELECT 1", "SELECT count(*) FROM pragma_database_list"},
                new String[] {"SELECT 1", "PRAGMA foreign_keys"});
        for (String tenant : List.of("evil", "victim")) {
            for (String[] s : settings) {
                for (String prefix : List.of("", "EXPLAIN ")) {
                    add(all, "pooled " + tenant + ": " + prefix + s[0], null, () -> {
                        String before;
                        try (Connection c = open(pm, "tenant=" + tenant)) {
                            before = String.join(",", rows(c, s[1]));
                        }
                        try (Connection c = open(pm, "tenant=" + tenant, "lock_tenant=true")) {
                            run(c, prefix + s[0]);
                        }
                        try (Connection c = open(pm, "tenant=" + tenant)) {
                            assertEquals(before, String.join(",", rows(c, s[1])), "setting leaked to the next borrower");
                            assertEquals(List.of("1"), rows(c, "PRAGMA foreign_keys"));
                        }
                    });
                }
            }
        }
    }

    // ---- running a case and checking the facts ----

    private static void add(List<DynamicTest> all, String name, String state, Check.Sql attack) {
        all.add(DynamicTest.dynamicTest(name, () -> {
            cases++;
            if (state == null) {
                attack.run();
            } else {
                Check.fails(state, attack);
            }
            assertEquals(outsideFiles, Check.files(outside), "no file outside the project appeared");
            assertEquals("not cinch's", Files.readString(outside.resolve("operator.db")));
            assertEquals(victimRows, victimRows(), "the victim's rows are as they were");
            assertEquals(templateState, templateState(), "the template is unmodified");
        }));
    }

    private static String victimRows() throws SQLException {
        try (Connection c = open(pm, "tenant=victim")) {
            return rows(c, "SELECT id, v FROM t ORDER BY id") + " " + rows(c, "SELECT id, t_id FROM child ORDER BY id")
                    + " " + rows(c, "CALL cinch.list_tenants()").size();
        }
    }

    private static String templateState() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + template.toUri().getRawPath() + "?mode=ro")) {
            String state = rows(c, "SELECT type, name, sql FROM sqlite_master ORDER BY name") + " "
                    + rows(c, "SELECT count(*) FROM t") + rows(c, "SELECT count(*) FROM child") + rows(c, "PRAGMA user_version");
            assertNotNull(state);
            return state;
        }
    }

    private static String show(String s) {
        String out = s.replace("\u0000", "\\0").replace("\n", "\\n");
        return out.length() > 120 ? out.substring(0, 120) + "..." : out;
    }
}
