package io.cinch.liquibase;

import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.sql.Sql;
import liquibase.sql.UnparsedSql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.AbstractSqlGenerator;
import liquibase.statement.core.DropUniqueConstraintStatement;
import liquibase.structure.core.Index;

/** {@code dropUniqueConstraint} as {@code DROP INDEX}: the rollback of {@link UniqueConstraintAsIndex}. */
public class DropUniqueConstraintAsIndex extends AbstractSqlGenerator<DropUniqueConstraintStatement> {

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE + 1;
    }

    @Override
    public boolean supports(DropUniqueConstraintStatement statement, Database database) {
        return database instanceof CinchDatabase;
    }

    @Override
    public ValidationErrors validate(DropUniqueConstraintStatement statement, Database database,
                                     SqlGeneratorChain<DropUniqueConstraintStatement> chain) {
        ValidationErrors errors = new ValidationErrors();
        errors.checkRequiredField("constraintName", statement.getConstraintName());
        return errors;
    }

    @Override
    public Sql[] generateSql(DropUniqueConstraintStatement statement, Database database,
                             SqlGeneratorChain<DropUniqueConstraintStatement> chain) {
        return new Sql[] {new UnparsedSql("DROP INDEX " + database.escapeObjectName(statement.getConstraintName(), Index.class))};
    }
}
