package io.cinch.federation;

import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ?} parameters Calcite evaluates itself (in calcs above the tenant scans) read through {@link BoundValue}:
 * the bound value as it was set, converted to the type the parameter's context gave it, where Calcite's own code
 * would cast it and fail (an int set where a boolean is tested) or truncate it. Tenant SQL keeps its {@code ?} bound
 * as a tenant connection binds it.
 */
final class EvaluatedParameters {
    private static final SqlUserDefinedFunction READ = new SqlUserDefinedFunction(new SqlIdentifier("cinch_parameter",
            SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, null, null, new Read(),
            SqlFunctionCategory.USER_DEFINED_FUNCTION, SqlSyntax.FUNCTION) {
        @Override
        public boolean isDeterministic() {
            return false;
        }
    };

    private EvaluatedParameters() {
    }

    /** The plan with each calc's parameters of a convertible type read through {@link BoundValue}. */
    static RelNode convert(RelNode rel) {
        List<RelNode> inputs = new ArrayList<>();
        for (RelNode input : rel.getInputs()) {
            inputs.add(convert(input));
        }
        RelNode copy = inputs.equals(rel.getInputs()) ? rel : rel.copy(rel.getTraitSet(), inputs);
        return copy instanceof EnumerableCalc calc ? convert(calc) : copy;
    }

    private static RelNode convert(EnumerableCalc calc) {
        RexProgram program = calc.getProgram();
        RexBuilder rex = calc.getCluster().getRexBuilder();
        RelDataTypeFactory types = rex.getTypeFactory();
        RelDataType any = types.createTypeWithNullability(types.createSqlType(SqlTypeName.ANY), true);
        boolean[] changed = {false};
        RexShuttle read = new RexShuttle() {
            @Override
            public RexNode visitDynamicParam(RexDynamicParam param) {
                if (method(param.getType().getSqlTypeName()) == null) {
                    return param;
                }
                changed[0] = true;
                return rex.makeCall(param.getType(), READ, List.of(rex.makeDynamicParam(any, param.getIndex()),
                        rex.makeLiteral(param.getIndex(), types.createSqlType(SqlTypeName.INTEGER))));
            }
        };
        List<RexNode> projects = new ArrayList<>();
        for (RexLocalRef e : program.getProjectList()) {
            projects.add(program.expandLocalRef(e).accept(read));
        }
        RexNode condition = program.getCondition() == null ? null : program.expandLocalRef(program.getCondition()).accept(read);
        if (!changed[0]) {
            return calc;
        }
        return calc.copy(calc.getTraitSet(), calc.getInput(),
                RexProgram.create(program.getInputRowType(), projects, condition, program.getOutputRowType(), rex));
    }

    /** The {@link BoundValue} method for a parameter of this type, or null to leave it to Calcite. */
    private static String method(SqlTypeName type) {
        return switch (type) {
            case BIGINT -> "bigint";
            case INTEGER -> "integer";
            case DOUBLE -> "real";
            case DECIMAL -> "decimal";
            case BOOLEAN -> "truth";
            case VARCHAR, CHAR -> "text";
            default -> null;
        };
    }

    /** The Java side of {@link #READ}{@code (?, index)}: a call to {@link BoundValue} with the parameter's value (and index). */
    private static final class Read implements ScalarFunction, ImplementableFunction {
        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            return typeFactory.createSqlType(SqlTypeName.ANY);
        }

        @Override
        public List<FunctionParameter> getParameters() {
            return List.of();
        }

        @Override
        public CallImplementor getImplementor() {
            return (translator, call, nullAs) -> {
                List<Expression> operands = translator.translateList(call.getOperands());
                String method = method(call.getType().getSqlTypeName());
                Expression value = Expressions.box(operands.get(0));
                return method.equals("truth") || method.equals("text")
                        ? Expressions.call(BoundValue.class, method, value)
                        : Expressions.call(BoundValue.class, method, value, Expressions.convert_(operands.get(1), int.class));
            };
        }
    }
}
