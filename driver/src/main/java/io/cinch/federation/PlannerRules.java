package io.cinch.federation;

import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.volcano.AbstractConverter;
import org.apache.calcite.rel.rules.AggregateCaseToFilterRule;
import org.apache.calcite.rel.rules.AggregateExpandDistinctAggregatesRule;
import org.apache.calcite.rel.rules.AggregateExpandWithinDistinctRule;
import org.apache.calcite.rel.rules.AggregateJoinTransposeRule;
import org.apache.calcite.rel.rules.AggregateMergeRule;
import org.apache.calcite.rel.rules.AggregateProjectMergeRule;
import org.apache.calcite.rel.rules.AggregateProjectPullUpConstantsRule;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.rel.rules.AggregateRemoveRule;
import org.apache.calcite.rel.rules.CalcMergeRule;
import org.apache.calcite.rel.rules.CalcRemoveRule;
import org.apache.calcite.rel.rules.DateRangeRules;
import org.apache.calcite.rel.rules.FilterAggregateTransposeRule;
import org.apache.calcite.rel.rules.FilterCalcMergeRule;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rel.rules.FilterMergeRule;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;
import org.apache.calcite.rel.rules.FilterSampleTransposeRule;
import org.apache.calcite.rel.rules.FilterTableScanRule;
import org.apache.calcite.rel.rules.FilterToCalcRule;
import org.apache.calcite.rel.rules.FilterWindowTransposeRule;
import org.apache.calcite.rel.rules.IntersectToDistinctRule;
import org.apache.calcite.rel.rules.JoinCommuteRule;
import org.apache.calcite.rel.rules.JoinPushExpressionsRule;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.rel.rules.MatchRule;
import org.apache.calcite.rel.rules.MinusToDistinctRule;
import org.apache.calcite.rel.rules.ProjectAggregateMergeRule;
import org.apache.calcite.rel.rules.ProjectCalcMergeRule;
import org.apache.calcite.rel.rules.ProjectFilterTransposeRule;
import org.apache.calcite.rel.rules.ProjectMergeRule;
import org.apache.calcite.rel.rules.ProjectOverSumToSum0Rule;
import org.apache.calcite.rel.rules.ProjectRemoveRule;
import org.apache.calcite.rel.rules.ProjectTableScanRule;
import org.apache.calcite.rel.rules.ProjectToCalcRule;
import org.apache.calcite.rel.rules.ProjectToWindowRule;
import org.apache.calcite.rel.rules.ProjectWindowTransposeRule;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.rel.rules.ReduceExpressionsRule;
import org.apache.calcite.rel.rules.SampleToFilterRule;
import org.apache.calcite.rel.rules.SemiJoinRule;
import org.apache.calcite.rel.rules.SingleValuesOptimizationRules;
import org.apache.calcite.rel.rules.SortJoinTransposeRule;
import org.apache.calcite.rel.rules.SortProjectTransposeRule;
import org.apache.calcite.rel.rules.SortRemoveConstantKeysRule;
import org.apache.calcite.rel.rules.SortRemoveRule;
import org.apache.calcite.rel.rules.SortUnionTransposeRule;
import org.apache.calcite.rel.rules.SubQueryRemoveRule;
import org.apache.calcite.rel.rules.UnionMergeRule;
import org.apache.calcite.rel.rules.UnionPullUpConstantsRule;
import org.apache.calcite.rel.rules.UnionToDistinctRule;
import org.apache.calcite.rel.rules.UnionToValuesRule;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules of Calcite's default planner and program, each built from its own configuration. Calcite's
 * {@code CoreRules} (reached through {@code RelOptRules} and {@code Programs}) builds every rule Calcite has, over a
 * thousand classes, most of which no plan here uses; this set leaves out only the rules for lattices, streams and
 * exchanges, which a {@code tenant=*} query cannot contain.
 */
final class PlannerRules {
    /** The cost-based phase: Calcite's default registration ({@code RelOptUtil.registerDefaultRules}). */
    static final List<RelOptRule> VOLCANO = volcano();

    /** Sub-queries to correlates, before decorrelation ({@code Programs.subQuery}). */
    static final List<RelOptRule> SUB_QUERIES = List.of(SubQueryRemoveRule.Config.FILTER.toRule(),
            SubQueryRemoveRule.Config.PROJECT.toRule(), SubQueryRemoveRule.Config.JOIN.toRule(),
            ProjectOverSumToSum0Rule.Config.DEFAULT.toRule());

    /** Projects and filters into calcs after the cost-based phase ({@code Programs.calc}). */
    static final List<RelOptRule> CALC = List.of(Bindables.FROM_NONE_RULE, EnumerableRules.ENUMERABLE_CALC_RULE,
            EnumerableRules.ENUMERABLE_FILTER_TO_CALC_RULE, EnumerableRules.ENUMERABLE_PROJECT_TO_CALC_RULE,
            FilterToCalcRule.Config.DEFAULT.toRule(), ProjectToCalcRule.Config.DEFAULT.toRule(),
            CalcMergeRule.Config.DEFAULT.toRule(), FilterCalcMergeRule.Config.DEFAULT.toRule(),
            ProjectCalcMergeRule.Config.DEFAULT.toRule());

    private PlannerRules() {
    }

