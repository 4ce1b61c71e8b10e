package io.cinch.federation;

import io.cinch.sql.Lexer;
import io.cinch.sql.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A query in SQLite's dialect made readable by Calcite's Babel parser: names that SQLite accepts bare but Babel
 * reserves ({@code date}, {@code rows}, {@code offset}, ...) are double-quoted, {@code `x`} and {@code [x]} become
 * {@code "x"}; {@link #original} maps a position in the result back to the user's text.
 */
final class SqliteText {
    /** Words SQLite reads as names wherever they are not used as keywords, but Babel always reserves. */
    private static final Set<String> RESERVED_BY_CALCITE = Set.of("date", "time", "timestamp", "interval", "current",
            "offset", "over", "partition", "range", "row", "rows", "window", "trim");

    final String original;
    final String text;
    /** Start (in the user's text) and length of each word that was quoted, in order. */
    private final List<int[]> quoted;

    private SqliteText(String original, String text, List<int[]> quoted) {
        this.original = original;
        this.text = text;
        this.quoted = quoted;
    }

    /** The query as Calcite reads it. */
    static SqliteText of(String sql) {
        List<Token> tokens = Lexer.tokens(sql);
        StringBuilder out = new StringBuilder(sql.length() + 8);
        List<int[]> quoted = new ArrayList<>();
        int last = 0;
        int[] castDepth = {-1};
        int depth = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.isSymbol("(")) {
                depth++;
                if (k > 0 && tokens.get(k - 1).is("cast")) {
                    castDepth[0] = depth;
                }
            } else if (t.isSymbol(")")) {
                castDepth[0] = castDepth[0] == depth ? -1 : castDepth[0];
                depth--;
            }
            char open = sql.charAt(t.start());
            if (t.kind() == Token.Kind.QUOTED && (open == '`' || open == '[') && t.value().indexOf('"') < 0
                    && t.end() - t.start() == t.value().length() + 2) {
                out.append(sql, last, t.start()).append('"').append(t.value()).append('"'); // same length
                last = t.end();
            } else if (t.kind() == Token.Kind.WORD && RESERVED_BY_CALCITE.contains(t.value())
                    && isName(tokens, k, castDepth[0] == depth)) {
                out.append(sql, last, t.start()).append('"').append(sql, t.start(), t.end()).append('"');
                quoted.add(new int[] {t.start(), t.end() - t.start()});
                last = t.end();
            }
        }
        return new SqliteText(sql, last == 0 ? sql : out.append(sql, last, sql.length()).toString(), quoted);
    }

    /** Whether the word at {@code k} names something here rather than acting as Calcite's keyword. */
    private static boolean isName(List<Token> tokens, int k, boolean inCast) {
        String w = tokens.get(k).value();
        Token prev = k > 0 ? tokens.get(k - 1) : null;
        Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
        if (prev != null && prev.isSymbol(".") || next != null && next.isSymbol(".")) {
            return true;
        }
        boolean nextString = next != null && next.kind() == Token.Kind.STRING;
        boolean nextNumber = next != null && (next.kind() == Token.Kind.NUMBER || next.kind() == Token.Kind.PARAMETER);
        boolean nextParen = next != null && next.isSymbol("(");
        return switch (w) {
            case "date", "time", "timestamp" -> !nextString && !nextParen && !(inCast && prev != null && prev.is("as"));
            case "interval" -> !nextString && !nextNumber && !(next != null && next.isSymbol("-"));
            case "trim" -> nextParen; // SQLite's trim(x, chars) is a plain function call
            case "offset" -> !nextNumber && !nextParen && !(next != null && next.isSymbol("-"));
            case "rows", "range" -> !nextNumber && !(next != null && (next.is("between") || next.is("unbounded")
                    || next.is("current")));
            case "row" -> !(prev != null && prev.is("current")) && !nextParen && !(next != null && next.is("only"));
            case "current" -> !(next != null && (next.is("row") || next.is("date") || next.is("time") || next.is("timestamp")));
            case "partition" -> !(next != null && next.is("by"));
            case "over" -> !(prev != null && prev.isSymbol(")"));
            case "window" -> !(next != null && next.kind() == Token.Kind.WORD && k + 2 < tokens.size() && tokens.get(k + 2).is("as"));
            default -> false;
        };
    }

    /** The position in the user's text of position {@code p} of {@link #text}. */
    int original(int p) {
        int shift = 0;
        for (int[] q : quoted) {
            int start = q[0] + shift;
            if (p <= start) {
                break;
            }
            if (p < start + q[1] + 2) {
                return q[0] + Math.max(0, Math.min(q[1], p - start - 1));
            }
            shift += 2;
        }
        return p - shift;
    }
}
