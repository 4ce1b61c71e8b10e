package io.cinch.federation;

import io.cinch.sql.Lexer;
import io.cinch.sql.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A query in SQLite's dialect made readable by Calcite's Babel parser: names that SQLite accepts bare but Babel
 * reserves ({@code date}, {@code rows}, {@code offset}, ...) are double-quoted, {@code `x`} and {@code [x]} become
 * {@code "x"}, {@code CAST(x AS TEXT)} becomes {@code CAST(x AS VARCHAR)}; {@link #original} maps a position in the
 * result back to the user's text.
 */
final class SqliteText {
    /** Words SQLite reads as names wherever they are not used as keywords, but Babel always reserves. */
    private static final Set<String> RESERVED_BY_CALCITE = Set.of("date", "time", "timestamp", "interval", "current",
            "offset", "over", "partition", "range", "row", "rows", "window", "trim");

    final String original;
    final String text;
    /** SQLite's type names in CAST that Calcite calls otherwise. */
    private static final java.util.Map<String, String> TYPES = java.util.Map.of("text", "VARCHAR", "real", "DOUBLE",
            "blob", "VARBINARY", "numeric", "DECIMAL");

    /** Each edit, in order: start and length in the user's text, length in {@link #text}. */
    private final List<int[]> edits;

    private SqliteText(String original, String text, List<int[]> edits) {
        this.original = original;
        this.text = text;
        this.edits = edits;
    }

    /** The query as Calcite reads it. */
    static SqliteText of(String sql) {
        List<Token> tokens = Lexer.tokens(sql);
        StringBuilder out = new StringBuilder(sql.length() + 8);
        List<int[]> edits = new ArrayList<>();
        int last = 0;
        int castDepth = -1;
        int windowDepth = -1;
        int depth = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            Token prev = k > 0 ? tokens.get(k - 1) : null;
            if (t.isSymbol("(")) {
                depth++;
                castDepth = prev != null && prev.is("cast") ? depth : castDepth;
                windowDepth = prev != null && prev.is("over") ? depth : windowDepth;
            } else if (t.isSymbol(")")) {
                castDepth = castDepth == depth ? -1 : castDepth;
                windowDepth = windowDepth == depth ? -1 : windowDepth;
                depth--;
            }
            char open = sql.charAt(t.start());
            String replacement = null;
            if (t.kind() == Token.Kind.QUOTED && (open == '`' || open == '[') && t.value().indexOf('"') < 0
                    && t.end() - t.start() == t.value().length() + 2) {
                replacement = '"' + t.value() + '"';
            } else if (t.kind() == Token.Kind.WORD && castDepth == depth && prev != null && prev.is("as")
                    && TYPES.containsKey(t.value())) {
                replacement = TYPES.get(t.value());
            } else if (t.kind() == Token.Kind.WORD && RESERVED_BY_CALCITE.contains(t.value())
                    && isName(tokens, k, castDepth == depth, windowDepth == depth)) {
                replacement = '"' + sql.substring(t.start(), t.end()) + '"';
            }
            if (replacement != null) {
                out.append(sql, last, t.start()).append(replacement);
                edits.add(new int[] {t.start(), t.end() - t.start(), replacement.length()});
                last = t.end();
            }
        }
        return new SqliteText(sql, last == 0 ? sql : out.append(sql, last, sql.length()).toString(), edits);
    }

    /** Whether the word at {@code k} names something here rather than acting as Calcite's keyword. */
    private static boolean isName(List<Token> tokens, int k, boolean inCast, boolean inWindow) {
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
            case "rows", "range", "row", "current", "partition" -> !inWindow
                    && !(w.startsWith("row") && (nextNumber || nextParen || next != null && (next.is("only") || next.is("fetch"))
                    || prev != null && (prev.is("first") || prev.is("next") || prev.kind() == Token.Kind.NUMBER
                    || prev.kind() == Token.Kind.PARAMETER)));
            case "over" -> !(prev != null && prev.isSymbol(")"));
            case "window" -> !(next != null && next.kind() == Token.Kind.WORD && k + 2 < tokens.size() && tokens.get(k + 2).is("as"));
            default -> false;
        };
    }

    /** The position in the user's text of position {@code p} of {@link #text} (an edited word maps to its ends). */
    int original(int p) {
        int shift = 0;
        for (int[] e : edits) {
            int start = e[0] + shift;
            if (p <= start) {
                break;
            }
            if (p < start + e[2]) {
                return e[0] + (p - start < e[2] / 2 ? 0 : e[1]);
            }
            shift += e[2] - e[1];
        }
        return p - shift;
    }
}
