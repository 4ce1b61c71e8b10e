package io.cinch.store;

import java.util.Set;

/**
 * One entry of a branch's change log: {@code seq} is its place in that branch's log, {@code id} identifies the
 * change across branches (a merged change keeps it), {@code touches} names the tables, indexes, views and triggers
 * it adds, alters or removes, and {@code schemaHash} fingerprints the schema it leaves behind.
 */
public record Change(int seq, String id, String type, String entity, Set<String> touches, String sql,
                     String schemaHash, String createdAt) {
}
