package io.cinch.federation;

import org.apache.calcite.rex.RexCall;
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
                return call.operands.get(0) instanceof RexInputRef && call.operands.get(1) instanceof RexLiteral
                        || call.operands.get(1) instanceof RexInputRef && call.operands.get(0) instanceof RexLiteral;
            default:
                return false;
        }
    }

    TenantPredicate and(RexNode condition) {
        List<RexNode> all = new ArrayList<>(conditions);
        all.add(condition);
        return new TenantPredicate(List.copyOf(all));
    }

    boolean test(String tenant) {
        for (RexNode c : conditions) {
            if (!eval(c, tenant)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean eval(RexNode c, String tenant) {
        RexCall call = (RexCall) c;
        switch (c.getKind()) {
            case AND:
                return call.operands.stream().allMatch(o -> eval(o, tenant));
            case OR:
                return call.operands.stream().anyMatch(o -> eval(o, tenant));
            case NOT:
                return !eval(call.operands.get(0), tenant);
            case SEARCH:
                Sarg sarg = ((RexLiteral) call.operands.get(1)).getValueAs(Sarg.class);
                return sarg.rangeSet.contains(new NlsString(tenant, null, null));
            default:
                boolean flipped = call.operands.get(0) instanceof RexLiteral;
                String value = ((RexLiteral) call.operands.get(flipped ? 0 : 1)).getValueAs(String.class);
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
