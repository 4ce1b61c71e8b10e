package io.cinch.federation;

import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.List;
import java.util.function.Supplier;

/** An in-memory system table whose rows are fetched afresh at every scan. */
final class ListTable extends AbstractTable implements ScannableTable {
    private final List<String> names;
    private final List<SqlTypeName> types;
    private final Supplier<List<Object[]>> rows;

    ListTable(List<String> names, List<SqlTypeName> types, Supplier<List<Object[]>> rows) {
        this.names = names;
        this.types = types;
        this.rows = rows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory factory) {
        RelDataTypeFactory.Builder b = factory.builder();
        for (int i = 0; i < names.size(); i++) {
            b.add(names.get(i), factory.createTypeWithNullability(factory.createSqlType(types.get(i)), i > 0));
        }
        return b.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        return Linq4j.asEnumerable(rows.get());
    }
}
