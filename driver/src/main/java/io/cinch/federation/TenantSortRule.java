package io.cinch.federation;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Pushes ORDER BY ... LIMIT as a per-tenant top-N of offset+fetch rows; the global sort stays above the scan. */
final class TenantSortRule extends RelOptRule {
    @SuppressWarnings("deprecation")
    TenantSortRule() {
        super(operand(LogicalSort.class, Convention.NONE, some(operand(TenantScan.class, Convention.NONE, none()))), "TenantSortRule");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Sort sort = call.rel(0);
        TenantScan scan = call.rel(1);
        Pushdown p = scan.pushdown;
        if (sort.fetch == null || p.partial || p.local instanceof Sort
                || !(sort.fetch instanceof RexLiteral) || sort.offset != null && !(sort.offset instanceof RexLiteral)) {
            return;
        }
        long limit = RexLiteral.longValue(sort.fetch) + (sort.offset == null ? 0 : RexLiteral.longValue(sort.offset));
        List<RelFieldCollation> keys = new ArrayList<>();
        for (RelFieldCollation fc : sort.getCollation().getFieldCollations()) {
            int target = p.outputs.get(fc.getFieldIndex());
            if (target != Pushdown.TENANT) { // _tenant is constant within a tenant
                keys.add(fc.withFieldIndex(target));
            }
        }
        RexNode fetch = sort.getCluster().getRexBuilder().makeExactLiteral(BigDecimal.valueOf(limit));
        LogicalSort local = LogicalSort.create(p.local, RelCollations.of(keys), null, fetch);
        TenantScan newScan = scan.push(p.with(local, p.outputs, false).with(p.tenants), scan.getRowType());
        call.transformTo(sort.copy(sort.getTraitSet(), newScan, sort.getCollation(), sort.offset, sort.fetch));
    }
}
