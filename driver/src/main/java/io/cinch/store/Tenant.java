package io.cinch.store;

/** A tenant of a branch; {@code materialized} is false while it has no SQLite file of its own. */
public record Tenant(long id, long branchId, long databaseId, String name, String createdAt, boolean materialized) {
}
