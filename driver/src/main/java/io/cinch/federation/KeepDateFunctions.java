package io.cinch.federation;

import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

import java.util.ArrayList;
import java.util.List;

/** Planner constant folding that skips SQLite date functions, so 'now' reaches SQLite verbatim and is never frozen into a plan. */
final class KeepDateFunctions implements RexExecutor {
    private final RexExecutor delegate;

    KeepDateFunctions(RexExecutor delegate) {
        this.delegate = delegate == null ? RexUtil.EXECUTOR : delegate;
    }

    @Override
    public void reduce(RexBuilder rexBuilder, List<RexNode> constExps, List<RexNode> reducedValues) {
        List<RexNode> foldable = new ArrayList<>();
        for (RexNode e : constExps) {
            if (!usesDateFunction(e)) {
                foldable.add(e);
            }
        }
        List<RexNode> folded = new ArrayList<>();
        if (!foldable.isEmpty()) {
            delegate.reduce(rexBuilder, foldable, folded);
        }
        int k = 0;
        for (RexNode e : constExps) {
            reducedValues.add(usesDateFunction(e) ? e : folded.get(k++));
        }
    }

    private static boolean usesDateFunction(RexNode e) {
        if (e instanceof RexCall call) {
            return DateFunctions.isDateFunction(call.getOperator()) || call.getOperands().stream().anyMatch(KeepDateFunctions::usesDateFunction);
        }
        return false;
    }
}
