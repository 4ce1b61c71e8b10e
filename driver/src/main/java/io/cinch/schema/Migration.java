package io.cinch.schema;

import io.cinch.sql.SqlState;
import io.cinch.sql.SqlStatement;
import io.cinch.store.Branch;
import io.cinch.store.Change;
import io.cinch.store.Handle;
import io.cinch.store.Metadata;
import io.cinch.store.Project;
import io.cinch.store.Tenant;
import io.cinch.store.TenantFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Applies schema changes to a branch as one all-or-nothing unit, under the metadata write lock.
 *
 * <p>Every change is first run on the branch's template, which finds errors of the schema itself. Changes that
 * cannot fail on data are then only recorded: each tenant's file catches up when it is next opened. A change that
 * can fail on data is run inside an open transaction on every tenant that has a file; only if all succeed is the
 * log committed (the commit point), and then the tenants' transactions. A crash after the log commit leaves tenants
 * whose transactions rolled back one version behind, with the same data, so they catch up without fail.
 */
public final class Migration {

    /** One change to apply: its SQL, and for a merged change the id, type and entity it keeps. */
    public record Step(String sql, String id, String type, String entity) {

        /** A new change from user SQL, typed by its statement. */
        public static Step of(String sql) {
            return new Step(sql, null, null, null);
        }
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
        return apply(v -> steps, null);
    }

    /**
     * Applies the steps that {@code plan} finds under the metadata write lock. An error of the schema itself is
     * reported with {@code schemaErrorState} when given (a merge reports conflicts so), else with its own state.
     */
    public List<Change> apply(Metadata.Work<List<Step>> plan, SqlState schemaErrorState) throws SQLException {
        Path templateFile = project.layout().template(branch.databaseId(), branch.id());
        List<Handle> held = new ArrayList<>();
        Handle template = project.files().borrow(templateFile, false, null);
        held.add(template);
        boolean committed = false;
        try {
            List<Change> recorded = project.metadata().write(v -> prepare(v, plan.run(v), schemaErrorState, template, held));
            committed = true;
            finish(held, recorded.isEmpty());
            return recorded;
        } finally {
            if (!committed) {
                finish(held, true);
            }
            for (Handle h : held) {
                project.files().release(h);
            }
        }
    }

    private List<Change> prepare(Metadata.View v, List<Step> steps, SqlState schemaErrorState, Handle template,
                                 List<Handle> held) throws SQLException {
        List<Change> log = v.changes(branch.id());
        int base = log.size();
        begin(template, log);
        List<Change> recorded = new ArrayList<>();
        boolean dataDependent = false;
        for (Step step : steps) {
            Ddl first = null;
            StringBuilder sql = new StringBuilder();
            for (SqlStatement statement : statements(step)) {
                Ddl ddl = Ddl.of(statement, template.jdbc());
                first = first == null ? ddl : first;
                dataDependent |= ddl.dataDependent();
                sql.append(sql.length() == 0 ? "" : ";\n").append(ddl.sql());
            }
            Map<String, String> before = objects(template.jdbc());
            try (Statement s = template.jdbc().createStatement()) {
                s.executeUpdate(sql.toString());
            } catch (SQLException e) {
                String context = "schema change refused (" + firstLine(sql.toString()) + ")";
                throw schemaErrorState == null ? SqlState.of(e, context) : schemaErrorState.exception(context + ": " + e.getMessage(), e);
            }
            Set<String> touched = diff(before, objects(template.jdbc()));
            if (touched.isEmpty() && step.id() == null) {
                continue;
            }
            recorded.add(new Change(base + recorded.size() + 1,
                    step.id() != null ? step.id() : UUID.randomUUID().toString(),
                    step.type() != null ? step.type() : first.type(),
                    step.entity() != null ? step.entity() : first.entity(),
                    touched, sql.toString(), TenantFiles.schemaHash(template.jdbc()), null));
        }
        if (recorded.isEmpty()) {
            return recorded;
        }
        int version = base + recorded.size();
        template.execute("PRAGMA user_version = " + version);
        if (dataDependent) {
            for (Tenant tenant : v.materializedTenants(branch.id())) {
                Handle h = project.files().borrow(project.layout().tenant(tenant), false, null);
                held.add(h);
                try {
                    begin(h, log);
                    TenantFiles.apply(h.jdbc(), recorded, version);
                } catch (SQLException e) {
                    throw SqlState.of(e, "schema change refused: it fails for tenant '" + tenant.name() + "'");
                }
            }
        }
        for (Change change : recorded) {
            v.appendChange(branch.id(), change);
        }
        return recorded;
    }

    /** Opens a write transaction on a file and brings it up to the log's version inside it. */
    private static void begin(Handle h, List<Change> log) throws SQLException {
        h.execute("BEGIN IMMEDIATE");
        int current = h.userVersion();
        if (current < log.size()) {
            TenantFiles.apply(h.jdbc(), log.subList(current, log.size()), log.size());
        }
    }

    private static void finish(List<Handle> held, boolean rollback) {
        for (Handle h : held) {
            try {
                h.execute(rollback ? "ROLLBACK" : "COMMIT");
            } catch (SQLException e) {
                // no transaction was open, or a commit failed after the log commit: the file catches up later
                h.markSessionChanged();
            }
        }
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
