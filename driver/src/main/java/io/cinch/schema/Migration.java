package io.cinch.schema;

import io.cinch.sql.SqlState;
import io.cinch.sql.SqlStatement;
import io.cinch.store.Branch;
import io.cinch.store.Change;
import io.cinch.store.PendingChange;
import io.cinch.store.SchemaLock;
import io.cinch.store.Metadata;
import io.cinch.store.Project;
import io.cinch.store.Tenant;
import io.cinch.store.TenantFiles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.sqlite.SQLiteConnection;

/**
 * Applies schema changes to a branch as one all-or-nothing unit, holding the branch's {@link SchemaLock}.
 *
 * <p>Every change is first run on the branch's template, in a transaction, which finds errors of the schema itself.
 * A change that cannot fail on data is then recorded in the log, and a background {@link io.cinch.store.CatchUp}
 * brings the materialized files up to it. A change that can fail on data (or that commits with a transaction's data
 * on its origin tenant) is first recorded as pending: writers then check their writes against it, and it is tried
 * on every materialized tenant, one file at a time, each in a transaction that is rolled back, so that the number of
 * open files stays bounded. If every tenant takes it and no writer broke it, it moves into the log (the commit
 * point); else nothing changed anywhere. A crash before the commit point leaves the pending record, which the next
 * open forgets (or, when the origin's transaction committed, completes).
 */
public final class Migration {

    /** One change to apply: its SQL, and for a merged change the id, type and entity it keeps. */
    public record Step(String sql, String id, String type, String entity) {

        /** A new change from user SQL, typed by its statement. */
        public static Step of(String sql) {
            return new Step(sql, null, null, null);
        }
    }

    /** A tenant connection whose open transaction already holds the changes, and commits with them. */
    public interface Origin {

        /** The tenant whose transaction it is. */
        Tenant tenant();

        /** Records {@code version} in the tenant's file and commits its transaction. */
        void commit(int version) throws SQLException;
    }

    private final Project project;
    private final Branch branch;

    /** A migration of {@code branch}. */
    public Migration(Project project, Branch branch) {
        this.project = project;
        this.branch = branch;
    }

    /**
     * Applies {@code steps} in order and returns the changes recorded. A step that changes nothing (such as
     * {@code CREATE TABLE IF NOT EXISTS} of an existing table) is not recorded, unless it comes from a merge.
     */
    public List<Change> apply(List<Step> steps) throws SQLException {
        return apply(v -> steps, null, null);
    }

    /**
     * Applies the steps that {@code plan} finds in the metadata, as one change committed together with
     * {@code origin}'s transaction when it is given. An error of the schema itself is reported with
     * {@code schemaErrorState} when given (a merge reports conflicts so), else with its own state.
     */
    public List<Change> apply(Metadata.Work<List<Step>> plan, SqlState schemaErrorState, Origin origin)
            throws SQLException {
        SchemaLock lock = project.schemaLock(branch);
        Object owner = origin != null ? origin : this;
        lock.acquire(owner);
        try (SQLiteConnection template = TenantFiles.writable(project.layout().template(branch.databaseId(), branch.id()))) {
            List<Change> log = project.metadata().read(v -> v.changes(branch.id()));
            List<Step> steps = project.metadata().read(plan);
            template.getDatabase()._exec("BEGIN IMMEDIATE");
            boolean ended = false;
            try {
                List<Change> recorded = run(template, log, steps, schemaErrorState);
                commit(template, log, recorded, origin);
                ended = true;
                return recorded;
            } finally {
                if (!ended) {
                    rollback(template);
                }
            }
        } finally {
            lock.release(owner);
        }
    }

    /** Runs the steps on the template (inside its transaction) and returns the changes they make. */
    private List<Change> run(SQLiteConnection template, List<Change> log, List<Step> steps, SqlState schemaErrorState)
            throws SQLException {
        int current = TenantFiles.userVersion(template);
        if (current < log.size()) {
            TenantFiles.apply(template, log.subList(current, log.size()), log.size());
        }
        List<Change> recorded = new ArrayList<>();
        dataDependent = false;
        for (Step step : steps) {
            Ddl first = null;
            StringBuilder sql = new StringBuilder();
            for (SqlStatement statement : statements(step)) {
                Ddl ddl = Ddl.of(statement, template);
                first = first == null ? ddl : first;
                dataDependent |= ddl.dataDependent();
                sql.append(sql.length() == 0 ? "" : ";\n").append(ddl.sql());
            }
            Map<String, String> before = objects(template);
            try (Statement s = template.createStatement()) {
                s.executeUpdate(sql.toString());
            } catch (SQLException e) {
                String context = "schema change refused (" + firstLine(sql.toString()) + ")";
                throw schemaErrorState == null ? SqlState.of(e, context) : schemaErrorState.exception(context + ": " + e.getMessage(), e);
            }
            Set<String> touched = diff(before, objects(template));
            if (touched.isEmpty() && step.id() == null) {
                continue;
            }
            recorded.add(new Change(log.size() + recorded.size() + 1,
                    step.id() != null ? step.id() : UUID.randomUUID().toString(),
                    step.type() != null ? step.type() : first.type(),
                    step.entity() != null ? step.entity() : first.entity(),
                    touched, sql.toString(), TenantFiles.schemaHash(template), null));
        }
        return recorded;
    }

