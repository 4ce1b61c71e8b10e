package io.cinch.federation;

import io.cinch.federation.SqliteFunction.Result;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.validate.SqlNameMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The operators of {@code tenant=*} SQL: SQLite's scalar functions by SQLite's names (these win over Calcite's
 * functions of the same name), then Calcite's standard operators and PostgreSQL's ILIKE.
 */
final class SqliteOperators implements SqlOperatorTable {
    private static final int MANY = 64;

    /** SQLite's scalar functions, by lower-case name. */
    static final Map<String, SqliteFunction> FUNCTIONS = Stream.of(
            new SqliteFunction("substr", 2, 3, Result.TEXT),
            new SqliteFunction("instr", 2, 2, Result.INTEGER),
            new SqliteFunction("printf", 1, MANY, Result.TEXT),
            new SqliteFunction("format", 1, MANY, Result.TEXT),
            new SqliteFunction("length", 1, 1, Result.INTEGER),
            new SqliteFunction("lower", 1, 1, Result.TEXT),
            new SqliteFunction("upper", 1, 1, Result.TEXT),
            new SqliteFunction("trim", 1, 2, Result.TEXT),
            new SqliteFunction("ltrim", 1, 2, Result.TEXT),
            new SqliteFunction("rtrim", 1, 2, Result.TEXT),
            new SqliteFunction("replace", 3, 3, Result.TEXT),
            new SqliteFunction("round", 1, 2, Result.REAL),
            new SqliteFunction("abs", 1, 1, Result.NUMBER_OF_FIRST),
            new SqliteFunction("hex", 1, 1, Result.TEXT),
            new SqliteFunction("quote", 1, 1, Result.TEXT),
            new SqliteFunction("typeof", 1, 1, Result.TEXT),
            new SqliteFunction("unicode", 1, 1, Result.INTEGER),
            new SqliteFunction("char", 1, MANY, Result.TEXT),
            new SqliteFunction("date", 1, MANY, Result.TEXT),
            new SqliteFunction("time", 1, MANY, Result.TEXT),
            new SqliteFunction("datetime", 1, MANY, Result.TEXT),
            new SqliteFunction("strftime", 2, MANY, Result.TEXT),
            new SqliteFunction("julianday", 1, MANY, Result.REAL),
            new SqliteFunction("unixepoch", 1, MANY, Result.INTEGER),
            SqliteFunction.concat())
            .collect(Collectors.toUnmodifiableMap(SqliteFunction::getName, f -> f));

    /** SQLite's {@code ||}, which writes numbers as SQLite does; the parser's operator is replaced by this one. */
    static final SqliteFunction CONCAT = FUNCTIONS.get("||");

    static final SqliteOperators INSTANCE = new SqliteOperators();

    private final SqlOperatorTable calcite = SqlLibraryOperatorTableFactory.INSTANCE
            .getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL);

    private SqliteOperators() {
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                                        List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        SqliteFunction sqlite = opName.isSimple() && syntax == SqlSyntax.FUNCTION
                ? FUNCTIONS.get(opName.getSimple().toLowerCase(Locale.ROOT)) : null;
        if (sqlite != null) {
            operatorList.add(sqlite);
        } else {
            calcite.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
        }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        List<SqlOperator> all = new ArrayList<>(FUNCTIONS.values());
        all.addAll(calcite.getOperatorList());
        return all;
    }
}
