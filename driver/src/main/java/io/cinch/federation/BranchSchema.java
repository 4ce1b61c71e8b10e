package io.cinch.federation;

import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** The branch's tables, each one {@link TenantTable} whatever the number of tenants. */
final class BranchSchema extends AbstractSchema {
    private final Map<String, Table> tables = new LinkedHashMap<>();

    BranchSchema(TenantSource source, ExecutorService executor, int parallelism) {
        for (Map.Entry<String, List<ColumnDef>> e : source.tables().entrySet()) {
            tables.put(e.getKey(), new TenantTable(e.getKey(), e.getValue(), source, executor, parallelism));
        }
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
