package io.cinch.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits SQLite SQL into tokens, skipping white space and comments. */
public final class Lexer {

    private Lexer() {
    }

    /** The tokens of {@code sql}; an unterminated literal or comment runs to the end of the text. */
    public static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'') {
                i = quoted(sql, i, '\'', Token.Kind.STRING, out);
            } else if (c == '"') {
                i = quoted(sql, i, '"', Token.Kind.QUOTED, out);
            } else if (c == '`') {
                i = quoted(sql, i, '`', Token.Kind.QUOTED, out);
            } else if (c == '[') {
                int close = sql.indexOf(']', i + 1);
                int end = close < 0 ? n : close + 1;
                out.add(new Token(Token.Kind.QUOTED, i, end, sql.substring(i + 1, close < 0 ? n : close)));
                i = end;
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                int start = i;
                i = quoted(sql, i + 1, '\'', Token.Kind.BLOB, out);
                Token blob = out.remove(out.size() - 1);
                out.add(new Token(Token.Kind.BLOB, start, i, blob.value()));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                        || ((sql.charAt(i) == '+' || sql.charAt(i) == '-')
                            && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
                    i++;
                }
                out.add(new Token(Token.Kind.NUMBER, start, i, sql.substring(start, i)));
            } else if (c == '?' || ((c == ':' || c == '@' || c == '$') && i + 1 < n && isWordChar(sql.charAt(i + 1)))) {
                int start = i++;
                while (i < n && isWordChar(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Kind.PARAMETER, start, i, sql.substring(start, i)));
            } else if (isWordStart(c)) {
                int start = i;
                while (i < n && isWordChar(sql.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Kind.WORD, start, i, sql.substring(start, i).toLowerCase(Locale.ROOT)));
            } else if (c == ';') {
                out.add(new Token(Token.Kind.SEMICOLON, i, i + 1, ";"));
                i++;
            } else {
                int len = i + 1 < n && isTwoCharSymbol(c, sql.charAt(i + 1)) ? 2 : 1;
                out.add(new Token(Token.Kind.SYMBOL, i, i + len, sql.substring(i, i + len)));
                i += len;
            }
        }
        return out;
    }

    private static int quoted(String sql, int open, char quote, Token.Kind kind, List<Token> out) {
        StringBuilder value = new StringBuilder();
        int n = sql.length();
        int i = open + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                out.add(new Token(kind, open, i + 1, value.toString()));
                return i + 1;
            }
            value.append(c);
            i++;
        }
        out.add(new Token(kind, open, n, value.toString()));
        return n;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 0x7f;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }

    private static boolean isTwoCharSymbol(char a, char b) {
        return (a == '|' && b == '|') || (a == '<' && (b == '=' || b == '>' || b == '<')) || (a == '>' && (b == '=' || b == '>'))
                || (a == '!' && b == '=') || (a == '=' && b == '=') || (a == '-' && b == '>');
    }
}
