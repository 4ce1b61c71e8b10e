package io.cinch.federation;

import org.apache.calcite.linq4j.function.NonDeterministic;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * SQLite's date functions as Calcite functions: pushed verbatim to tenants, evaluated by an in-memory SQLite when not.
 * Non-deterministic ('now') so that Calcite does not fold them into literals at planning time.
 */
@NonDeterministic
public final class DateFunctions {
    private static final Set<String> NAMES = Set.of("datetime", "date", "time", "julianday", "unixepoch", "strftime");
    private static final ThreadLocal<Connection> MEMORY = ThreadLocal.withInitial(DateFunctions::openMemory);

    private DateFunctions() {
    }

    /** Registers every overload (one per arity) into the schema. */
    static void register(SchemaPlus schema) {
        for (Method m : DateFunctions.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && NAMES.contains(m.getName())) {
                schema.add(m.getName(), ScalarFunctionImpl.create(m));
            }
        }
    }

    /** Whether an operator is one of these functions, as it appears in Calcite's plans. */
    static boolean isDateFunction(SqlOperator op) {
        return op instanceof SqlUserDefinedFunction && NAMES.contains(op.getName().toLowerCase(Locale.ROOT));
    }

    public static String datetime(Object t) { return text("datetime", t); }
    public static String datetime(Object t, Object m1) { return text("datetime", t, m1); }
    public static String datetime(Object t, Object m1, Object m2) { return text("datetime", t, m1, m2); }
    public static String datetime(Object t, Object m1, Object m2, Object m3) { return text("datetime", t, m1, m2, m3); }
    public static String date(Object t) { return text("date", t); }
    public static String date(Object t, Object m1) { return text("date", t, m1); }
    public static String date(Object t, Object m1, Object m2) { return text("date", t, m1, m2); }
    public static String date(Object t, Object m1, Object m2, Object m3) { return text("date", t, m1, m2, m3); }
    public static String time(Object t) { return text("time", t); }
    public static String time(Object t, Object m1) { return text("time", t, m1); }
    public static String time(Object t, Object m1, Object m2) { return text("time", t, m1, m2); }
    public static String strftime(Object f, Object t) { return text("strftime", f, t); }
    public static String strftime(Object f, Object t, Object m1) { return text("strftime", f, t, m1); }
    public static String strftime(Object f, Object t, Object m1, Object m2) { return text("strftime", f, t, m1, m2); }
    public static String strftime(Object f, Object t, Object m1, Object m2, Object m3) { return text("strftime", f, t, m1, m2, m3); }
    public static Double julianday(Object t) { return (Double) eval("julianday", t); }
    public static Double julianday(Object t, Object m1) { return (Double) eval("julianday", t, m1); }
    public static Long unixepoch(Object t) { return (Long) eval("unixepoch", t); }
    public static Long unixepoch(Object t, Object m1) { return (Long) eval("unixepoch", t, m1); }

    private static String text(String fn, Object... args) {
        Object v = eval(fn, args);
        return v == null ? null : v.toString();
    }

    private static Object eval(String fn, Object... args) {
        String sql = "SELECT " + fn + "(" + "?,".repeat(args.length - 1) + "?)";
        try (PreparedStatement ps = MEMORY.get().prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object v = rs.getObject(1);
                if (v instanceof Integer i) {
                    return fn.equals("julianday") ? (Object) i.doubleValue() : (Object) i.longValue();
                }
                return v;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(fn + ": " + e.getMessage(), e);
        }
    }

    private static Connection openMemory() {
        try {
            return DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
