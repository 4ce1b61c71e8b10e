package io.cinch.federation;

import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalciteSqlValidator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidatorScope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Calcite's validator reading SQLite's meaning: {@code ifnull}, {@code iif}, {@code total} and {@code group_concat}
 * become Calcite's equivalents, LIKE ignores ASCII case, {@code ||} is SQLite's, and an unnamed result column is named
 * by its text.
 */
final class SqliteValidator extends CalciteSqlValidator {
    /** Calls whose value is one of their operands; in the others a {@code ?} is only compared. */
    private static final Set<SqlKind> COMPUTED = EnumSet.of(SqlKind.COALESCE, SqlKind.NULLIF, SqlKind.CASE);
    private static final Set<SqlKind> ARITHMETIC = EnumSet.of(SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES, SqlKind.DIVIDE,
            SqlKind.MOD);

    private final SqliteText text;
    private final Map<Integer, RelDataType> bySiblings = new HashMap<>();
    private boolean inCondition;
    private final int[] lineStarts;

    SqliteValidator(CalciteCatalogReader catalogReader, JavaTypeFactory typeFactory, Config config, SqliteText text) {
        super(SqliteOperators.INSTANCE, catalogReader, typeFactory, config);
        this.text = text;
        this.lineStarts = text == null ? new int[0] : text.text.lines().mapToInt(l -> 0).toArray();
        int line = 0;
        for (int i = 0; text != null && i < text.text.length() && line + 1 < lineStarts.length; i++) {
            if (text.text.charAt(i) == '\n') {
                lineStarts[++line] = i + 1;
            }
        }
    }

    /**
     * Types the {@code ?} of arithmetic from the arithmetic's other operand before its parent is typed: Calcite types
     * a comparison's operands first, which derives {@code points + ?} while the parameter has no type and fails
     * ({@code WHERE points + ? > 10} prepares on a tenant connection, so it must here).
     */
    @Override
    protected void inferUnknownTypes(RelDataType inferredType, SqlValidatorScope scope, SqlNode node) {
        if (node instanceof SqlDynamicParam param && bySiblings.containsKey(param.getIndex())) {
            super.inferUnknownTypes(bySiblings.get(param.getIndex()), scope, param);
            return;
        }
        if (node instanceof SqlDynamicParam param && inferredType.equals(unknownType)) {
            RelDataType known = getValidatedNodeTypeIfKnown(param);
            super.inferUnknownTypes(known != null ? known : anyType(), scope, param);
            return;
        }
        if (node instanceof SqlCall call) {
            typeBySiblings(scope, call);
        }
        if (node instanceof SqlCall call && (ARITHMETIC.contains(call.getKind()) || SqlKind.COMPARISON.contains(call.getKind()))) {
            for (SqlNode operand : call.getOperandList()) {
                if (operand instanceof SqlCall arithmetic && ARITHMETIC.contains(arithmetic.getKind())
                        && arithmetic.getOperandList().stream().anyMatch(o -> !(o instanceof SqlDynamicParam))) {
                    inferUnknownTypes(unknownType, scope, arithmetic); // nested arithmetic first, by this same method
                }
            }
        }
        super.inferUnknownTypes(inferredType, scope, node);
    }

    /**
     * Types the {@code ?} among the values of COALESCE, NULLIF and CASE (so also ifnull and iif) as the other values are
     * typed, as SQLite compares and returns them: {@code coalesce(?, points)} takes the type of {@code points}. A
     * {@code ?} with no typed sibling stays for {@link #inferUnknownTypes} to type as ANY. A {@code ?} compared with an
     * integer ({@code =}, {@code <}, BETWEEN, IN) outside a condition is a DOUBLE, as SQLite compares 6.5 with an
     * integer (a condition keeps the column's type, so its SQL pushed to the tenants compares the column itself, with
     * the value bound as set). Calcite's rewrites copy a
     * parameter ({@code coalesce(?, x)} becomes {@code CASE WHEN ? IS NOT NULL THEN ? ELSE x END}): every copy gets the
     * type (whatever else its place would infer), as Calcite gives all uses of a parameter the type of its first.
     */
    /** WHERE, ON and HAVING: pushed into the tenants' SQL where they can be, with the parameter bound as it was set. */
    @Override
    protected void validateWhereOrOn(SqlValidatorScope scope, SqlNode condition, String clause) {
        inCondition = true;
        try {
            super.validateWhereOrOn(scope, condition, clause);
        } finally {
            inCondition = false;
        }
    }

    @Override
    protected void validateHavingClause(SqlSelect select) {
        inCondition = true;
        try {
            super.validateHavingClause(select);
        } finally {
            inCondition = false;
        }
    }

