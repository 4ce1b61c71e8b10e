package io.cinch.federation;

import io.cinch.store.Metadata;
import io.cinch.schema.SchemaInfo;
import io.cinch.store.Branch;
import io.cinch.store.Change;
import io.cinch.store.Database;
import io.cinch.store.Handle;
import io.cinch.store.Project;
import io.cinch.store.Tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One branch of a cinch project as the cross-tenant engine sees it: tenants from the metadata (the materialized ones
 * cached until the project's epoch or its count of first writes moves), tables from the branch's schema, files lent
 * by the project's pool and brought up to the branch's schema first.
 */
public final class BranchTenants implements TenantSource {

    private final Project project;
    private final Database database;
    private final Branch branch;
    private final Map<Connection, Handle> lent = new ConcurrentHashMap<>();
    private volatile Snapshot materialized = new Snapshot(-1, -1, List.of());

    private record Snapshot(long epoch, long materializations, List<TenantRef> tenants) {
    }

    /** The tenants of {@code branch}. */
    public BranchTenants(Project project, Database database, Branch branch) {
        this.project = project;
        this.database = database;
        this.branch = branch;
    }

    @Override
    public List<TenantRef> tenants() {
        return refs(read(v -> v.tenants(branch.id())), true);
    }

    @Override
    public List<TenantRef> materialized() {
        Snapshot s = materialized;
        if (!project.unchangedSince(s.epoch()) || !project.noMaterializationSince(s.materializations())) {
            long epoch = project.epoch();
            long materializations = project.materializations();
            s = new Snapshot(epoch, materializations, refs(read(v -> v.materializedTenants(branch.id())), false));
            materialized = s;
        }
        return s.tenants();
    }

    private List<TenantRef> refs(List<Tenant> tenants, boolean withSize) {
        List<TenantRef> out = new ArrayList<>(tenants.size());
        for (Tenant t : tenants) {
            out.add(new TenantRef(t.name(), t.createdAt(), t.materialized(),
                    withSize ? project.tenantFiles().size(t) : 0, t.materialized() ? project.layout().tenant(t) : null));
        }
        return out;
    }

    @Override
    public Map<String, List<ColumnDef>> tables() {
        Map<String, List<ColumnDef>> out = new LinkedHashMap<>();
        try {
            for (SchemaInfo.Table table : SchemaInfo.of(project, branch).tables()) {
                out.put(table.name().toLowerCase(java.util.Locale.ROOT), table.columns().stream()
                        .map(c -> new ColumnDef(c.name(), c.declaredType() == null ? "" : c.declaredType())).toList());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema of branch '" + branch.name() + "': " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public Connection borrow(TenantRef tenant) throws SQLException {
        Handle h = project.files().borrow(tenant.file(), !tenant.materialized(), null);
        try {
            project.tenantFiles().catchUp(h, branch);
        } catch (SQLException | RuntimeException e) {
            project.files().release(h);
            throw e;
        }
        lent.put(h.jdbc(), h);
        return h.jdbc();
    }

    @Override
    public void release(TenantRef tenant, Connection connection) {
        Handle h = lent.remove(connection);
        if (h != null) {
            project.files().release(h);
        }
    }

    @Override
    public List<Object[]> branches() {
        List<Object[]> rows = new ArrayList<>();
        for (Branch b : read(v -> v.branches(database.id()))) {
            rows.add(new Object[] {b.name(), b.source(), b.createdAt()});
        }
        return rows;
    }

    @Override
    public List<Object[]> changes() {
        List<Object[]> rows = new ArrayList<>();
        for (Branch b : read(v -> v.branches(database.id()))) {
            for (Change c : read(v -> v.changes(b.id()))) {
                rows.add(new Object[] {b.name(), (long) c.seq(), c.type(), c.entity(), c.sql(), c.createdAt()});
            }
        }
        return rows;
    }

    @Override
    public List<Object[]> databases() {
        List<Object[]> rows = new ArrayList<>();
        for (Database d : read(v -> v.databases())) {
            rows.add(new Object[] {d.name(), d.createdAt()});
        }
        return rows;
    }

    private <T> T read(Metadata.Work<T> work) {
        try {
            return project.metadata().read(work);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read project metadata: " + e.getMessage(), e);
        }
    }
}
