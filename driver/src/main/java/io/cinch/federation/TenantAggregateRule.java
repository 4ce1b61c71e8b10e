package io.cinch.federation;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Pushes an aggregate into a tenant scan: whole when grouped by {@code _tenant} (no group spans tenants),
 * else as a partial aggregate per tenant finished above the scan.
 */
final class TenantAggregateRule extends RelOptRule {
    private static final Set<SqlKind> KINDS = EnumSet.of(SqlKind.COUNT, SqlKind.SUM, SqlKind.SUM0, SqlKind.MIN, SqlKind.MAX, SqlKind.AVG);

    @SuppressWarnings("deprecation")
    TenantAggregateRule() {
        super(operand(LogicalAggregate.class, Convention.NONE, some(operand(TenantScan.class, Convention.NONE, none()))), "TenantAggregateRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Aggregate agg = call.rel(0);
        TenantScan scan = call.rel(1);
        Pushdown p = scan.pushdown.settled();
        if (p.partial || agg.getGroupType() != Aggregate.Group.SIMPLE) {
            return;
        }
        for (AggregateCall c : agg.getAggCallList()) {
            if (!KINDS.contains(c.getAggregation().getKind()) || c.isApproximate() || !c.rexList.isEmpty()
                    || !c.getCollation().getFieldCollations().isEmpty() || c.distinctKeys != null
                    || c.getArgList().stream().anyMatch(a -> p.outputs.get(a) == Pushdown.TENANT)
                    || c.filterArg >= 0 && p.outputs.get(c.filterArg) == Pushdown.TENANT) {
                return;
            }
        }
        boolean byTenant = agg.getGroupSet().asList().stream().anyMatch(g -> p.outputs.get(g) == Pushdown.TENANT);
        RelNode result = byTenant ? whole(agg, scan) : agg.getAggCallList().stream().anyMatch(AggregateCall::isDistinct)
                ? distinct(agg, scan) : partial(agg, scan);
        if (result != null) {
            call.transformTo(result);
        }
    }

    /** Grouped by {@code _tenant}: each tenant computes its groups completely. */
    private static RelNode whole(Aggregate agg, TenantScan scan) {
        Pushdown p = scan.pushdown.settled();
        ImmutableBitSet localGroup = localBits(p, agg.getGroupSet());
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall c : agg.getAggCallList()) {
            calls.add(remap(c, c.getAggregation(), p, localGroup.cardinality()));
        }
        int guard = -1;
        if (localGroup.isEmpty()) {
            // Without GROUP BY, SQLite returns one row even for an empty table; that tenant must yield no group.
            for (int i = 0; i < calls.size() && guard < 0; i++) {
                AggregateCall c = calls.get(i);
                if (c.getAggregation().getKind() == SqlKind.COUNT && c.getArgList().isEmpty() && c.filterArg < 0 && !c.isDistinct()) {
                    guard = i;
                }
            }
            if (guard < 0) {
                calls.add(AggregateCall.create(SqlStdOperatorTable.COUNT, false, false, false, List.of(), List.of(), -1, null,
                        org.apache.calcite.rel.RelCollations.EMPTY, 0, p.local, null, "_rows"));
                guard = calls.size() - 1;
            }
        }
        RelNode local = LogicalAggregate.create(p.local, List.of(), localGroup, null, calls);
        List<Integer> outputs = new ArrayList<>();
        for (int g : agg.getGroupSet()) {
            int target = p.outputs.get(g);
            outputs.add(target == Pushdown.TENANT ? Pushdown.TENANT : localGroup.indexOf(target));
        }
        for (int i = 0; i < agg.getAggCallList().size(); i++) {
            outputs.add(localGroup.cardinality() + i);
        }
        return scan.push(p.with(local, outputs, false).withGuard(guard), agg.getRowType());
    }

