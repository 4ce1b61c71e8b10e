package io.cinch.federation;

import org.apache.calcite.plan.RelOptCostImpl;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Calcite's standard program ({@code Programs.standard()}) over {@link PlannerRules}: sub-queries removed,
 * decorrelated, unused fields trimmed, the cost-based planner, then calcs. Without {@code Programs}, whose loading
 * builds all of Calcite's rules. Measures are not handled (a tenant table has no measure columns), nor
 * materializations and lattices ({@link Federation#connect} turns them off); Calcite's settings that would change
 * the steps ({@code forceDecorrelate}, {@code topDownGeneralDecorrelationEnabled}) keep their defaults there. Last,
 * {@link EvaluatedParameters} reads the parameters the calcs evaluate.
 */
final class PlannerProgram implements Program {
    private static final HepProgram SUB_QUERIES = new HepProgramBuilder().addRuleCollection(PlannerRules.SUB_QUERIES).build();
    private static final HepProgram CALC = calc();

    @Override
    public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
                       List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
        RelNode withoutSubQueries = heuristic(SUB_QUERIES, rel);
        RelNode decorrelated = RelDecorrelator.decorrelateQuery(withoutSubQueries, logicalBuilder(withoutSubQueries));
        RelNode trimmed = new RelFieldTrimmer(null, logicalBuilder(decorrelated)).trim(decorrelated);
        planner.setRoot(trimmed);
        RelNode converted = trimmed.getTraitSet().equals(requiredOutputTraits) ? trimmed : planner.changeTraits(trimmed, requiredOutputTraits);
        planner.setRoot(converted);
        return EvaluatedParameters.convert(heuristic(CALC, planner.chooseDelegate().findBestExp()));
    }

    private static HepProgram calc() {
        HepProgramBuilder builder = new HepProgramBuilder();
        for (RelOptRule rule : PlannerRules.CALC) {
            builder.addRuleInstance(rule);
        }
        return builder.build();
    }

    private static RelBuilder logicalBuilder(RelNode rel) {
        return RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), null);
    }

    /** Runs a heuristic program as Calcite's {@code Programs.of} does, with the planner's metadata before the default. */
    private static RelNode heuristic(HepProgram program, RelNode rel) {
        HepPlanner planner = new HepPlanner(program, null, true, null, RelOptCostImpl.FACTORY);
        List<RelMetadataProvider> providers = new ArrayList<>(List.of(DefaultRelMetadataProvider.INSTANCE));
        planner.registerMetadataProviders(providers);
        rel.getCluster().setMetadataProvider(ChainedRelMetadataProvider.of(providers));
        planner.setRoot(rel);
        return planner.findBestExp();
    }
}