    private static List<RelOptRule> volcano() {
        List<RelOptRule> rules = new ArrayList<>(List.of(
                // abstract relational rules (Calcite's collation trait is on)
                FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT.toRule(),
                FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT.toRule(),
                AbstractConverter.ExpandConversionRule.INSTANCE,
                JoinCommuteRule.Config.DEFAULT.toRule(),
                SemiJoinRule.ProjectToSemiJoinRule.ProjectToSemiJoinRuleConfig.DEFAULT.toRule(),
                SemiJoinRule.JoinOnUniqueToSemiJoinRule.JoinOnUniqueToSemiJoinRuleConfig.DEFAULT.toRule(),
                SemiJoinRule.JoinToSemiJoinRule.JoinToSemiJoinRuleConfig.DEFAULT.toRule(),
                AggregateRemoveRule.Config.DEFAULT.toRule(),
                UnionToDistinctRule.Config.DEFAULT.toRule(),
                UnionToValuesRule.Config.DEFAULT.toRule(),
                ProjectRemoveRule.Config.DEFAULT.toRule(),
                ProjectAggregateMergeRule.Config.DEFAULT.toRule(),
                AggregateJoinTransposeRule.Config.DEFAULT.toRule(),
                AggregateMergeRule.Config.DEFAULT.toRule(),
                AggregateProjectMergeRule.Config.DEFAULT.toRule(),
                CalcRemoveRule.Config.DEFAULT.toRule(),
                SortRemoveRule.Config.DEFAULT.toRule(),
                // abstract rules
                AggregateProjectPullUpConstantsRule.Config.ANY.toRule(),
                UnionPullUpConstantsRule.Config.DEFAULT.toRule(),
                PruneEmptyRules.UNION_INSTANCE,
                PruneEmptyRules.INTERSECT_INSTANCE,
                PruneEmptyRules.MINUS_INSTANCE,
                PruneEmptyRules.PROJECT_INSTANCE,
                PruneEmptyRules.FILTER_INSTANCE,
                PruneEmptyRules.SORT_INSTANCE,
                PruneEmptyRules.AGGREGATE_INSTANCE,
                PruneEmptyRules.WINDOW_INSTANCE,
                PruneEmptyRules.JOIN_LEFT_INSTANCE,
                PruneEmptyRules.JOIN_RIGHT_INSTANCE,
                PruneEmptyRules.SORT_FETCH_ZERO_INSTANCE,
                PruneEmptyRules.EMPTY_TABLE_INSTANCE,
                SingleValuesOptimizationRules.JOIN_LEFT_INSTANCE,
                SingleValuesOptimizationRules.JOIN_RIGHT_INSTANCE,
                SingleValuesOptimizationRules.JOIN_LEFT_PROJECT_INSTANCE,
                SingleValuesOptimizationRules.JOIN_RIGHT_PROJECT_INSTANCE,
                UnionMergeRule.Config.DEFAULT.toRule(),
                UnionMergeRule.Config.INTERSECT.toRule(),
                UnionMergeRule.Config.MINUS.toRule(),
                ProjectOverSumToSum0Rule.Config.DEFAULT.toRule(),
                ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule.ProjectToLogicalProjectAndWindowRuleConfig.DEFAULT.toRule(),
                FilterMergeRule.Config.DEFAULT.toRule(),
                DateRangeRules.FILTER_INSTANCE,
                IntersectToDistinctRule.Config.DEFAULT.toRule(),
                MinusToDistinctRule.Config.DEFAULT.toRule(),
                // base rules, without the lattices' star-table rules and the exchanges' rules
                ProjectMergeRule.Config.DEFAULT.toRule(),
                FilterTableScanRule.Config.DEFAULT.toRule(),
                ProjectFilterTransposeRule.Config.DEFAULT.toRule(),
                FilterProjectTransposeRule.Config.DEFAULT.toRule(),
                JoinPushExpressionsRule.Config.DEFAULT.toRule(),
                AggregateExpandDistinctAggregatesRule.Config.DEFAULT.toRule(),
                AggregateExpandWithinDistinctRule.Config.DEFAULT.toRule(),
                AggregateCaseToFilterRule.Config.DEFAULT.toRule(),
                AggregateReduceFunctionsRule.Config.DEFAULT.toRule(),
                FilterAggregateTransposeRule.Config.DEFAULT.toRule(),
                ProjectWindowTransposeRule.Config.DEFAULT.toRule(),
                MatchRule.Config.DEFAULT.toRule(),
                JoinPushThroughJoinRule.RIGHT,
                JoinPushThroughJoinRule.LEFT,
                SortProjectTransposeRule.Config.DEFAULT.toRule(),
                SortJoinTransposeRule.Config.DEFAULT.toRule(),
                SortRemoveConstantKeysRule.Config.DEFAULT.toRule(),
                SortUnionTransposeRule.Config.DEFAULT.toRule(),
                SampleToFilterRule.Config.DEFAULT.toRule(),
                FilterSampleTransposeRule.Config.DEFAULT.toRule(),
                FilterWindowTransposeRule.Config.DEFAULT.toRule(),
                // scans, then the executable (enumerable) forms
                Bindables.BINDABLE_TABLE_SCAN_RULE,
                ProjectTableScanRule.Config.DEFAULT.toRule(),
                ProjectTableScanRule.Config.INTERPRETER.toRule()));
        rules.addAll(EnumerableRules.ENUMERABLE_RULES);
        rules.add(EnumerableRules.TO_INTERPRETER);
        rules.add(ReduceExpressionsRule.FilterReduceExpressionsRule.FilterReduceExpressionsRuleConfig.DEFAULT.toRule());
        return List.copyOf(rules);
    }
}
