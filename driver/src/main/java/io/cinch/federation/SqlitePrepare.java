package io.cinch.federation;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.DataContexts;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.tools.Program;

import java.lang.reflect.Type;
import java.util.function.UnaryOperator;

/**
 * Calcite's statement preparation for SQLite's dialect: Babel's parser over {@link SqliteText}, then
 * {@link SqliteValidator}, planned with {@link PlannerRules} and {@link PlannerProgram}, metadata from
 * {@link ReflectiveMetadataHandlers}. One instance prepares one statement.
 */
final class SqlitePrepare extends CalcitePrepareImpl {
    private SqliteText text;

    @Override
    protected SqlParser createParser(String sql, SqlParser.Config parserConfig) {
        text = SqliteText.of(sql);
        return SqlParser.create(text.text, parserConfig.withParserFactory(SqlBabelParserImpl.FACTORY));
    }

    /** Calcite's planner set-up, with {@link PlannerRules#VOLCANO} in place of its default rule registration. */
    @Override
    protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext, org.apache.calcite.plan.Context externalContext,
                                          RelOptCostFactory costFactory) {
        VolcanoPlanner planner = new VolcanoPlanner(costFactory,
                externalContext == null ? Contexts.of(prepareContext.config()) : externalContext);
        planner.setExecutor(new RexExecutorImpl(DataContexts.EMPTY));
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        planner.setTopDownOpt(prepareContext.config().topDownOpt());
        PlannerRules.VOLCANO.forEach(planner::addRule);
        return planner;
    }

    /** Calcite's cluster, its metadata answered by {@link ReflectiveMetadataHandlers} over the cluster's current provider. */
    @Override
    protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
        RelOptCluster cluster = super.createCluster(planner, rexBuilder);
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(ReflectiveMetadataHandlers.of(cluster.getMetadataProvider())));
        return cluster;
    }

    @Override
    protected CalcitePreparingStmt getPreparingStmt(CalcitePrepare.Context context, Type elementType,
                                                    CalciteCatalogReader catalogReader, RelOptPlanner planner) {
        EnumerableRel.Prefer prefer = elementType == Object[].class ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
        return new CalcitePreparingStmt(this, context, catalogReader, context.getTypeFactory(), context.getRootSchema(),
                prefer, createCluster(planner, new RexBuilder(context.getTypeFactory())), EnumerableConvention.INSTANCE,
                createConvertletTable()) {
            @Override
            protected Program getProgram() {
                return new PlannerProgram();
            }

            @Override
            protected SqlValidator createSqlValidator(Prepare.CatalogReader reader, UnaryOperator<SqlValidator.Config> transform) {
                SqlValidator.Config config = transform.apply(SqlValidator.Config.DEFAULT
                        .withLenientOperatorLookup(context.config().lenientOperatorLookup())
                        .withConformance(context.config().conformance())
                        .withDefaultNullCollation(context.config().defaultNullCollation())
                        .withIdentifierExpansion(true));
                return new SqliteValidator((CalciteCatalogReader) reader, context.getTypeFactory(), config, text);
            }
        };
    }
}