    /** Not grouped by {@code _tenant}: per-tenant partial aggregates, merged above the scan. */
    private static RelNode partial(Aggregate agg, TenantScan scan) {
        Pushdown p = scan.pushdown.settled();
        ImmutableBitSet localGroup = localBits(p, agg.getGroupSet());
        if (localGroup.cardinality() != agg.getGroupCount()) {
            return null; // two group keys on one column: not worth the bookkeeping
        }
        int k = localGroup.cardinality();
        List<AggregateCall> partials = new ArrayList<>();
        List<SqlAggFunction> merges = new ArrayList<>();
        for (AggregateCall c : agg.getAggCallList()) {
            switch (c.getAggregation().getKind()) {
                case COUNT -> { partials.add(remap(c, SqlStdOperatorTable.COUNT, p, k)); merges.add(SqlStdOperatorTable.SUM0); }
                case SUM0 -> { partials.add(remap(c, SqlStdOperatorTable.SUM0, p, k)); merges.add(SqlStdOperatorTable.SUM0); }
                case AVG -> {
                    partials.add(remap(c, SqlStdOperatorTable.SUM, p, k));
                    merges.add(SqlStdOperatorTable.SUM);
                    partials.add(remap(c, SqlStdOperatorTable.COUNT, p, k));
                    merges.add(SqlStdOperatorTable.SUM0);
                }
                default -> { partials.add(remap(c, c.getAggregation(), p, k)); merges.add(c.getAggregation()); }
            }
        }
        RelNode local = LogicalAggregate.create(p.local, List.of(), localGroup, null, partials);
        TenantScan newScan = scan.push(p.with(local, identity(local.getRowType().getFieldCount()), true), local.getRowType());
        List<AggregateCall> finals = new ArrayList<>();
        for (int i = 0; i < partials.size(); i++) {
            finals.add(AggregateCall.create(merges.get(i), false, false, false, List.of(), List.of(k + i), -1, null,
                    org.apache.calcite.rel.RelCollations.EMPTY, k, newScan, null, partials.get(i).getName()));
        }
        RelNode merged = LogicalAggregate.create(newScan, List.of(), ImmutableBitSet.range(k), null, finals);
        RexBuilder rex = agg.getCluster().getRexBuilder();
        List<RexNode> exprs = new ArrayList<>();
        for (int g : agg.getGroupSet()) {
            exprs.add(RexInputRef.of(localGroup.indexOf(p.outputs.get(g)), merged.getRowType()));
        }
        int j = k;
        for (AggregateCall c : agg.getAggCallList()) {
            RexNode e;
            if (c.getAggregation().getKind() == SqlKind.AVG) {
                RexNode sum = RexInputRef.of(j++, merged.getRowType());
                RexNode count = RexInputRef.of(j++, merged.getRowType());
                var dbl = agg.getCluster().getTypeFactory().createSqlType(SqlTypeName.DOUBLE);
                e = rex.makeCall(SqlStdOperatorTable.CASE,
                        rex.makeCall(SqlStdOperatorTable.EQUALS, count, rex.makeExactLiteral(BigDecimal.ZERO)),
                        rex.makeNullLiteral(c.getType()),
                        rex.makeCall(SqlStdOperatorTable.DIVIDE, rex.makeCast(dbl, sum), rex.makeCast(dbl, count)));
            } else {
                e = RexInputRef.of(j++, merged.getRowType());
            }
            exprs.add(rex.ensureType(c.getType(), e, true));
        }
        return LogicalProject.create(merged, List.of(), exprs, agg.getRowType(), Set.of());
    }

    /** DISTINCT aggregates not grouped by tenant: each tenant de-duplicates (keys, arguments); the aggregate stays above. */
    private static RelNode distinct(Aggregate agg, TenantScan scan) {
        Pushdown p = scan.pushdown.settled();
        for (AggregateCall c : agg.getAggCallList()) {
            SqlKind kind = c.getAggregation().getKind();
            if (c.filterArg >= 0 || !(c.isDistinct() || kind == SqlKind.MIN || kind == SqlKind.MAX)) {
                return null; // e.g. COUNT(*) next to COUNT(DISTINCT x): duplicates matter
            }
        }
        ImmutableBitSet scanFields = agg.getGroupSet().union(ImmutableBitSet.of(
                agg.getAggCallList().stream().flatMap(c -> c.getArgList().stream()).toList()));
        ImmutableBitSet localAll = localBits(p, scanFields);
        if (localAll.cardinality() != scanFields.cardinality()) {
            return null;
        }
        RelNode local = LogicalAggregate.create(p.local, List.of(), localAll, null, List.of());
        TenantScan newScan = scan.push(p.with(local, identity(localAll.cardinality()), true), local.getRowType());
        List<Integer> map = new ArrayList<>();
        for (int f = 0; f < scan.getRowType().getFieldCount(); f++) {
            int target = p.outputs.get(f);
            map.add(scanFields.get(f) ? localAll.indexOf(target) : -1);
        }
        ImmutableBitSet group = ImmutableBitSet.of(agg.getGroupSet().asList().stream().map(map::get).toList());
        List<AggregateCall> calls = new ArrayList<>();
        for (AggregateCall c : agg.getAggCallList()) {
            calls.add(AggregateCall.create(c.getAggregation(), c.isDistinct(), false, c.ignoreNulls(), List.of(),
                    c.getArgList().stream().map(map::get).toList(), -1, null, c.getCollation(), group.cardinality(), newScan,
                    null, c.getName()));
        }
        RelNode merged = LogicalAggregate.create(newScan, List.of(), group, null, calls);
        RexBuilder rex = agg.getCluster().getRexBuilder();
        List<RexNode> exprs = new ArrayList<>();
        for (int g : agg.getGroupSet()) {
            exprs.add(RexInputRef.of(group.indexOf(map.get(g)), merged.getRowType()));
        }
        for (int i = 0; i < calls.size(); i++) {
            exprs.add(rex.ensureType(agg.getAggCallList().get(i).getType(), RexInputRef.of(group.cardinality() + i, merged.getRowType()), true));
        }
        return LogicalProject.create(merged, List.of(), exprs, agg.getRowType(), Set.of());
    }

    private static ImmutableBitSet localBits(Pushdown p, ImmutableBitSet scanFields) {
        ImmutableBitSet.Builder b = ImmutableBitSet.builder();
        for (int f : scanFields) {
            if (p.outputs.get(f) != Pushdown.TENANT) {
                b.set(p.outputs.get(f));
            }
        }
        return b.build();
    }

    private static AggregateCall remap(AggregateCall c, SqlAggFunction fn, Pushdown p, int groupCount) {
        List<Integer> args = c.getArgList().stream().map(p.outputs::get).toList();
        int filter = c.filterArg < 0 ? -1 : p.outputs.get(c.filterArg);
        boolean distinct = c.isDistinct() && fn == c.getAggregation();
        return AggregateCall.create(fn, distinct, false, c.ignoreNulls(), List.of(), args, filter, null,
                c.getCollation(), groupCount, p.local, null, c.getName());
    }

    private static List<Integer> identity(int n) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(i);
        }
        return list;
    }
}
