package io.cinch.store;

/** A branch of a database: a schema (its change log) and the tenants that share it. */
public record Branch(long id, long databaseId, String name, String source, String createdAt) {
}
