package io.cinch.federation;

import org.apache.calcite.DataContext;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Which tenants a scan reads: a conjunction of conditions on {@code _tenant} alone, tested against each tenant's name. */
record TenantPredicate(List<RexNode> conditions) {
    static final TenantPredicate ALL = new TenantPredicate(List.of());

    /** Whether a condition (whose input references all denote {@code _tenant}) can be tested here. */
    static boolean supports(RexNode c) {
        if (!(c instanceof RexCall call)) {
            return false;
        }
        switch (c.getKind()) {
            case AND:
            case OR:
            case NOT:
                return call.getOperands().stream().allMatch(TenantPredicate::supports);
            case SEARCH:
                return call.operands.get(0) instanceof RexInputRef && call.operands.get(1) instanceof RexLiteral;
            case EQUALS:
            case NOT_EQUALS:
            case LESS_THAN:
            case LESS_THAN_OR_EQUAL:
            case GREATER_THAN:
            case GREATER_THAN_OR_EQUAL:
                return call.operands.get(0) instanceof RexInputRef && isValue(call.operands.get(1))
                        || call.operands.get(1) instanceof RexInputRef && isValue(call.operands.get(0));
            default:
                return false;
        }
    }

    /** A literal, or a parameter whose value is known when the query runs. */
    private static boolean isValue(RexNode e) {
        return e instanceof RexLiteral || e instanceof RexDynamicParam;
    }

    TenantPredicate and(RexNode condition) {
        List<RexNode> all = new ArrayList<>(conditions);
        all.add(condition);
        return new TenantPredicate(List.copyOf(all));
    }

    /** Whether the scan reads {@code tenant}; {@code context} holds the values of the query's parameters. */
    boolean test(String tenant, DataContext context) {
        for (RexNode c : conditions) {
            if (!eval(c, tenant, context)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean eval(RexNode c, String tenant, DataContext context) {
        RexCall call = (RexCall) c;
        switch (c.getKind()) {
            case AND:
                return call.operands.stream().allMatch(o -> eval(o, tenant, context));
            case OR:
                return call.operands.stream().anyMatch(o -> eval(o, tenant, context));
            case NOT:
                return !eval(call.operands.get(0), tenant, context);
            case SEARCH:
                Sarg sarg = ((RexLiteral) call.operands.get(1)).getValueAs(Sarg.class);
                return sarg.rangeSet.contains(new NlsString(tenant, null, null));
            default:
                boolean flipped = !(call.operands.get(0) instanceof RexInputRef);
                RexNode operand = call.operands.get(flipped ? 0 : 1);
                Object bound = operand instanceof RexLiteral literal ? literal.getValueAs(String.class)
                        : context.get("?" + ((RexDynamicParam) operand).getIndex());
                if (bound == null) {
                    return false; // a comparison with NULL selects no tenant
                }
                String value = bound.toString();
                int cmp = flipped ? value.compareTo(tenant) : tenant.compareTo(value);
                switch (c.getKind()) {
                    case EQUALS: return cmp == 0;
                    case NOT_EQUALS: return cmp != 0;
                    case LESS_THAN: return cmp < 0;
                    case LESS_THAN_OR_EQUAL: return cmp <= 0;
                    case GREATER_THAN: return cmp > 0;
                    default: return cmp >= 0;
                }
        }
    }

    @Override
    public String toString() {
        return conditions.isEmpty() ? "all" : conditions.stream().map(RexNode::toString).collect(Collectors.joining(" AND "));
    }
}
