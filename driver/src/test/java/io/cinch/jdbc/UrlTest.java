package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.url;
import static io.cinch.Projects.value;
import static io.cinch.jdbc.Check.fails;
import static io.cinch.jdbc.Check.mainFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The jdbc:cinch: URL: driver registration, keys, defaults, project creation and name validation (INTERFACE.md §1, §2). */
class UrlTest {

    /** Names that every name position must refuse with 42602. */
    static final List<String> INVALID_NAMES = List.of("..", "/", "../x", "a/b", "Acme", "ACME", "", "a".repeat(64),
            "a--b", "a__b", "a-_b", "-a", "a-", "_a", "a_", "a.b", "a b", "con", "prn", "aux", "nul", "com1", "com9",
            "lpt1", "lpt9", "*x", "ä");

    @TempDir
    Path dir;

    static Stream<Arguments> invalidNamesPerKey() {
        return Stream.of("database", "branch", "tenant")
                .flatMap(key -> INVALID_NAMES.stream().map(name -> Arguments.of(key, name)));
    }

    private static Driver driver() throws SQLException {
        return DriverManager.getDriver("jdbc:cinch:/anything");
    }

    @Test
    void acceptsUrlOnlyForCinchPrefix() throws Exception {
        Driver d = new CinchDriver();
        assertTrue(d.acceptsURL("jdbc:cinch:/some/dir"));
        assertTrue(d.acceptsURL("jdbc:cinch:relative?tenant=a"));
        assertFalse(d.acceptsURL("jdbc:sqlite:/some/file.db"));
        assertFalse(d.acceptsURL("jdbc:cinchdb:/some/dir"));
        assertFalse(d.acceptsURL("jdbc:postgresql://localhost/db"));
        assertFalse(d.acceptsURL("cinch:/some/dir"));
    }

    @Test
    void connectReturnsNullForOtherUrlsAndTouchesNothing() throws Exception {
        Driver d = new CinchDriver();
        assertNull(d.connect("jdbc:sqlite:" + dir.resolve("x.db"), new Properties()));
        assertNull(d.connect("jdbc:postgresql://localhost/db", null));
        assertEquals(Set.of(), Check.files(dir));
    }

    @Test
    void classForNameRegistersTheDriverWithDriverManager() throws Exception {
        Class<?> c = Class.forName("io.cinch.jdbc.CinchDriver");
        assertEquals(CinchDriver.class, c);
        assertInstanceOf(CinchDriver.class, DriverManager.getDriver(url(dir.resolve("pm"))));
    }

    @Test
    void serviceLoaderFindsTheDriver() {
        assertTrue(ServiceLoader.load(Driver.class).stream().anyMatch(p -> p.type() == CinchDriver.class),
                "META-INF/services/java.sql.Driver must name io.cinch.jdbc.CinchDriver");
    }

    @Test
    void getPropertyInfoListsEveryKeyWithDescriptionAndDefault() throws Exception {
        DriverPropertyInfo[] info = driver().getPropertyInfo(url(dir.resolve("pm")), new Properties());
        Map<String, DriverPropertyInfo> byName = Arrays.stream(info)
                .collect(Collectors.toMap(i -> i.name, Function.identity()));
        assertTrue(byName.keySet().containsAll(Set.of("database", "branch", "tenant", "create", "lock_tenant")),
                () -> "keys: " + byName.keySet());
        for (DriverPropertyInfo i : info) {
            assertNotNull(i.description, i.name);
            assertFalse(i.description.isBlank(), i.name);
        }
        assertEquals("main", byName.get("database").value);
        assertEquals("main", byName.get("branch").value);
        assertEquals("main", byName.get("tenant").value);
        assertEquals("true", byName.get("create").value);
        assertEquals("false", byName.get("lock_tenant").value);
        assertEquals(Set.of(), Check.files(dir), "getPropertyInfo must not create the project");
    }

    @Test
    void freshProjectHasDatabaseMainBranchMainTenantMain() throws Exception {
        try (Connection c = open(dir.resolve("pm"))) {
            assertEquals("main", c.getCatalog());
            assertEquals("main", c.getSchema());
            assertEquals(List.of("main"), names(c, "CALL cinch.list_databases()"));
            assertEquals(List.of("main"), names(c, "CALL cinch.list_branches()"));
            assertEquals(List.of("main"), names(c, "CALL cinch.list_tenants()"));
        }
        try (Connection c = open(dir.resolve("pm"), "database=main", "branch=main", "tenant=main", "create=false")) {
            assertEquals("main", c.getSchema());
        }
    }

