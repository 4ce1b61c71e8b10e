package io.cinch.federation;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.ArrayList;
import java.util.List;

/** Pushes a filter into a tenant scan: {@code _tenant} conditions prune tenants, SQLite-safe ones become WHERE/HAVING. */
final class TenantFilterRule extends RelOptRule {
    @SuppressWarnings("deprecation")
    TenantFilterRule() {
        super(operand(LogicalFilter.class, Convention.NONE, some(operand(TenantScan.class, Convention.NONE, none()))), "TenantFilterRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        LogicalFilter filter = call.rel(0);
        TenantScan scan = call.rel(1);
        Pushdown p = scan.pushdown;
        RexBuilder rex = filter.getCluster().getRexBuilder();
        TenantPredicate tenants = p.tenants;
        List<RexNode> pushed = new ArrayList<>();
        List<RexNode> residual = new ArrayList<>();
        for (RexNode c : RelOptUtil.conjunctions(filter.getCondition())) {
            ImmutableBitSet refs = RelOptUtil.InputFinder.bits(c);
            boolean tenantOnly = !refs.isEmpty() && refs.asList().stream().allMatch(i -> p.outputs.get(i) == Pushdown.TENANT);
            RexNode local = p.toLocal(c);
            if (tenantOnly && TenantPredicate.supports(c) && !p.partial) {
                tenants = tenants.and(c);
            } else if (local != null && PushableRex.checkFilter(local)) {
                pushed.add(local);
            } else {
                residual.add(c);
            }
        }
        if (pushed.isEmpty() && tenants == p.tenants) {
            return;
        }
        RelNode local = pushed.isEmpty() ? p.local : LogicalFilter.create(p.local, RexUtil.composeConjunction(rex, pushed));
        TenantScan newScan = scan.push(p.with(local, p.outputs, p.partial).with(tenants), scan.getRowType());
        call.transformTo(residual.isEmpty() ? newScan : LogicalFilter.create(newScan, RexUtil.composeConjunction(rex, residual)));
    }
}
