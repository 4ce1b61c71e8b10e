package io.cinch.federation;

import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

import java.util.List;

/** Logical leaf: one SQLite query run in every selected tenant, rows unioned and tagged with their tenant. */
class TenantScan extends AbstractRelNode {
    final TenantTable table;
    final Pushdown pushdown;
    final RelDataType outputType;

    TenantScan(RelOptCluster cluster, RelTraitSet traits, TenantTable table, Pushdown pushdown, RelDataType rowType) {
        super(cluster, traits);
        this.table = table;
        this.pushdown = pushdown;
        this.outputType = rowType;
    }

    static TenantScan logical(RelOptCluster cluster, TenantTable table, Pushdown pushdown, RelDataType rowType) {
        return new TenantScan(cluster, cluster.traitSetOf(Convention.NONE), table, pushdown, rowType);
    }

    /** The same table with more pushed into each tenant. */
    TenantScan push(Pushdown p, RelDataType rowType) {
        return logical(getCluster(), table, p, rowType);
    }

    @Override
    protected RelDataType deriveRowType() {
        return outputType;
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new TenantScan(getCluster(), traitSet, table, pushdown, outputType);
    }

    @Override
    public void register(RelOptPlanner planner) {
        TenantRules.ALL.forEach(planner::addRule);
        if (!(planner.getExecutor() instanceof KeepSqliteFunctions)) {
            planner.setExecutor(new KeepSqliteFunctions(planner.getExecutor()));
        }
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
                .item("table", table.name)
                .item("tenants", pushdown.tenants)
                .item("columns", pushdown.outputs)
                .item("sql", pushdown.sql())
                .itemIf("skipRowIfZero", pushdown.guard, pushdown.guard >= 0);
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return pushdown.estimatedRows();
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = estimateRowCount(mq);
        double width = (outputType.getFieldCount() + 1.0) / (table.columns.size() + 2.0);
        return planner.getCostFactory().makeCost(rows * (0.5 + 0.5 * width), rows, 0);
    }

}
