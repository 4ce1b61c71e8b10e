package io.cinch.store;

/**
 * A tenant of a branch; {@code materialized} is false while it has no SQLite file of its own, and {@code premade}
 * names the spare file it claimed ({@code <owner>/<n>}, see {@link SpareFiles}), or is null when its file is named by
 * its id.
 */
public record Tenant(long id, long branchId, long databaseId, String name, String createdAt, boolean materialized,
        String premade) {
}
