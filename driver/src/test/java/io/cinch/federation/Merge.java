package io.cinch.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines per-tenant results in Java as SQL combines groups: rows {@code [tenant, key..., value...]} from the loop,
 * merged by their keys (the tenant dropped), each value with its {@link Op}.
 */
final class Merge {
    /** How one column of per-tenant partial results combines: COUNT and SUM partials are added. */
    enum Op { SUM, MIN, MAX }

    private Merge() {
    }

    /** One row per distinct key (NULL is a key like any other): the keys, then each value merged. */
    static List<List<Object>> groups(List<List<Object>> tagged, int keys, Op... ops) {
        Map<List<Object>, List<Object>> out = new LinkedHashMap<>();
        for (List<Object> row : tagged) {
            List<Object> key = new ArrayList<>(row.subList(1, 1 + keys));
            List<Object> acc = out.get(key);
            if (acc == null) {
                out.put(key, new ArrayList<>(row.subList(1, row.size())));
                continue;
            }
            for (int i = 0; i < ops.length; i++) {
                acc.set(keys + i, merge(ops[i], acc.get(keys + i), row.get(1 + keys + i)));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The single row of an aggregate without GROUP BY over every tenant's partial row. */
    static List<Object> total(List<List<Object>> tagged, Op... ops) {
        List<List<Object>> g = groups(tagged, 0, ops);
        return g.get(0);
    }

    static Object merge(Op op, Object a, Object b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return switch (op) {
            case SUM -> a instanceof Long x && b instanceof Long y ? (Object) (x + y)
                    : (Object) (((Number) a).doubleValue() + ((Number) b).doubleValue());
            case MIN -> Rows.SQLITE_ORDER.compare(a, b) <= 0 ? a : b;
            case MAX -> Rows.SQLITE_ORDER.compare(a, b) >= 0 ? a : b;
        };
    }

    /** AVG from merged SUM and COUNT, as SQLite gives it: NULL over no values, else a real. */
    static Object avg(Object sum, Object count) {
        long n = ((Number) count).longValue();
        return n == 0 ? null : ((Number) sum).doubleValue() / n;
    }
}
