package io.cinch.cli;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the project's options, connections, one statement run and printed. */
abstract class Subcommand {

    @Spec
    CommandSpec spec;

    Cinch cinch() {
        return (Cinch) spec.root().userObject();
    }

    /** Runs {@code sql} with {@code args} on tenant {@code main} of the target branch and prints what it returns. */
    int call(String sql, Object... args) throws SQLException, IOException {
        try (Connection db = cinch().connect("main")) {
            print(db, sql, args);
        }
        return 0;
    }

    /** Runs {@code sql} with {@code args} on {@code db} and prints its rows, or its update count. */
    void print(Connection db, String sql, Object... args) throws SQLException, IOException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            if (ps.execute()) {
                print(Output.Rows.of(ps.getResultSet(), 0));
            } else {
                print(Output.Rows.single(List.of("rows"), (long) ps.getUpdateCount()));
            }
        }
    }

    void print(Output.Rows rows) throws IOException {
        cinch().output().print(rows);
    }

    /** {@code identifier} as a quoted SQL identifier. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
