package io.cinch.federation;

import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** A branch table seen across tenants: {@code _tenant} first, then the table's own columns; scanning it fans out. */
final class TenantTable extends AbstractTable implements TranslatableTable {
    static final String TENANT_COLUMN = "_tenant";

    final String name;
    final List<ColumnDef> columns;
    final TenantSource source;
    final ExecutorService executor;
    final int parallelism;
    final StatementCache statements = new StatementCache();

    TenantTable(String name, List<ColumnDef> columns, TenantSource source, ExecutorService executor, int parallelism) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.source = source;
        this.executor = executor;
        this.parallelism = parallelism;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder b = factory.builder();
        b.add(TENANT_COLUMN, factory.createSqlType(SqlTypeName.VARCHAR));
        b.addAll(localRowType(factory).getFieldList());
        return b.build();
    }

    /** The row type of the table inside one tenant's SQLite file. */
    RelDataType localRowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder b = factory.builder();
        for (ColumnDef c : columns) {
            b.add(c.name(), SqliteTypes.of(factory, c.declaredType()));
        }
        return b.build();
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        var cluster = context.getCluster();
        RelOptTable local = RelOptTableImpl.create(null, localRowType(cluster.getTypeFactory()), List.of(name), (org.apache.calcite.linq4j.tree.Expression) null);
        RelNode leaf = LogicalTableScan.create(cluster, local, List.of());
        List<Integer> outputs = new ArrayList<>();
        outputs.add(Pushdown.TENANT);
        for (int i = 0; i < columns.size(); i++) {
            outputs.add(i);
        }
        Pushdown p = new Pushdown(leaf, outputs, TenantPredicate.ALL, false, -1);
        return TenantScan.logical(cluster, this, p, relOptTable.getRowType());
    }
}
