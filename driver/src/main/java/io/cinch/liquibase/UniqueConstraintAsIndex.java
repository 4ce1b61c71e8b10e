package io.cinch.liquibase;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.AbstractSqlGenerator;
import liquibase.statement.core.AddUniqueConstraintStatement;
import liquibase.structure.core.Index;
import liquibase.structure.core.Table;

/** {@code addUniqueConstraint} as a unique index, which SQLite enforces as it would the constraint. */
public class UniqueConstraintAsIndex extends AbstractSqlGenerator<AddUniqueConstraintStatement> {

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE + 1;
    }

    @Override
    public boolean supports(AddUniqueConstraintStatement statement, Database database) {
        return database instanceof CinchDatabase;
    }

    @Override
    public ValidationErrors validate(AddUniqueConstraintStatement statement, Database database,
                                     SqlGeneratorChain<AddUniqueConstraintStatement> chain) {
        ValidationErrors errors = new ValidationErrors();
        errors.checkRequiredField("tableName", statement.getTableName());
        errors.checkRequiredField("columnNames", statement.getColumnNames());
        return errors;
    }

    @Override
    public Sql[] generateSql(AddUniqueConstraintStatement statement, Database database,
                             SqlGeneratorChain<AddUniqueConstraintStatement> chain) {
        String name = statement.getConstraintName() != null ? statement.getConstraintName()
                : statement.getTableName() + "_" + statement.getColumnNames().replaceAll("[^A-Za-z0-9_]+", "_") + "_key";
        String sql = "CREATE UNIQUE INDEX " + database.escapeObjectName(name, Index.class) + " ON "
                + database.escapeTableName(null, null, statement.getTableName()) + " ("
                + database.escapeColumnNameList(statement.getColumnNames()) + ")";
        return new Sql[] {new UnparsedSql(sql, getAffectedTable(statement))};
    }

    private static Table getAffectedTable(AddUniqueConstraintStatement statement) {
        return (Table) new Table().setName(statement.getTableName());
    }
}
