package io.cinch.federation;

import org.apache.calcite.config.NullCollation;
import org.apache.calcite.sql.SqlAbstractDateTimeLiteral;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.dialect.SqliteSqlDialect;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

import java.util.Locale;

/** The dialect in which per-tenant SQL is written: Calcite's SQLite dialect with a correct context and SQLite's functions by their names. */
final class SqliteDialect extends SqliteSqlDialect {
    /** SQLite 3.45 context; Calcite 1.42's DEFAULT_CONTEXT names DuckDB and no version, which disables join push-down. */
    static final SqlDialect.Context CONTEXT = SqlDialect.EMPTY_CONTEXT
            .withDatabaseProduct(DatabaseProduct.SQLITE)
            .withDatabaseMajorVersion(3)
            .withDatabaseMinorVersion(45)
            .withIdentifierQuoteString("\"")
            .withNullCollation(NullCollation.LOW);

    static final SqliteDialect INSTANCE = new SqliteDialect();

    private SqliteDialect() {
        super(CONTEXT);
    }

    @Override
    public boolean supportsCharSet() {
        return false; // CAST(x AS VARCHAR CHARACTER SET ...) is not SQLite
    }

    @Override
    public boolean supportsAggregateFunctionFilter() {
        return true; // SQLite >= 3.30
    }

    @Override
    public void unparseDateTimeLiteral(SqlWriter writer, SqlAbstractDateTimeLiteral literal, int leftPrec, int rightPrec) {
        writer.literal("'" + literal.toFormattedString() + "'"); // SQLite keeps dates as ISO text
    }

    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        if (call.getKind() == SqlKind.CAST && call.operand(1) instanceof SqlDataTypeSpec spec) {
            String fn = switch (spec.getTypeName().getSimple().toUpperCase(Locale.ROOT)) {
                case "DATE" -> "date";
                case "TIMESTAMP" -> "datetime";
                default -> null;
            };
            if (fn != null) { // SQLite keeps dates as ISO text; CAST(x AS DATE) would give a number
                writer.print(fn);
                SqlWriter.Frame frame = writer.startList("(", ")");
                call.operand(0).unparse(writer, 0, 0);
                writer.endList(frame);
                return;
            }
        }
        if (call.getOperator() == SqlLibraryOperators.ILIKE || call.getOperator() == SqlLibraryOperators.NOT_ILIKE) {
            // SQLite's LIKE is Calcite's ILIKE: it ignores ASCII case
            SqlOperator like = call.getOperator() == SqlLibraryOperators.ILIKE ? SqlStdOperatorTable.LIKE : SqlStdOperatorTable.NOT_LIKE;
            super.unparseCall(writer, like.createCall(call.getParserPosition(), call.getOperandList()), leftPrec, rightPrec);
            return;
        }
        if (!(call.getOperator() instanceof SqliteFunction)) {
            super.unparseCall(writer, call, leftPrec, rightPrec);
            return;
        }
        if (call.getOperator() == SqliteOperators.CONCAT) {
            SqlWriter.Frame frame = writer.startList("(", ")");
            call.operand(0).unparse(writer, 0, 0);
            writer.print("|| ");
            call.operand(1).unparse(writer, 0, 0);
            writer.endList(frame);
            return;
        }
        writer.print(call.getOperator().getName().toLowerCase(Locale.ROOT));
        SqlWriter.Frame frame = writer.startList("(", ")");
        for (SqlNode operand : call.getOperandList()) {
            writer.sep(",");
            operand.unparse(writer, 0, 0);
        }
        writer.endList(frame);
    }
}
