package io.cinch.federation;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.util.SqlString;
import org.apache.calcite.util.ImmutableIntList;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a tenant scan runs in every tenant: a logical plan over the tenant's own table (turned into SQLite SQL),
 * which tenants, and for each output column either {@link #TENANT} or a column of that plan.
 */
final class Pushdown {
    /** Output slot holding the tenant's name rather than a column of the tenant plan. */
    static final int TENANT = -1;

    final RelNode local;
    final ImmutableIntList outputs;
    final TenantPredicate tenants;
    /** The plan ends in a partial aggregate finished above the scan: no further aggregate may be pushed. */
    final boolean partial;
    /**
     * Column of the tenant plan holding a COUNT(*) of a GROUP BY-less aggregate: a row where it is 0 comes from an empty
     * tenant and is dropped (done in Java rather than HAVING, which would disable SQLite's fast COUNT(*)); -1 if none.
     */
    final int guard;
    private String sql;
    private List<Integer> parameters;

    Pushdown(RelNode local, List<Integer> outputs, TenantPredicate tenants, boolean partial, int guard) {
        this.local = local;
        this.outputs = ImmutableIntList.copyOf(outputs);
        this.tenants = tenants;
        this.partial = partial;
        this.guard = guard;
    }

    Pushdown with(RelNode newLocal, List<Integer> newOutputs, boolean newPartial) {
        return new Pushdown(newLocal, newOutputs, tenants, newPartial, guard);
    }

    Pushdown with(TenantPredicate newTenants) {
        return new Pushdown(local, outputs, newTenants, partial, guard);
    }

    Pushdown withGuard(int newGuard) {
        return new Pushdown(local, outputs, tenants, partial, newGuard);
    }

    /** The same rows with the guard applied in SQL, before wrapping the plan in something that changes its columns. */
    Pushdown settled() {
        if (guard < 0) {
            return this;
        }
        RexBuilder rex = local.getCluster().getRexBuilder();
        RelNode filtered = LogicalFilter.create(local, rex.makeCall(SqlStdOperatorTable.GREATER_THAN,
                RexInputRef.of(guard, local.getRowType()), rex.makeExactLiteral(BigDecimal.ZERO)));
        return new Pushdown(filtered, outputs, tenants, partial, -1);
    }

    /** The SQLite SQL run in each tenant. */
    synchronized String sql() {
        if (sql == null) {
            RelToSqlConverter converter = new RelToSqlConverter(SqliteDialect.INSTANCE);
            SqlString text = converter.visitRoot(local).asStatement().toSqlString(SqliteDialect.INSTANCE);
            sql = text.getSql().replace('\n', ' ');
            parameters = text.getDynamicParameters() == null ? List.of() : List.copyOf(text.getDynamicParameters());
        }
        return sql;
    }

    /** For each {@code ?} of {@link #sql()} in order, the index of the query's parameter it stands for. */
    synchronized List<Integer> parameters() {
        sql();
        return parameters;
    }

    /** Rewrites an expression over the scan's outputs into one over the tenant plan; null if it uses {@code _tenant}. */
    RexNode toLocal(RexNode e) {
        boolean[] usesTenant = {false};
        RexNode mapped = e.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                int target = outputs.get(ref.getIndex());
                if (target == TENANT) {
                    usesTenant[0] = true;
                    return ref;
                }
                return new RexInputRef(target, local.getRowType().getFieldList().get(target).getType());
            }
        });
        return usesTenant[0] ? null : mapped;
    }

    /** A tenant-count-independent guess of rows read, which only has to shrink as more is pushed. */
    double estimatedRows() {
        double rows = 1e6;
        int nodes = 0;
        for (RelNode r = local; !r.getInputs().isEmpty(); r = r.getInput(0)) {
            nodes++;
            if (r instanceof Filter) {
                rows *= 0.2;
            } else if (r instanceof Aggregate agg) {
                rows *= agg.getGroupSet().isEmpty() ? 0.001 : 0.05;
            } else if (r instanceof Sort sort && sort.fetch != null) {
                rows *= 0.1;
            }
        }
        rows = Math.max(rows, 1000); // at least a row per tenant: nesting aggregates must not look cheaper
        rows *= 1 + 0.01 * nodes;     // ties go to the simpler tenant SQL
        return tenants.conditions().isEmpty() ? rows : rows * 0.05;
    }

    @Override
    public String toString() {
        return sql();
    }
}
