package io.cinch.federation;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

import java.util.List;

/** The planner rules that push work into tenant scans, and the one that makes a scan executable. */
final class TenantRules {
    static final List<RelOptRule> ALL = List.of(
            new TenantFilterRule(),
            new TenantProjectRule(),
            new TenantAggregateRule(),
            new TenantSortRule(),
            ConverterRule.Config.INSTANCE
                    .withConversion(TenantScan.class, Convention.NONE, EnumerableConvention.INSTANCE, "TenantScanRule")
                    .withRuleFactory(Enumerable::new)
                    .toRule());

    private TenantRules() {
    }

    /** Converts a logical tenant scan into its executable copy. */
    static final class Enumerable extends ConverterRule {
        Enumerable(Config config) {
            super(config);
        }

        @Override
        public RelNode convert(RelNode rel) {
            return new EnumerableTenantScan((TenantScan) rel);
        }
    }
}
