package io.cinch.procedures;

import io.cinch.sql.MemoryResultSet;
import io.cinch.sql.MemoryResultSet.Column;
import io.cinch.sql.SqlState;
import io.cinch.store.Database;
import io.cinch.store.Project;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code cinch.create_database}, {@code delete_database} and {@code list_databases}. */
final class DatabaseProcedures {

    private DatabaseProcedures() {
    }

    static ResultSet create(Session session, Args args) throws SQLException {
        String name = args.name(0, "database");
        Project project = session.project();
        project.metadata().write(v -> {
            if (v.database(name).isPresent()) {
                throw SqlState.ALREADY_EXISTS.exception("database '" + name + "' already exists");
            }
            return project.tenantFiles().createDatabase(v, name);
        });
        return MemoryResultSet.of(Column.text("database")).row(name).build(session.owner());
    }

    static ResultSet delete(Session session, Args args) throws SQLException {
        String name = args.name(0, "database");
        if (name.equals("main")) {
            throw SqlState.NOT_ALLOWED.exception("database 'main' cannot be deleted");
        }
        session.checkUnlocked("delete a database");
        Project project = session.project();
        project.metadata().write(v -> {
            Database db = v.database(name).orElseThrow(() -> SqlState.CANNOT_CONNECT.exception("unknown database '" + name + "'"));
            v.deleteDatabase(db.id());
            v.doom(project.layout().database(db.id()));
            return null;
        });
        project.tenantFiles().deleteDoomed();
        return MemoryResultSet.of(Column.text("database")).row(name).build(session.owner());
    }

    static ResultSet list(Session session, Args args) throws SQLException {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.text("name"), Column.text("created_at"));
        for (Database db : session.project().metadata().read(v -> v.databases())) {
            out.row(db.name(), db.createdAt());
        }
        return out.build(session.owner());
    }
}
