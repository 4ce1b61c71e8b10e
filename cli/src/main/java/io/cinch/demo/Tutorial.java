package io.cinch.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
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

    private final String url;
    private final PrintStream out;

    Tutorial(Path project, PrintStream out) {
        this.url = "jdbc:cinch:" + project + "?database=project_manager";
        this.out = out;
    }

    /** Runs the tutorial in {@code args[0]} (default {@code target/tutorial-pm}), starting from an empty project. */
    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : "target/tutorial-pm");
        deleteProject(project);
        new Tutorial(project, System.out).run();
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

    private static void deleteProject(Path project) throws IOException {
        if (!Files.exists(project)) {
            return;
        }
        if (!Files.exists(project.resolve("cinch.db"))) {
            throw new IOException(project + " exists and is not a cinch project; choose another directory");
        }
        try (Stream<Path> all = Files.walk(project)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
