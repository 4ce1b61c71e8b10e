package io.cinch.federation;

import java.nio.file.Path;

/** One tenant of the branch: its name, metadata, and the SQLite file that holds its rows (absent when lazy). */
public record TenantRef(String name, String createdAt, boolean materialized, long sizeBytes, Path file) {
}
