package io.cinch.jdbc;

import static io.cinch.Projects.open;
import static io.cinch.Projects.rows;
import static io.cinch.Projects.run;
import static io.cinch.Projects.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeTest {

    @TempDir
    Path dir;

    static String state(ThrowingRunnable r) {
        try {
            r.run();
            return "ok";
        } catch (SQLException e) {
            return e.getSQLState() + " " + e.getMessage();
        }
    }

    interface ThrowingRunnable {
        void run() throws SQLException;
    }

    @Test
    void many() throws Exception {
        Path pm = dir.resolve("pm");
        try (Connection c = open(pm)) {
            run(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            run(c, "CALL cinch.create_tenant('a')", "CALL cinch.create_tenant('b')");
            System.out.println(rows(c, "CALL cinch.list_tenants()"));
            System.out.println("lazy read b: " + rows(c, "SELECT * FROM b.t"));
            System.out.println("files: " + listFiles(pm));
            run(c, "INSERT INTO a.t(v) VALUES ('x'), ('x')");
            System.out.println("a rows: " + rows(c, "SELECT * FROM a.t") + rows(c, "CALL cinch.list_tenants()"));
            run(c, "ALTER TABLE t ADD COLUMN w TEXT");
            System.out.println("a after alter: " + rows(c, "SELECT * FROM a.t")+ rows(c, "CALL cinch.list_tenants()"));
            System.out.println("unique: " + state(() -> run(c, "CREATE UNIQUE INDEX ux ON t(v)")));
            System.out.println(rows(c, "CALL cinch.list_changes()"));
            System.out.println("attach: " + state(() -> run(c, "ATTACH DATABASE '/tmp/x.db' AS x")));
            System.out.println("pragma: " + state(() -> run(c, "PRAGMA journal_mode=DELETE")));
            System.out.println("bad name: " + state(() -> run(c, "CALL cinch.create_tenant('Bad')")));
            System.out.println("dup: " + state(() -> run(c, "CALL cinch.create_tenant('a')")));
            System.out.println("unknown: " + state(() -> c.setSchema("zzz")));
            System.out.println("syntax: " + state(() -> run(c, "SELEC 1")));
            System.out.println("notable: " + state(() -> run(c, "SELECT * FROM nope")));
            System.out.println("del main: " + state(() -> run(c, "CALL cinch.delete_tenant('main')")));
            System.out.println("argc: " + state(() -> run(c, "CALL cinch.create_tenant()")));
            System.out.println("argtype: " + state(() -> run(c, "CALL cinch.create_tenant(1)")));
            System.out.println("backup: " + rows(c, "CALL cinch.backup_tenant('a', 'a1.db')"));
            run(c, "INSERT INTO a.t(v) VALUES ('y')");
            System.out.println("restore: " + rows(c, "CALL cinch.restore_tenant('a', 'a1.db')"));
            System.out.println("a after restore: " + rows(c, "SELECT v FROM a.t"));
            System.out.println("copy: " + rows(c, "CALL cinch.copy_tenant('a', 'c')"));
            System.out.println("rename: " + rows(c, "CALL cinch.rename_tenant('c', 'd')"));
            System.out.println("d: " + rows(c, "SELECT v FROM d.t"));
            System.out.println("branch: " + rows(c, "CALL cinch.create_branch('f')"));
            run(c, "CALL cinch.switch_branch('f')");
            run(c, "CREATE TABLE u(x)");
            System.out.println("preview: " + rows(c, "CALL cinch.preview_merge('f')"));
            System.out.println("merge: " + rows(c, "CALL cinch.merge_into_main()"));
            System.out.println("merge again: " + state(() -> run(c, "CALL cinch.merge_into_main()")));
            run(c, "CALL cinch.switch_branch('main')");
            System.out.println("main u: " + rows(c, "SELECT * FROM u"));
            System.out.println("delete d: " + rows(c, "CALL cinch.delete_tenant('d')"));
            System.out.println("branches: " + rows(c, "CALL cinch.list_branches()"));
            System.out.println("dbs: " + rows(c, "CALL cinch.list_databases()"));
            System.out.println("files: " + listFiles(pm));
        }
    }

    static String listFiles(Path p) throws Exception {
        try (var s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).map(x -> p.relativize(x).toString()).sorted().toList().toString();
        }
    }
}
