package io.cinch.sql;

import java.util.Locale;

/**
 * One lexical token of SQLite SQL: its kind, where it stands in the text, and its value (a bare word
 * lower-cased, a quoted identifier or string literal unquoted).
 */
public record Token(Kind kind, int start, int end, String value) {

    /** The kinds of token the lexer tells apart. */
    public enum Kind { WORD, QUOTED, STRING, NUMBER, PARAMETER, BLOB, SYMBOL, SEMICOLON }

    /** True for a bare word equal (ignoring case) to the given lower-case keyword. */
    public boolean is(String keyword) {
        return kind == Kind.WORD && value.equals(keyword);
    }

    /** True for a symbol such as {@code (} or {@code .}. */
    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && value.equals(symbol);
    }

    /** True for a bare word or a quoted identifier: anything that can name a table or schema. */
    public boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** The name this token denotes, lower-cased as SQLite compares names. */
    public String name() {
        return value.toLowerCase(Locale.ROOT);
    }
}
