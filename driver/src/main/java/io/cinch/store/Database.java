package io.cinch.store;

/** A database of the project: a set of branches. */
public record Database(long id, String name, String createdAt) {
}