    private boolean dataDependent;

    /** Commits the recorded changes: straight into the log, or through a pending record tried on every tenant. */
    private void commit(SQLiteConnection template, List<Change> log, List<Change> recorded, Origin origin)
            throws SQLException {
        int version = log.size() + recorded.size();
        if (recorded.isEmpty()) {
            template.getDatabase()._exec("ROLLBACK");
            if (origin != null) {
                origin.commit(log.size());
            }
            return;
        }
        try (Statement s = template.createStatement()) {
            s.executeUpdate("PRAGMA user_version = " + version);
        }
        if (!dataDependent && origin == null) {
            project.metadata().write(v -> {
                for (Change change : recorded) {
                    v.appendChange(branch.id(), change);
                }
                return null;
            });
        } else {
            commitThroughPending(log, recorded, origin);
        }
        template.getDatabase()._exec("COMMIT");
        project.catchUp().schedule(branch, version);
    }

    private void commitThroughPending(List<Change> log, List<Change> recorded, Origin origin) throws SQLException {
        Long originId = origin == null ? null : origin.tenant().id();
        project.metadata().write(v -> {
            v.insertPending(branch.id(), recorded, originId);
            return null;
        });
        boolean originCommitted = false;
        try {
            if (dataDependent) {
                new TenantCheck(project, branch, log, recorded, originId).run();
            }
            project.metadata().write(v -> {
                if (!v.sealPending(branch.id())) {
                    throw failure(v.pending(branch.id()).orElse(null));
                }
                return null;
            });
            if (origin != null) {
                origin.commit(log.size() + recorded.size());
                originCommitted = true;
            }
            project.metadata().write(v -> {
                v.commitPending(branch.id());
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            if (!originCommitted) {
                try {
                    project.metadata().write(v -> {
                        v.deletePending(branch.id());
                        return null;
                    });
                } catch (SQLException cleanup) {
                    e.addSuppressed(cleanup); // the next open forgets it
                }
            }
            throw e;
        }
    }

    private static void rollback(SQLiteConnection c) {
        try {
            c.getDatabase()._exec("ROLLBACK");
        } catch (SQLException e) {
            // no transaction was open any more
        }
    }

    /** The error of pending changes that a writer's data broke. */
    private static SQLException failure(PendingChange pending) {
        if (pending == null || pending.failedState() == null) {
            return SqlState.INTERNAL_ERROR.exception("the schema change's pending record disappeared");
        }
        return pending.failedState().startsWith("23")
                ? new SQLIntegrityConstraintViolationException(pending.failedMessage(), pending.failedState(), 19)
                : new SQLException(pending.failedMessage(), pending.failedState());
    }

    /** The statements of a step: user SQL must be one schema statement; a recorded change may hold several. */
    private static List<SqlStatement> statements(Step step) throws SQLException {
        List<SqlStatement> statements = SqlStatement.parse(step.sql());
        if (statements.isEmpty() || (step.type() == null && statements.size() != 1)) {
            throw SqlState.SYNTAX_ERROR.exception("one schema statement at a time: " + step.sql());
        }
        for (SqlStatement statement : statements) {
            if (statement.kind() != SqlStatement.Kind.DDL) {
                throw SqlState.SYNTAX_ERROR.exception("not a schema statement: " + statement.text());
            }
        }
        return statements;
    }

    /** The schema's objects, name to SQL. */
    static Map<String, String> objects(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT lower(name), type || ':' || coalesce(sql, '') FROM sqlite_master "
                     + "WHERE name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** Names of objects added, removed or altered between two states of a schema. */
    static Set<String> diff(Map<String, String> before, Map<String, String> after) {
        Set<String> touched = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!Objects.equals(e.getValue(), after.get(e.getKey()))) {
                touched.add(e.getKey());
            }
        }
        for (String name : after.keySet()) {
            if (!before.containsKey(name)) {
                touched.add(name);
            }
        }
        return touched;
    }

    private static String firstLine(String sql) {
        int eol = sql.indexOf('\n');
        return eol < 0 ? sql : sql.substring(0, eol) + " ...";
    }
}