    @Test
    void absoluteProjectDirIsCreatedWhereItSays() throws Exception {
        Path pm = dir.resolve("a").resolve("b").resolve("pm").toAbsolutePath();
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(v TEXT)", "INSERT INTO t VALUES ('here')");
        }
        assertTrue(Files.isDirectory(pm));
        assertFalse(mainFiles(pm).isEmpty());
        try (Connection c = open(pm, "create=false")) {
            assertEquals("here", value(c, "SELECT v FROM t"));
        }
    }

    @Test
    void relativeProjectDirIsResolvedAgainstTheWorkingDirectory() throws Exception {
        Path pm = dir.resolve("rel-pm").toAbsolutePath();
        Path relative = Path.of("").toAbsolutePath().relativize(pm);
        assertFalse(relative.isAbsolute());
        try (Connection c = DriverManager.getConnection("jdbc:cinch:" + relative)) {
            run(c, "CALL cinch.create_tenant('from_relative')");
        }
        assertTrue(Files.isDirectory(pm));
        try (Connection c = open(pm, "create=false", "tenant=from_relative")) {
            assertEquals("from_relative", c.getSchema());
        }
    }

    @Test
    void relativeProjectDirInAnotherWorkingDirectory() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("cwd"));
        String out = ChildJvm.finish(ChildJvm.start(cwd, List.of(), "open", "jdbc:cinch:sub/pm?tenant=main"));
        assertTrue(out.contains("schema=main"), out);
        assertTrue(Files.isDirectory(cwd.resolve("sub").resolve("pm")));
        assertFalse(mainFiles(cwd.resolve("sub").resolve("pm")).isEmpty());
        try (Connection c = open(cwd.resolve("sub").resolve("pm"), "create=false")) {
            assertEquals(List.of("main"), names(c, "CALL cinch.list_tenants()"));
        }
    }

    @Test
    void projectDirWithSpacesAndNonAsciiCharactersWorks() throws Exception {
        Path pm = dir.resolve("my projects ø").resolve("100% done & more");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(v TEXT)", "CALL cinch.create_tenant('a')", "INSERT INTO a.t VALUES ('in a')",
                    "INSERT INTO t VALUES ('in main')", "CALL cinch.copy_tenant('a', 'b')",
                    "CALL cinch.backup_tenant('a', 'a.db')", "CALL cinch.restore_tenant('main', 'a.db', 'a')");
            assertEquals(List.of("in a"), rows(c, "SELECT v FROM b.t"));
            assertEquals(List.of("in a"), rows(c, "SELECT v FROM t"));
        }
        assertTrue(Files.isRegularFile(Check.backup(pm, "a.db")));
        try (Connection c = open(pm, "tenant=a", "create=false")) {
            assertEquals(List.of("in a"), rows(c, "SELECT v FROM t"));
        }
    }

    @Test
    void createFalseOnMissingProjectFails08001AndCreatesNothing() throws Exception {
        Path pm = dir.resolve("missing");
        fails("08001", () -> open(pm, "create=false"));
        Properties p = new Properties();
        p.setProperty("create", "false");
        fails("08001", () -> DriverManager.getConnection(url(pm), p));
        assertFalse(Files.exists(pm));
        assertEquals(Set.of(), Check.files(dir));
    }

    @Test
    void projectPathThatIsAFileFails08001AndLeavesTheFileAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "hello");
        fails("08001", () -> open(file));
        fails("08001", () -> open(file.resolve("below")));
        assertEquals("hello", Files.readString(file));
    }

    @Test
    void createFalseOnEmptyDirectoryFails08001AndLeavesItEmpty() throws Exception {
        Path pm = Files.createDirectories(dir.resolve("empty"));
        fails("08001", () -> open(pm, "create=false"));
        try (Stream<Path> s = Files.list(pm)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void createTrueWithDatabaseCreatesMainAndThatDatabase() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm, "database=project_manager")) {
            assertEquals("main", c.getCatalog());
            assertEquals("main", c.getSchema());
            assertEquals(List.of("main", "project_manager"), names(c, "CALL cinch.list_databases()").stream().sorted().toList());
            run(c, "CREATE TABLE only_in_pm(v TEXT)");
        }
        try (Connection c = open(pm, "database=main", "create=false")) {
            assertEquals("main", c.getSchema());
            fails("42000", () -> rows(c, "SELECT * FROM only_in_pm"));
        }
    }

    @Test
    void unknownDatabaseOfExistingProjectFails08001AndIsNotCreated() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            fails("08001", () -> open(pm, "database=nope"));
            fails("08001", () -> open(pm, "database=nope", "create=true"));
            assertEquals(List.of("main"), names(c, "CALL cinch.list_databases()"));
        }
    }

    @Test
    void unknownBranchFails3D000() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            fails("3D000", () -> open(pm, "branch=nope"));
            assertEquals(List.of("main"), names(c, "CALL cinch.list_branches()"));
        }
    }

    @Test
    void unknownTenantFails3F000() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            SQLException e = fails("3F000", () -> open(pm, "tenant=nope"));
            assertTrue(e.getMessage().contains("nope"), e.getMessage());
            assertEquals(List.of("main"), names(c, "CALL cinch.list_tenants()"));
        }
    }

    @ParameterizedTest(name = "{0}=''{1}''")
    @MethodSource("invalidNamesPerKey")
    void invalidNameInUrlFails42602BeforeCreatingAnything(String key, String name) throws Exception {
        Path pm = dir.resolve("pm");
        fails("42602", () -> DriverManager.getConnection(url(pm) + "?" + key + "=" + name));
        assertEquals(Set.of(), Check.files(dir));
        assertFalse(Files.exists(pm), "the project must not be created for an invalid name");
    }

    @ParameterizedTest(name = "{0}=''{1}''")
    @MethodSource("invalidNamesPerKey")
    void invalidNameInPropertiesFails42602(String key, String name) throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            Set<String> before = mainFiles(dir);
            Properties p = new Properties();
            p.setProperty(key, name);
            fails("42602", () -> DriverManager.getConnection(url(pm), p));
            assertEquals(before, mainFiles(dir));
            assertEquals(List.of("main"), names(c, "CALL cinch.list_tenants()"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tenant", "database", "branch"})
    void escapingNameTouchesNothingOutsideTheProject(String key) throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            Set<String> before = Check.files(dir);
            fails("42602", () -> open(pm, key + "=../x"));
            fails("42602", () -> open(pm, key + "=../../x"));
            fails("42602", () -> open(pm, key + "=..%2Fx"));
            Properties p = new Properties();
            p.setProperty(key, "../x");
            fails("42602", () -> DriverManager.getConnection(url(pm), p));
            fails("42602", () -> open(dir.resolve("other"), key + "=../x"));
            assertEquals(before, Check.files(dir));
            assertFalse(Files.exists(dir.resolve("x")));
            assertFalse(Files.exists(pm.resolve("x")));
            assertFalse(Files.exists(dir.resolve("other")));
        }
    }

    @Test
    void largestValidNameIsAccepted() throws Exception {
        String longest = "a".repeat(63);
        try (Connection c = open(dir.resolve("pm"))) {
            run(c, "CALL cinch.create_tenant('" + longest + "')", "CALL cinch.create_tenant('a1-b_c9')");
        }
        try (Connection c = open(dir.resolve("pm"), "tenant=" + longest)) {
            assertEquals(longest, c.getSchema());
        }
        try (Connection c = open(dir.resolve("pm"), "tenant=a1-b_c9")) {
            assertEquals("a1-b_c9", c.getSchema());
        }
    }

    @Test
    void propertiesAreMergedAndTheUrlWins() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CALL cinch.create_tenant('from_props')", "CALL cinch.create_tenant('from_url')");
        }
        Properties p = new Properties();
        p.setProperty("tenant", "from_props");
        try (Connection c = DriverManager.getConnection(url(pm), p)) {
            assertEquals("from_props", c.getSchema());
        }
        try (Connection c = DriverManager.getConnection(url(pm, "tenant=from_url"), p)) {
            assertEquals("from_url", c.getSchema());
        }
        p.setProperty("tenant", "does_not_exist");
        try (Connection c = DriverManager.getConnection(url(pm, "tenant=from_url"), p)) {
            assertEquals("from_url", c.getSchema());
        }
        Properties lock = new Properties();
        lock.setProperty("lock_tenant", "true");
        try (Connection c = DriverManager.getConnection(url(pm, "tenant=from_url"), lock)) {
            fails("42501", () -> c.setSchema("from_props"));
        }
        Properties unlock = new Properties();
        unlock.setProperty("lock_tenant", "true");
        try (Connection c = DriverManager.getConnection(url(pm, "tenant=from_url", "lock_tenant=false"), unlock)) {
            c.setSchema("from_props");
            assertEquals("from_props", c.getSchema());
        }
    }

    @Test
    void databaseFromPropertiesIsCreatedWithANewProject() throws Exception {
        Properties p = new Properties();
        p.setProperty("database", "crm");
        try (Connection c = DriverManager.getConnection(url(dir.resolve("pm")), p)) {
            assertEquals(List.of("crm", "main"), names(c, "CALL cinch.list_databases()").stream().sorted().toList());
        }
    }

    @Test
    void unknownKeysReachSqliteJdbcAsBusyTimeout() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm, "busy_timeout=4321")) {
            assertEquals("4321", value(c, "PRAGMA busy_timeout"));
            run(c, "CREATE TABLE t(v TEXT)", "INSERT INTO t VALUES ('x')");
            assertEquals("4321", value(c, "PRAGMA busy_timeout"), "after the tenant got its file");
        }
        Properties p = new Properties();
        p.setProperty("busy_timeout", "1234");
        try (Connection c = DriverManager.getConnection(url(pm), p)) {
            assertEquals("1234", value(c, "PRAGMA busy_timeout"));
        }
        try (Connection c = DriverManager.getConnection(url(pm, "busy_timeout=2345"), p)) {
            assertEquals("2345", value(c, "PRAGMA busy_timeout"), "the URL wins over Properties");
        }
        try (Connection c = open(pm)) {
            assertTrue(Long.parseLong(value(c, "PRAGMA busy_timeout")) > 0, "a busy timeout by default");
        }
    }

    @Test
    void keysNeitherCinchNorSqliteKnowsAreRefused08001NamingTheClosestKey() throws Exception {
        SQLException e = fails("08001", () -> open(dir.resolve("pm"), "application_name=my_app", "cache_size=-4000"));
        assertTrue(e.getMessage().contains("application_name"), e::getMessage);
        SQLException typo = fails("08001", () -> open(dir.resolve("pm"), "lock_tenat=true"));
        assertTrue(typo.getMessage().contains("'lock_tenant'"), typo::getMessage);
        Properties p = new Properties();
        p.setProperty("busy_timout", "10");
        SQLException props = fails("08001", () -> DriverManager.getConnection(url(dir.resolve("pm")), p));
        assertTrue(props.getMessage().contains("'busy_timeout'"), props::getMessage);
        assertFalse(Files.exists(dir.resolve("pm")));
        try (Connection c = open(dir.resolve("pm"), "cache_size=-4000")) {
            assertEquals("-4000", value(c, "PRAGMA cache_size"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"journal_mode=DELETE", "journal_mode=OFF", "journal_mode=MEMORY", "foreign_keys=false",
            "foreign_keys=off", "foreign_keys=0", "enable_load_extension=true"})
    void weakeningKeysAreRefusedWith42501(String setting) throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(v TEXT)");
        }
        fails("42501", () -> DriverManager.getConnection(url(pm, setting)));
        String[] kv = setting.split("=");
        Properties p = new Properties();
        p.setProperty(kv[0], kv[1]);
        fails("42501", () -> DriverManager.getConnection(url(pm), p));
        try (Connection c = open(pm)) {
            assertEquals("wal", value(c, "PRAGMA journal_mode").toLowerCase());
            assertEquals("1", value(c, "PRAGMA foreign_keys"));
        }
    }

    @Test
    void userAndPasswordAreIgnored() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = DriverManager.getConnection(url(pm), "someone", "secret")) {
            assertEquals("main", c.getSchema());
            run(c, "CREATE TABLE t(v TEXT)", "INSERT INTO t VALUES ('x')");
        }
        Properties p = new Properties();
        p.setProperty("user", "");
        p.setProperty("password", "");
        try (Connection c = DriverManager.getConnection(url(pm), p)) {
            assertEquals("x", value(c, "SELECT v FROM t"));
        }
        try (Connection c = DriverManager.getConnection(url(pm, "user=a", "password=b"))) {
            assertEquals("x", value(c, "SELECT v FROM t"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?tenant=main", "@dir?create", "@dir?=main", "@dir?create=maybe", "@dir?lock_tenant=yes",
            "@dir?tenant"})
    void malformedUrlFails08001(String tail) throws Exception {
        String url = "jdbc:cinch:" + tail.replace("@dir", dir.resolve("pm").toString());
        fails("08001", () -> DriverManager.getConnection(url));
        assertFalse(Files.exists(dir.resolve("pm")));
    }

    static List<String> names(Connection c, String call) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (var s = c.createStatement(); var rs = s.executeQuery(call)) {
            while (rs.next()) {
                out.add(rs.getString("name"));
            }
        }
        return out;
    }
}
