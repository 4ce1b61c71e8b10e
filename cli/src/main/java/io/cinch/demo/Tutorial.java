package io.cinch.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CinchDB multi-tenant SaaS tutorial, carried out through cinch's JDBC driver: schema on a branch, merge into
 * main, onboarding customers, a tenant-checking HTTP API, statistics across tenants, and backups.
 */
public final class Tutorial {

    /** The file that marks a directory as the demo's own, so that a later run may replace what it made there. */
    static final String MARKER = ".cinch-demo";

    /** What the demo makes in its directory: the project's files and the marker; it deletes nothing else. */
    private static final List<String> MADE = List.of("cinch.db", "cinch.db-wal", "cinch.db-shm", "cinch.db-journal",
            "cinch.epoch", "data", "backups", MARKER);

    private final String url;
    private final PrintWriter out;

    Tutorial(Path project, PrintWriter out) {
        this.url = "jdbc:cinch:" + project + "?database=project_manager";
        this.out = out;
    }

    /**
     * Runs the tutorial in {@code project}, which must be new, empty, or made by an earlier run (then the project it
     * holds is replaced); any other directory is refused (42501) and left as it is.
     */
    public static void runIn(Path project, PrintWriter out) throws Exception {
        prepare(project);
        new Tutorial(project, out).run();
        out.flush();
    }

    void run() throws Exception {
        section("Schema on a feature branch, merged into main");
        try (Connection db = DriverManager.getConnection(url)) {
            print(db, "CALL cinch.create_branch('initial-schema')");
            print(db, "CALL cinch.switch_branch('initial-schema')");
            print(db, "CALL cinch.create_table('users', 'email:TEXT name:TEXT role:TEXT active:BOOLEAN')");
            print(db, "CALL cinch.create_table('projects', 'name:TEXT description:TEXT? owner_id:TEXT status:TEXT')");
            print(db, "CALL cinch.create_table('tasks', "
                    + "'project_id:TEXT title:TEXT description:TEXT? assignee_id:TEXT? status:TEXT priority:TEXT')");
            print(db, "CALL cinch.merge_into_main()");
        }

        section("Customer onboarding");
        Onboarding onboarding = new Onboarding(url);
        for (String[] customer : List.of(new String[] {"ACME Corp", "admin@acme.com"},
                new String[] {"Globex", "admin@globex.com"}, new String[] {"Initech", "admin@initech.com"})) {
            Onboarding.Customer c = onboarding.createCustomer(customer[0], customer[1]);
            out.println("Created tenant: " + c.tenant() + " (admin " + c.adminId() + ", project " + c.projectId() + ")");
        }
        try (Connection db = DriverManager.getConnection(url)) {
            print(db, "CALL cinch.create_tenant('umbrella')");
            print(db, "CALL cinch.list_tenants()");
        }

        section("Multi-tenant API: every request is checked against the caller's tenant");
        try (ProjectsApi api = ProjectsApi.start(url)) {
            String admin = onboarding.adminOf("acme_corp");
            out.println("GET /projects as acme_corp      -> " + api.get("/projects", "acme_corp", admin + "@acme_corp"));
            out.println("GET /projects as acme_corp for globex -> " + api.get("/projects", "globex", admin + "@acme_corp"));
            out.println("POST /projects as acme_corp     -> " + api.post("/projects", "acme_corp", admin + "@acme_corp",
                    "{\"name\": \"Website relaunch\", \"description\": \"Q3\"}"));
            out.println("GET /projects as acme_corp      -> " + api.get("/projects", "acme_corp", admin + "@acme_corp"));
        }

        section("Tenant statistics: one SQL statement over every tenant (tenant=*)");
        out.println(TenantStats.QUERY);
        List<TenantStats.Row> stats = TenantStats.crossTenant(url);
        stats.forEach(out::println);
        out.println(stats.equals(TenantStats.perTenantLoop(url))
                ? "Same figures as the tutorial's loop over every tenant."
                : "DIFFERENT from the loop over every tenant: " + TenantStats.perTenantLoop(url));

        section("Backups");
        try (Connection db = DriverManager.getConnection(url)) {
            for (String tenant : List.of("acme_corp", "globex", "initech")) {
                print(db, "CALL cinch.backup_tenant('" + tenant + "', '" + tenant + ".db')");
            }
        }
    }

    private void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private void print(Connection db, String sql) throws SQLException {
        out.println("> " + sql);
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder("  ");
                for (int i = 1; i <= n; i++) {
                    row.append(i > 1 ? " | " : "").append(rs.getMetaData().getColumnLabel(i)).append('=').append(rs.getString(i));
                }
                out.println(row);
            }
        }
    }

    /** Makes {@code project} ready for a fresh run: marked as the demo's, without the project an earlier run left. */
    private static void prepare(Path project) throws IOException, SQLException {
        if (Files.exists(project) && !Files.isDirectory(project)) {
            throw new SQLException(project + " is a file; cinch demo needs a directory of its own", "42501");
        }
        if (Files.isDirectory(project) && !Files.exists(project.resolve(MARKER))) {
            try (Stream<Path> entries = Files.list(project)) {
                if (entries.findAny().isPresent()) {
                    throw new SQLException(project + " is not empty and was not made by cinch demo; it is left as it is: "
                            + "choose a new or empty directory", "42501");
                }
            }
        }
        Files.createDirectories(project);
        for (String made : MADE) {
            Path p = project.resolve(made);
            if (!made.equals(MARKER) && Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> all = Files.walk(p)) {
                    for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(q);
                    }
                }
            }
        }
        Files.writeString(project.resolve(MARKER), "made by cinch demo: a later run replaces the project in this directory\n");
    }
}
