package io.cinch.liquibase;

import liquibase.database.Database;
import liquibase.sqlgenerator.core.AddColumnGenerator;
import liquibase.statement.core.AddColumnStatement;

/** {@code addColumn} as {@code ALTER TABLE ... ADD}, where Liquibase's SQLite support would rebuild the table. */
public class AddColumnInPlace extends AddColumnGenerator {

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE + 1;
    }

    @Override
    public boolean supports(AddColumnStatement statement, Database database) {
        return database instanceof CinchDatabase;
    }

    @Override
    public boolean generateStatementsIsVolatile(Database database) {
        return false;
    }
}
