package io.cinch.federation;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code cinch} schema: tenants, branches, changes and databases as queryable tables. */
final class SystemSchema extends AbstractSchema {
    private static final SqlTypeName TEXT = SqlTypeName.VARCHAR;

    private final Map<String, Table> tables;

    SystemSchema(TenantSource source) {
        tables = Map.of(
                "tenants", new ListTable(List.of("name", "created_at", "materialized", "size_bytes"),
                        List.of(TEXT, TEXT, SqlTypeName.BOOLEAN, SqlTypeName.BIGINT), () -> tenantRows(source)),
                "branches", new ListTable(List.of("name", "source", "created_at"), List.of(TEXT, TEXT, TEXT),
                        source::branches),
                "changes", new ListTable(List.of("branch", "seq", "type", "entity", "sql", "created_at"),
                        List.of(TEXT, SqlTypeName.BIGINT, TEXT, TEXT, TEXT, TEXT), source::changes),
                "databases", new ListTable(List.of("name", "created_at"), List.of(TEXT, TEXT), source::databases));
    }

    private static List<Object[]> tenantRows(TenantSource source) {
        List<Object[]> rows = new ArrayList<>();
        for (TenantRef t : source.tenants()) {
            rows.add(new Object[] {t.name(), t.createdAt(), t.materialized(), t.sizeBytes()});
        }
        return rows;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
