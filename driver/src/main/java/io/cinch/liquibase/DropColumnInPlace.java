package io.cinch.liquibase;

import java.util.ArrayList;
import java.util.List;
import liquibase.change.ChangeMetaData;
import liquibase.change.ColumnConfig;
import liquibase.change.DatabaseChange;
import liquibase.change.core.DropColumnChange;
import liquibase.database.Database;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.DropColumnStatement;

/**
 * {@code dropColumn} as {@code ALTER TABLE ... DROP COLUMN} on cinch, where Liquibase's SQLite support would rebuild
 * the table; other databases get Liquibase's own statements.
 */
@DatabaseChange(name = "dropColumn", description = "Drop existing column(s).", priority = ChangeMetaData.PRIORITY_DATABASE,
        appliesTo = "column")
public class DropColumnInPlace extends DropColumnChange {

    @Override
    public boolean supports(Database database) {
        return super.supports(database);
    }

    @Override
    public boolean generateStatementsVolatile(Database database) {
        return !(database instanceof CinchDatabase) && super.generateStatementsVolatile(database);
    }

    @Override
    public SqlStatement[] generateStatements(Database database) {
        if (!(database instanceof CinchDatabase)) {
            return super.generateStatements(database);
        }
        List<String> names = new ArrayList<>();
        if (getColumnName() != null) {
            names.add(getColumnName());
        }
        for (ColumnConfig column : getColumns()) {
            names.add(column.getName());
        }
        return names.stream()
                .map(name -> new DropColumnStatement(getCatalogName(), getSchemaName(), getTableName(), name))
                .toArray(SqlStatement[]::new);
    }
}
