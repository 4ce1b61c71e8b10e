package io.cinch.federation;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Pushes a projection into a tenant scan: whole if SQLite can compute it, else just the columns it needs. */
final class TenantProjectRule extends RelOptRule {
    @SuppressWarnings("deprecation")
    TenantProjectRule() {
        super(operand(LogicalProject.class, Convention.NONE, some(operand(TenantScan.class, Convention.NONE, none()))), "TenantProjectRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalProject project = call.rel(0);
        TenantScan scan = call.rel(1);
        Pushdown p = scan.pushdown.settled();
        List<RexNode> localExprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        boolean whole = true;
        for (int i = 0; i < project.getProjects().size(); i++) {
            RexNode e = project.getProjects().get(i);
            if (e instanceof RexInputRef ref && p.outputs.get(ref.getIndex()) == Pushdown.TENANT) {
                outputs.add(Pushdown.TENANT);
                continue;
            }
            RexNode local = p.toLocal(e);
            if (local == null || !PushableRex.checkOutput(local)) {
                whole = false;
                break;
            }
            outputs.add(add(localExprs, names, local, project.getRowType().getFieldNames().get(i)));
        }
        if (whole) {
            call.transformTo(scan.push(p.with(localProject(p, localExprs, names), outputs, p.partial), project.getRowType()));
            return;
        }
        pruneColumns(call, project, scan, p);
    }

    /** Keeps the projection above the scan but reads only the columns it uses. */
    private static void pruneColumns(RelOptRuleCall call, LogicalProject project, TenantScan scan, Pushdown p) {
        ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
        if (used.isEmpty() || used.cardinality() == scan.getRowType().getFieldCount()) {
            return;
        }
        List<RexNode> localExprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        RelDataTypeFactory.Builder type = project.getCluster().getTypeFactory().builder();
        for (int j : used) {
            int target = p.outputs.get(j);
            type.add(scan.getRowType().getFieldList().get(j));
            if (target == Pushdown.TENANT) {
                outputs.add(Pushdown.TENANT);
            } else {
                RexInputRef ref = new RexInputRef(target, p.local.getRowType().getFieldList().get(target).getType());
                outputs.add(add(localExprs, names, ref, p.local.getRowType().getFieldNames().get(target)));
            }
        }
        RelDataType rowType = type.uniquify().build();
        TenantScan newScan = scan.push(p.with(localProject(p, localExprs, names), outputs, p.partial), rowType);
        List<RexNode> residual = new ArrayList<>();
        for (RexNode e : project.getProjects()) {
            residual.add(e.accept(new RexShuttle() {
                @Override
                public RexNode visitInputRef(RexInputRef ref) {
                    return new RexInputRef(used.indexOf(ref.getIndex()), ref.getType());
                }
            }));
        }
        call.transformTo(LogicalProject.create(newScan, project.getHints(), residual, project.getRowType(), project.getVariablesSet()));
    }

    private static int add(List<RexNode> exprs, List<String> names, RexNode e, String name) {
        int i = exprs.indexOf(e);
        if (i >= 0) {
            return i;
        }
        exprs.add(e);
        names.add(name);
        return exprs.size() - 1;
    }

    /** SQLite needs at least one column; a constant stands in when only {@code _tenant} is wanted. */
    private static LogicalProject localProject(Pushdown p, List<RexNode> exprs, List<String> names) {
        if (exprs.isEmpty()) {
            exprs.add(p.local.getCluster().getRexBuilder().makeExactLiteral(BigDecimal.ONE));
            names.add("one");
        }
        return LogicalProject.create(p.local, List.of(), exprs, names, java.util.Set.of());
    }
}
