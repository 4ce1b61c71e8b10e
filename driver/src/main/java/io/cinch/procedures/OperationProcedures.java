package io.cinch.procedures;

import io.cinch.progress.Operation;
import io.cinch.progress.Progress;
import io.cinch.sql.MemoryResultSet;
import io.cinch.sql.MemoryResultSet.Column;
import java.sql.ResultSet;

/** {@code cinch.list_operations}: the long work running in this JVM, with its progress. */
final class OperationProcedures {

    private OperationProcedures() {
    }

    static ResultSet list(Session session, Args args) {
        MemoryResultSet.Builder out = MemoryResultSet.of(Column.integer("id"), Column.text("kind"), Column.text("subject"),
                Column.integer("done"), Column.integer("total"), Column.text("started_at"), Column.integer("eta_ms"));
        for (Operation.Status s : Progress.running()) {
            out.row(s.id(), s.kind(), s.subject(), s.done(), s.total(), s.startedAt().toString(),
                    s.eta() == null ? null : s.eta().toMillis());
        }
        return out.build(session.owner());
    }
}
