package io.cinch.federation;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.List;

/** Planner constant folding that skips SQLite's functions, so {@code date('now')} reaches SQLite verbatim and is never frozen into a plan. */
final class KeepSqliteFunctions implements RexExecutor {
    private final RexExecutor delegate;

    KeepSqliteFunctions(RexExecutor delegate) {
        this.delegate = delegate == null ? RexUtil.EXECUTOR : delegate;
    }

    @Override
    public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
        List<RexNode> foldable = new ArrayList<>();
        for (RexNode e : constExps) {
            if (!usesSqliteFunction(e)) {
                foldable.add(e);
            }
        }
        List<RexNode> folded = new ArrayList<>();
        if (!foldable.isEmpty()) {
            delegate.reduce(rexBuilder, foldable, folded);
        }
        int k = 0;
        for (RexNode e : constExps) {
            reducedValues.add(usesSqliteFunction(e) ? e : folded.get(k++));
        }
    }

    private static boolean usesSqliteFunction(RexNode e) {
        if (e instanceof RexCall call) {
            return call.getOperator() instanceof SqliteFunction || call.getOperands().stream().anyMatch(KeepSqliteFunctions::usesSqliteFunction);
        }
        return false;
    }
}