    private void typeBySiblings(SqlValidatorScope scope, SqlCall call) {
        List<SqlNode> values = switch (call.getKind()) {
            case COALESCE, NULLIF -> call.getOperandList();
            case CASE -> {
                SqlCase c = (SqlCase) call;
                if (c.getWhenOperands().size() == 1 && c.getWhenOperands().get(0).getKind() == SqlKind.EQUALS
                        && SqlUtil.isNullLiteral(c.getThenOperands().get(0), false)) {
                    yield ((SqlCall) c.getWhenOperands().get(0)).getOperandList(); // nullif(a, b), as Calcite rewrote it
                }
                List<SqlNode> v = new ArrayList<>(c.getThenOperands().getList());
                v.add(c.getElseOperand());
                yield v;
            }
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, BETWEEN, IN, NOT_IN -> {
                List<SqlNode> v = new ArrayList<>();
                for (SqlNode operand : call.getOperandList()) {
                    v.addAll(operand instanceof SqlNodeList list ? list.getList() : Collections.singletonList(operand));
                }
                yield v;
            }
            default -> List.of();
        };
        List<RelDataType> typed = new ArrayList<>();
        List<SqlDynamicParam> parameters = new ArrayList<>();
        for (SqlNode value : values) {
            SqlNode v = value != null && value.getKind() == SqlKind.CAST_NOT_NULL ? ((SqlCall) value).operand(0) : value;
            if (v instanceof SqlDynamicParam p) {
                if (getValidatedNodeTypeIfKnown(p) == null && !bySiblings.containsKey(p.getIndex())) {
                    parameters.add(p);
                }
            } else if (v != null && !SqlUtil.isNullLiteral(v, false) && !hasParameter(v)) {
                typed.add(deriveType(scope, v));
            }
        }
        if (parameters.isEmpty() || typed.isEmpty() && !COMPUTED.contains(call.getKind())) {
            return;
        }
        RelDataType common = typed.isEmpty() ? null : typeFactory.leastRestrictive(typed);
        if (common != null && SqlTypeUtil.isExactNumeric(common) && !COMPUTED.contains(call.getKind()) && !inCondition) {
            common = typeFactory.createSqlType(SqlTypeName.DOUBLE); // SQLite compares 6.5 with an integer column as a number
        }
        RelDataType type = typeFactory.createTypeWithNullability(common == null ? anyType() : common, true);
        for (SqlDynamicParam p : parameters) {
            setValidatedNodeType(p, type);
            bySiblings.put(p.getIndex(), type);
        }
    }

