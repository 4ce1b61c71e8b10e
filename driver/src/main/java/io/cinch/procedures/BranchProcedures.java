package io.cinch.procedures;

import io.cinch.schema.Branches;
import io.cinch.schema.Merge;
import io.cinch.schema.Migration;
import io.cinch.schema.TableSpec;
import io.cinch.sql.MemoryResultSet;
import io.cinch.sql.MemoryResultSet.Column;
import io.cinch.store.Branch;
import io.cinch.store.Change;
import io.cinch.store.Database;
import io.cinch.store.Project;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** The branch procedures: create, delete, list, switch, changes, merges, and create_table. */
final class BranchProcedures {

    private BranchProcedures() {
    }

    static ResultSet create(Session session, Args args) throws SQLException {
        String name = args.name(0, "branch");
        String sourceName = args.name(1, "branch", session.branch().name());
        Project project = session.project();
        Database db = session.database();
        Branch source = project.branch(db, sourceName);
        Branches.create(project, db, name, source);
        return MemoryResultSet.of(Column.text("branch"), Column.text("source")).row(name, sourceName).build(session.owner());
    }

    static ResultSet delete(Session session, Args args) throws SQLException {
        String name = args.name(0, "branch");
        session.checkUnlocked("delete a branch");
        Project project = session.project();
        Branches.delete(project, project.branch(session.database(), name));
        return MemoryResultSet.of(Column.text("branch")).row(name).build(session.owner());
    }

    static ResultSet list(Session session, Args args) throws SQLException {
        Database db = session.database();
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("name"), Column.text("source"), Column.text("created_at"));
        for (Branch b : session.project().metadata().read(v -> v.branches(db.id()))) {
            out.row(b.name(), b.source(), b.createdAt());
        }
        return out.build(session.owner());
    }

    static ResultSet switchTo(Session session, Args args) throws SQLException {
        String name = args.name(0, "branch");
        session.switchBranch(name);
        return MemoryResultSet.of(Column.text("branch")).row(name).build(session.owner());
    }

    static ResultSet changes(Session session, Args args) throws SQLException {
        Branch branch = branch(session, args, 0, session.branch().name());
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.integer("seq"), Column.text("type"), Column.text("entity"),
                Column.text("sql"), Column.text("created_at"));
        for (Change c : session.project().metadata().read(v -> v.changes(branch.id()))) {
            out.row((long) c.seq(), c.type(), c.entity(), c.sql(), c.createdAt());
        }
        return out.build(session.owner());
    }

    static ResultSet preview(Session session, Args args) throws SQLException {
        Branch source = branch(session, args, 0, null);
        Branch target = branch(session, args, 1, "main");
        List<Change> incoming = Merge.preview(session.project(), source, target);
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.integer("seq"), Column.text("type"), Column.text("entity"),
                Column.text("sql"));
        for (Change c : incoming) {
            out.row((long) c.seq(), c.type(), c.entity(), c.sql());
        }
        return out.build(session.owner());
    }

    static ResultSet merge(Session session, Args args) throws SQLException {
        return merged(session, branch(session, args, 0, null), branch(session, args, 1, "main"));
    }

    static ResultSet mergeIntoMain(Session session, Args args) throws SQLException {
        return merged(session, session.branch(), session.project().branch(session.database(), "main"));
    }

    static ResultSet createTable(Session session, Args args) throws SQLException {
        TableSpec spec = TableSpec.parse(args.text(0, "a table name"), args.text(1, "a column list"));
        session.changeSchema(new Migration.Step(spec.sql(), null, "create_table", spec.table().toLowerCase(Locale.ROOT)));
        return MemoryResultSet.of(Column.text("table")).row(spec.table()).build(session.owner());
    }

    private static ResultSet merged(Session session, Branch source, Branch target) throws SQLException {
        Merge.Result r = Merge.merge(session.project(), source, target);
        return MemoryResultSet.of(Column.text("source"), Column.text("target"), Column.text("merge_type"),
                        Column.integer("changes_merged"), Column.integer("tenants_updated"))
                .row(r.source(), r.target(), r.mergeType(), (long) r.changesMerged(), (long) r.tenantsUpdated())
                .build(session.owner());
    }

    private static Branch branch(Session session, Args args, int i, String fallback) throws SQLException {
        return session.project().branch(session.database(), args.name(i, "branch", fallback));
    }
}
