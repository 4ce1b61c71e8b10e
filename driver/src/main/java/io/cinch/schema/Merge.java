package io.cinch.schema;

import io.cinch.sql.SqlState;
import io.cinch.sql.SqlStatement;
import io.cinch.store.Branch;
import io.cinch.store.Change;
import io.cinch.store.Metadata;
import io.cinch.store.Project;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Merges one branch's schema into another, git-style: the source's changes that the target lacks are applied to
 * the target in order, as one all-or-nothing migration. A fast-forward when the target has no changes of its own;
 * otherwise a three-way merge, refused when both sides touched the same table, index, view or trigger.
 */
public final class Merge {

    /** What a merge did. */
    public record Result(String source, String target, String mergeType, int changesMerged, int tenantsUpdated) {
    }

    /** What the merge would do, computed from both logs. */
    record Plan(List<Change> incoming, List<Change> own) {

        String mergeType() {
            return own.isEmpty() ? "fast_forward" : "three_way";
        }
    }

    private Merge() {
    }

    /** The changes a merge of {@code source} into {@code target} would apply, oldest first; nothing is changed. */
    public static List<Change> preview(Project project, Branch source, Branch target) throws SQLException {
        return project.metadata().read(v -> plan(v, source, target, false).incoming());
    }

    /** Merges {@code source} into {@code target}. */
    public static Result merge(Project project, Branch source, Branch target) throws SQLException {
        Plan[] plan = new Plan[1];
        int[] tenants = new int[1];
        List<Change> merged = new Migration(project, target).apply(v -> {
            plan[0] = plan(v, source, target, true);
            tenants[0] = v.tenantCount(target.id());
            return plan[0].incoming().stream()
                    .map(c -> new Migration.Step(c.sql(), c.id(), c.type(), c.entity()))
                    .toList();
        }, SqlState.MERGE_REFUSED, null);
        return new Result(source.name(), target.name(), plan[0].mergeType(), merged.size(), tenants[0]);
    }

    /**
     * Tables that one side drops or renames while the other side adds or changes an index or trigger on them: the
     * merge would silently lose the other side's work.
     */
    private static Set<String> removedUnder(List<Change> removing, List<Change> adding) {
        Set<String> removed = removing.stream().filter(c -> c.type().equals("drop_table") || c.type().equals("rename_table"))
                .map(Change::entity).collect(Collectors.toSet());
        Set<String> out = new TreeSet<>();
        for (Change c : adding) {
            String table = tableOf(c);
            if (table != null && removed.contains(table)) {
                out.add(table);
            }
        }
        return out;
    }

    /** The table an index or trigger change is on, or null for other changes. */
    private static String tableOf(Change change) {
        if (!change.type().equals("create_index") && !change.type().equals("create_trigger")) {
            return null;
        }
        for (SqlStatement statement : SqlStatement.parse(change.sql())) {
            int on = statement.find("on", 0);
            if (on >= 0 && on + 1 < statement.tokens().size() && statement.tokens().get(on + 1).isName()) {
                return statement.tokens().get(on + 1).name();
            }
        }
        return null;
    }

    private static Plan plan(Metadata.View v, Branch source, Branch target, boolean refuseEmpty) throws SQLException {
        if (source.id() == target.id()) {
            throw SqlState.MERGE_REFUSED.exception("cannot merge branch '" + source.name() + "' into itself");
        }
        List<Change> sourceLog = v.changes(source.id());
        List<Change> targetLog = v.changes(target.id());
        Set<String> inTarget = targetLog.stream().map(Change::id).collect(Collectors.toSet());
        Set<String> inSource = sourceLog.stream().map(Change::id).collect(Collectors.toSet());
        List<Change> incoming = sourceLog.stream().filter(c -> !inTarget.contains(c.id())).toList();
        List<Change> own = targetLog.stream().filter(c -> !inSource.contains(c.id())).toList();
        if (incoming.isEmpty() && refuseEmpty) {
            throw SqlState.MERGE_REFUSED.exception("nothing to merge: branch '" + target.name()
                    + "' already has every change of '" + source.name() + "'");
        }
        Set<String> conflicts = new TreeSet<>();
        Set<String> touchedByTarget = own.stream().flatMap(c -> c.touches().stream()).collect(Collectors.toSet());
        incoming.forEach(c -> c.touches().stream().filter(touchedByTarget::contains).forEach(conflicts::add));
        conflicts.addAll(removedUnder(incoming, own));
        conflicts.addAll(removedUnder(own, incoming));
        if (!conflicts.isEmpty()) {
            throw SqlState.MERGE_REFUSED.exception("merge conflict: '" + source.name() + "' and '" + target.name()
                    + "' both changed " + String.join(", ", conflicts));
        }
        return new Plan(incoming, own);
    }
}