    private static boolean hasParameter(SqlNode node) {
        boolean[] found = {false};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam param) {
                found[0] = true;
                return null;
            }
        });
        return found[0];
    }

    /**
     * One type per {@code ?}, in the order of their indexes: Calcite's rewrites copy a parameter ({@code coalesce(?, x)}
     * becomes {@code CASE WHEN ? IS NOT NULL THEN ? ELSE x END}), and a copy is the same parameter, typed from its
     * siblings where any copy is.
     */
    @Override
    public RelDataType getParameterRowType(SqlNode sqlQuery) {
        Map<Integer, RelDataType> types = new TreeMap<>();
        sqlQuery.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam param) {
                RelDataType type = getValidatedNodeType(param);
                types.merge(param.getIndex(), type, (a, b) -> a.getSqlTypeName() == SqlTypeName.ANY ? b : a);
                return null;
            }
        });
        List<RelDataType> list = new ArrayList<>(types.values());
        return typeFactory.createStructType(list, IntStream.range(0, list.size()).mapToObj(i -> "?" + i).toList());
    }

    /** The type of a {@code ?} that nothing around it types: any value, kept as bound, as SQLite keeps it. */
    private RelDataType anyType() {
        return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.ANY), true);
    }

    @Override
    protected SqlNode performUnconditionalRewrites(SqlNode node, boolean underFrom) {
        SqlNode rewritten = super.performUnconditionalRewrites(node, underFrom);
        if (rewritten instanceof SqlSelect select) {
            nameColumns(select);
            return select;
        }
        return rewritten instanceof SqlCall call ? sqlite(call) : rewritten;
    }

    /** A call in SQLite's meaning, written with Calcite's operators. */
    private static SqlNode sqlite(SqlCall call) {
        SqlParserPos pos = call.getParserPosition();
        SqlOperator op = call.getOperator();
        List<SqlNode> args = call.getOperandList();
        if (op == SqlStdOperatorTable.LIKE || op == SqlStdOperatorTable.NOT_LIKE) { // SQLite's LIKE ignores ASCII case
            return (op == SqlStdOperatorTable.LIKE ? SqlLibraryOperators.ILIKE : SqlLibraryOperators.NOT_ILIKE).createCall(pos, args);
        }
        if (op == SqlStdOperatorTable.CONCAT) { // numbers become text as SQLite writes them
            return SqliteOperators.CONCAT.createCall(pos, args);
        }
        String name = call.getKind() == SqlKind.OTHER_FUNCTION || call.getKind() == SqlKind.GROUP_CONCAT
                ? op.getName().toLowerCase(Locale.ROOT) : "";
        SqlLiteral quantifier = call.getFunctionQuantifier();
        return switch (name) {
            case "ifnull" -> args.size() == 2 ? SqlStdOperatorTable.COALESCE.createCall(pos, args) : call;
            case "iif" -> args.size() == 3
                    ? SqlCase.createSwitched(pos, null, SqlNodeList.of(args.get(0)), SqlNodeList.of(args.get(1)), args.get(2))
                    : call;
            case "total" -> args.size() == 1 ? cast(SqlStdOperatorTable.COALESCE.createCall(pos,
                    SqlStdOperatorTable.SUM.createCall(quantifier, pos, args.get(0)), SqlLiteral.createExactNumeric("0", pos)),
                    SqlTypeName.DOUBLE) : call;
            case "group_concat" -> args.size() <= 2 && call.getOperandList().stream().noneMatch(a -> a instanceof SqlNodeList)
                    ? SqlStdOperatorTable.LISTAGG.createCall(quantifier, pos, args.size() == 1
                            ? List.of(cast(args.get(0), SqlTypeName.VARCHAR))
                            : List.of(cast(args.get(0), SqlTypeName.VARCHAR), args.get(1)))
                    : call;
            default -> call;
        };
    }

    private static SqlNode cast(SqlNode e, SqlTypeName type) {
        SqlParserPos pos = e.getParserPosition();
        return SqlStdOperatorTable.CAST.createCall(pos, e, new SqlDataTypeSpec(new SqlBasicTypeNameSpec(type, pos), pos));
    }

    /** Names each unnamed computed column by its text in the query, as SQLite does ({@code count(*)}, not {@code EXPR$1}). */
    private void nameColumns(SqlSelect select) {
        SqlNodeList items = select.getSelectList();
        for (int i = 0; text != null && i < items.size(); i++) {
            SqlNode item = items.get(i);
            if (item.getKind() == SqlKind.AS || item instanceof SqlIdentifier) {
                continue;
            }
            String name = textOf(item);
            if (name != null) {
                SqlParserPos pos = item.getParserPosition();
                items.set(i, SqlStdOperatorTable.AS.createCall(pos, item, new SqlIdentifier(name, pos)));
            }
        }
    }

    /** The user's text of an expression, or null if the parser did not place it. */
    private String textOf(SqlNode node) {
        SqlParserPos span = span(node);
        if (span.getLineNum() <= 0 || span.getLineNum() > lineStarts.length || span.getEndLineNum() > lineStarts.length) {
            return null;
        }
        int start = lineStarts[span.getLineNum() - 1] + span.getColumnNum() - 1;
        int end = Math.min(text.text.length(), lineStarts[span.getEndLineNum() - 1] + span.getEndColumnNum());
        if (start < 0 || start >= end) {
            return null;
        }
        // the parser's span may stop inside a call (before its ')', or at an argument): extend it to the matching ')'
        int open = 0;
        char quote = 0;
        for (int i = start; i < text.text.length() && (i < end || open > 0); i++) {
            char c = text.text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                open++;
            } else if (c == ')') {
                open--;
            }
            end = Math.max(end, i + 1);
        }
        return text.original.substring(text.original(start), text.original(end)).strip();
    }

    /** The smallest span covering a node and everything in it. */
    private static SqlParserPos span(SqlNode node) {
        SqlParserPos[] span = {node.getParserPosition()};
        node.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                span[0] = widen(span[0], call.getParserPosition());
                return super.visit(call);
            }

            @Override
            public Void visit(SqlIdentifier id) {
                span[0] = widen(span[0], id.getParserPosition());
                return null;
            }

            @Override
            public Void visit(SqlLiteral literal) {
                span[0] = widen(span[0], literal.getParserPosition());
                return null;
            }
        });
        return span[0];
    }

    private static SqlParserPos widen(SqlParserPos a, SqlParserPos b) {
        if (b.getLineNum() <= 0) {
            return a;
        }
        return a.getLineNum() <= 0 ? b : a.plus(b);
    }
}
