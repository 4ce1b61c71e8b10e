package io.cinch.store;

import java.util.List;

/**
 * Changes a branch is taking, recorded before they are tried on its tenants: writers check their writes against
 * them; {@code originTenantId} names the tenant whose transaction commits with them (or null); {@code sealed} means
 * they were decided to commit; a {@code failedState} means a tenant's data broke them.
 */
public record PendingChange(long branchId, List<Change> changes, Long originTenantId, boolean sealed,
                            String failedState, String failedMessage) {

    /** The schema version the branch reaches when these changes commit. */
    public int version() {
        return changes.get(changes.size() - 1).seq();
    }

    /** The changes' SQL, as one script. */
    public String sql() {
        StringBuilder out = new StringBuilder();
        for (Change change : changes) {
            out.append(out.length() == 0 ? "" : ";\n").append(change.sql());
        }
        return out.toString();
    }
}
