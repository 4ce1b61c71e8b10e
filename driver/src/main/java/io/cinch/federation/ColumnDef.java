package io.cinch.federation;

/** A column of a branch table as SQLite declares it (declared type may be empty). */
public record ColumnDef(String name, String declaredType) {
}
