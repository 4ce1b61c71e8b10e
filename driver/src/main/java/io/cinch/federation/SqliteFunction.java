package io.cinch.federation;

import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One of SQLite's scalar functions as a Calcite operator: written verbatim into a tenant's SQL when the scan absorbs
 * it, else evaluated by {@link SqliteEvaluator}. Never folded at planning time (think of {@code date('now')}).
 */
final class SqliteFunction extends SqlUserDefinedFunction {
    /** What the function returns, as SQLite documents it. */
    enum Result { TEXT, INTEGER, REAL, NUMBER_OF_FIRST }

    private final int min;
    private final int max;

    SqliteFunction(String name, int min, int max, Result result) {
        super(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, binding -> returnType(binding, result),
                (binding, returnType, operandTypes) -> Arrays.fill(operandTypes, anyType(binding.getTypeFactory())),
                null, new Implementation(name, result), SqlFunctionCategory.USER_DEFINED_FUNCTION, SqlSyntax.FUNCTION);
        this.min = min;
        this.max = max;
    }

    /** SQLite's {@code ||}: written as an operator, text from numbers as SQLite writes them. */
    static SqliteFunction concat() {
        return new SqliteFunction("||", 2, 2, Result.TEXT);
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.between(min, max);
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding callBinding, boolean throwOnFailure) {
        return true; // SQLite takes any value anywhere
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }

    private static RelDataType anyType(RelDataTypeFactory factory) {
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY), true);
    }

    private static RelDataType returnType(SqlOperatorBinding binding, Result result) {
        RelDataTypeFactory f = binding.getTypeFactory();
        SqlTypeName name = switch (result) {
            case TEXT -> SqlTypeName.VARCHAR;
            case INTEGER -> SqlTypeName.BIGINT;
            case REAL -> SqlTypeName.DOUBLE;
            case NUMBER_OF_FIRST -> {
                RelDataType first = binding.getOperandType(0);
                yield SqlTypeUtil.isExactNumeric(first) ? SqlTypeName.BIGINT : SqlTypeName.DOUBLE;
            }
        };
        return f.createTypeWithNullability(f.createSqlType(name), true);
    }

    /** The Java side: a call to {@link SqliteEvaluator} with the function's name and its boxed arguments. */
    private record Implementation(String name, Result result) implements ScalarFunction, ImplementableFunction {
        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            return anyType(typeFactory);
        }

        @Override
        public List<FunctionParameter> getParameters() {
            return List.of();
        }

        @Override
        public CallImplementor getImplementor() {
            return (translator, call, nullAs) -> {
                List<Expression> args = new ArrayList<>();
                for (Expression e : translator.translateList(call.getOperands())) {
                    args.add(Expressions.box(e));
                }
                String method = switch (call.getType().getSqlTypeName()) {
                    case BIGINT -> "integer";
                    case DOUBLE -> "real";
                    default -> "text";
                };
                return Expressions.call(SqliteEvaluator.class, method, Expressions.constant(name),
                        Expressions.newArrayInit(Object.class, args));
            };
        }
    }
}
