package io.cinch.liquibase;

import java.sql.SQLFeatureNotSupportedException;
import liquibase.database.Database;
import liquibase.exception.DatabaseException;
import liquibase.exception.UnexpectedLiquibaseException;
import liquibase.exception.ValidationErrors;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorChain;
import liquibase.sqlgenerator.core.AbstractSqlGenerator;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.AddAutoIncrementStatement;
import liquibase.statement.core.AddDefaultValueStatement;
import liquibase.statement.core.AddForeignKeyConstraintStatement;
import liquibase.statement.core.CopyRowsStatement;

/**
 * A statement SQLite can only carry out by rebuilding the table (rename, create, copy the rows, drop), refused on
 * cinch with {@code 0A000}: the copy would run on the connection's tenant only, and every other tenant would lose its
 * rows. One subclass per statement Liquibase's SQLite support turns into a rebuild.
 *
 * @param <T> the refused statement
 */
public abstract class Rebuild<T extends SqlStatement> extends AbstractSqlGenerator<T> {

    private final String what;

    Rebuild(String what) {
        this.what = what;
    }

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE + 1;
    }

    @Override
    public boolean supports(T statement, Database database) {
        return database instanceof CinchDatabase;
    }

    @Override
    public ValidationErrors validate(T statement, Database database, SqlGeneratorChain<T> chain) {
        return new ValidationErrors();
    }

    @Override
    public Sql[] generateSql(T statement, Database database, SqlGeneratorChain<T> chain) {
        throw new UnexpectedLiquibaseException(new DatabaseException(new SQLFeatureNotSupportedException("cinch cannot "
                + what + ": SQLite does it only by rebuilding the table, and a rebuild's copy of the rows would reach "
                + "the connection's tenant only, emptying the table in every other tenant. Declare it when the table "
                + "is created, or create a new table and move the data yourself.", "0A000")));
    }

    /** {@code addForeignKeyConstraint}. */
    public static final class ForeignKey extends Rebuild<AddForeignKeyConstraintStatement> {
        public ForeignKey() {
            super("add a foreign key to an existing table");
        }
    }

    /** The copy step of every other rebuild (addNotNullConstraint, dropPrimaryKey, mergeColumns, ...). */
    public static final class CopyRows extends Rebuild<CopyRowsStatement> {
        public CopyRows() {
            super("change a table this way");
        }
    }

    /** {@code addDefaultValue}. */
    public static final class DefaultValue extends Rebuild<AddDefaultValueStatement> {
        public DefaultValue() {
            super("add a default value to an existing column");
        }
    }

    /** {@code addAutoIncrement}. */
    public static final class AutoIncrement extends Rebuild<AddAutoIncrementStatement> {
        public AutoIncrement() {
            super("make an existing column auto-increment");
        }
    }
}
