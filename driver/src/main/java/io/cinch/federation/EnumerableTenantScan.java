package io.cinch.federation;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;

import java.util.List;

/** Executable tenant scan: generated code calls {@link FanOut#rows(org.apache.calcite.DataContext)} on a FanOut stashed in the DataContext. */
final class EnumerableTenantScan extends TenantScan implements EnumerableRel {
    EnumerableTenantScan(TenantScan logical) {
        this(logical.getTraitSet().replace(EnumerableConvention.INSTANCE), logical);
    }

    private EnumerableTenantScan(RelTraitSet traits, TenantScan from) {
        super(from.getCluster(), traits, from.table, from.pushdown, from.outputType);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new EnumerableTenantScan(traitSet, this);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
        FanOut fanOut = new FanOut(table, pushdown.sql(), pushdown.parameters(), pushdown.tenants,
                RowReader.of(getRowType(), pushdown.outputs), pushdown.guard, physType.getFormat());
        Expression ref = implementor.stash(fanOut, FanOut.class);
        return implementor.result(physType, Blocks.toBlock(Expressions.call(ref, "rows", implementor.getRootExpression())));
    }
}
