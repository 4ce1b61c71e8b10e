package io.cinch.jdbc;

import io.cinch.sql.SqlState;
import io.cinch.store.Names;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.SQLException;
import java.util.Calendar;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Opens {@code jdbc:cinch://host:port?key=value...} (or {@code jdbc:cinch:https://...}) as a connection to a project
 * served by {@code cinch serve}, through Apache Avatica's remote driver with protobuf serialization. The keys are a
 * local URL's ({@code database}, {@code branch}, {@code tenant}, {@code lock_tenant}, and sqlite-jdbc's date settings,
 * which the server's connection applies) plus {@code user} and {@code password} for the server's Basic
 * authentication and {@code truststore}, {@code truststore_password} for TLS.
 */
final class RemoteConnection {

    private static final Set<String> REMOTE_KEYS = Set.of("user", "password", "truststore", "truststore_password");

    private RemoteConnection() {
    }

    /** Connects to the server, checking the keys before anything goes over the network. */
    static Connection open(String url, Properties info) throws SQLException {
        String rest = url.substring(ConnectionUrl.PREFIX.length());
        boolean tls = rest.startsWith("https:");
        int q = rest.indexOf('?');
        String address = (q < 0 ? rest : rest.substring(0, q)).replaceFirst("^(https:)?//", "");
        if (address.endsWith("/")) {
            address = address.substring(0, address.length() - 1);
        }
        if (address.isEmpty() || address.contains("/")) {
            throw SqlState.CANNOT_CONNECT.exception("expected jdbc:cinch://host:port?key=value..., not '" + url + "'");
        }
        Map<String, String> keys = keys(url, q < 0 ? "" : rest.substring(q + 1), info);
        Properties avatica = new Properties();
        avatica.setProperty("factory", RemoteService.class.getName());
        for (Map.Entry<String, String> e : keys.entrySet()) {
            if (Property.of(e.getKey()) != null || ConnectionUrl.DATE_KEYS.contains(e.getKey())) {
                avatica.setProperty(e.getKey(), e.getValue());
            }
        }
        if (keys.containsKey("user")) {
            avatica.setProperty("authentication", "BASIC");
            avatica.setProperty("avatica_user", keys.get("user"));
            avatica.setProperty("avatica_password", keys.getOrDefault("password", ""));
        }
        if (keys.containsKey("truststore")) {
            avatica.setProperty("truststore", keys.get("truststore"));
            avatica.setProperty("truststore_password", keys.getOrDefault("truststore_password", ""));
        }
        String server = (tls ? "https://" : "http://") + address;
        Properties dateSettings = new Properties();
        ConnectionUrl.DATE_KEYS.stream().filter(keys::containsKey).forEach(k -> dateSettings.setProperty(k, keys.get(k)));
        try {
            Connection c = new ToServer().connect("jdbc:avatica:remote:url=" + server + ";serialization=protobuf", avatica);
            SqliteDates dates = dateSettings.isEmpty() ? null : SqliteDates.open(dateSettings);
            return wrap(Connection.class, c, new ConnectionAnswers(c, url.replaceAll("([?&])password=[^&]*&?", "$1")
                    .replaceAll("[?&]$", ""), ConnectionUrl.ALL_TENANTS.equals(keys.get("tenant")), dates), dates);
        } catch (AvaticaClientRuntimeException e) {
            throw translate(e, SqlState.CANNOT_CONNECT);
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            SqlState state = message.contains("HTTP/401") || message.contains("HTTP/403")
                    ? SqlState.AUTHENTICATION_FAILED : SqlState.CANNOT_CONNECT;
            throw state.exception("cannot connect to " + server + ": " + message, e);
        }
    }

    /**
     * {@code target} behind a proxy that turns the server's errors, which Avatica's client throws unchecked from some
     * calls, into SQLExceptions of the {@code java.sql} subclass of their state, and wraps the JDBC objects it returns;
     * {@code answers}, if not null, answers some calls itself (generated keys, which Avatica's client lacks). With
     * sqlite-jdbc's date settings ({@code dates}), result sets read dates as sqlite-jdbc does under them: the server
     * sends a date stored as a number as that number, which Avatica's client cannot read as a date.
     */
    static <T> T wrap(Class<T> type, T target, Answers answers, SqliteDates dates) {
        InvocationHandler calls = (proxy, method, args) -> {
            Object[] call = args == null ? new Object[0] : args;
            if (method.getDeclaringClass() == Object.class && method.getName().equals("equals")) {
                // the target's equals would not know its proxy: pools and ORMs find their connections by equals
                return proxy == call[0];
            }
            if (dates != null && target instanceof ResultSet rs && DATE_GETTERS.contains(method.getName())) {
                Object read = readDate(rs, method.getName(), call, dates);
                if (read != null) {
                    return read;
                }
            }
            if (dates != null && target instanceof Connection && method.getName().equals("close")) {
                dates.close();
            }
            if (method.getName().equals("setFetchSize") && Integer.valueOf(0).equals(call[0])) {
                // JDBC: 0 means no hint; Avatica's client would fetch frames of no rows and return none (Spark sets 0)
                call = new Object[] {AvaticaStatement.DEFAULT_FETCH_SIZE};
            }
            try {
                Object result = answers != null && answers.answers(method, call)
                        ? answers.answer(proxy, method, call) : method.invoke(target, call);
                Class<?> returns = method.getReturnType();
                return result != null && WRAPPED.contains(returns) && !Proxy.isProxyClass(result.getClass())
                        && (dates != null || returns != ResultSet.class)
                        ? wrap(cast(returns), result, answersFor(result), dates) : result;
            } catch (Exception e) {
                Throwable cause = e instanceof InvocationTargetException t ? t.getCause() : e;
                throw cause instanceof SQLException || cause instanceof AvaticaClientRuntimeException
                        ? fromServer(cause) : cause;
            }
        };
        return type.cast(Proxy.newProxyInstance(RemoteConnection.class.getClassLoader(), new Class<?>[] {type}, calls));
    }

    /** Calls that a wrapped JDBC object answers itself instead of passing them to Avatica's. */
    interface Answers {
        /** True when this object answers {@code method} (called with {@code args}, never null). */
        boolean answers(Method method, Object[] args);

        /** The answer to a call on {@code proxy} that {@link #answers} claimed. */
        Object answer(Object proxy, Method method, Object[] args) throws Exception;
    }

    private static Answers answersFor(Object result) {
        return result instanceof Statement s ? new ReturnedKeys(s, false) : null;
    }

    /**
     * A failure Avatica's client reports (an unchecked {@code AvaticaClientRuntimeException}, or an
     * {@code AvaticaSqlException} with the server's state) as a SQLException of the {@code java.sql} subclass of its
     * state, with its code; any other SQLException as it is, anything else as an internal error ({@code XX000}).
     */
    static SQLException fromServer(Throwable cause) {
        if (cause instanceof AvaticaClientRuntimeException a) {
            return translate(a, SqlState.INTERNAL_ERROR);
        }
        if (cause instanceof SQLException s) {
            return s.getClass() == AvaticaSqlException.class ? translate(s) : s;
        }
        return SqlState.INTERNAL_ERROR.exception(String.valueOf(cause.getMessage()), cause);
    }

    private static final Set<Class<?>> WRAPPED = Set.of(Statement.class, PreparedStatement.class, ResultSet.class);

    private static final Set<String> DATE_GETTERS = Set.of("getDate", "getTime", "getTimestamp");

    /** A date getter's value as sqlite-jdbc reads the stored value under the date settings, or null. */
    private static Object readDate(ResultSet rs, String getter, Object[] args, SqliteDates dates) throws SQLException {
        Object stored = args[0] instanceof String label ? rs.getObject(label) : rs.getObject((Integer) args[0]);
        Calendar cal = args.length > 1 ? (Calendar) args[1] : null;
        return dates.read(stored, r -> switch (getter) {
            case "getDate" -> cal == null ? r.getDate(1) : r.getDate(1, cal);
            case "getTime" -> cal == null ? r.getTime(1) : r.getTime(1, cal);
            default -> cal == null ? r.getTimestamp(1) : r.getTimestamp(1, cal);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> cast(Class<?> type) {
        return (Class<T>) type;
    }

    private static SQLException translate(AvaticaClientRuntimeException e, SqlState otherwise) {
        String state = e.getSqlState() == null || e.getSqlState().startsWith("00") ? otherwise.code() : e.getSqlState();
        return translate(new SQLException(e.getMessage(), state, e.getErrorCode(), e));
    }

    /** The exception as the {@code java.sql} subclass its state names (as a local connection throws it), same code. */
    private static SQLException translate(SQLException e) {
        for (SqlState state : SqlState.values()) {
            if (state.code().equals(e.getSQLState())) {
                Class<? extends SQLException> kind = state.exception("").getClass();
                try {
                    return kind.getConstructor(String.class, String.class, int.class, Throwable.class)
                            .newInstance(e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
                } catch (ReflectiveOperationException impossible) {
                    return e;
                }
            }
        }
        return e;
    }

    /** Avatica's remote driver, reporting the product as SQLite (tools choose their SQL dialect by it) and itself as cinch. */
    private static final class ToServer extends Driver {
        @Override
        protected DriverVersion createDriverVersion() {
            String[] sqlite = SQLiteJDBCLoader.getVersion().split("\\.");
            return new DriverVersion("cinch", CinchDriver.VERSION, "SQLite", sqlite[0] + "." + sqlite[1] + "." + sqlite[2],
                    false, CinchDriver.MAJOR_VERSION, CinchDriver.MINOR_VERSION, Integer.parseInt(sqlite[0]),
                    Integer.parseInt(sqlite[1]));
        }
    }

    /** The URL's keys over the Properties' (the URL wins), every one known and the names valid. */
    private static Map<String, String> keys(String url, String query, Properties info) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        if (info != null) {
            info.stringPropertyNames().forEach(k -> keys.put(k, info.getProperty(k)));
        }
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw SqlState.CANNOT_CONNECT.exception("malformed URL parameter '" + pair + "' in '" + url + "'");
            }
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            if (!seen.add(key)) {
                throw SqlState.CANNOT_CONNECT.exception("key '" + key + "' given twice in '" + url + "'");
            }
            keys.put(key, URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        for (String key : keys.keySet()) {
            if (Property.of(key) == null && !REMOTE_KEYS.contains(key) && !ConnectionUrl.DATE_KEYS.contains(key)) {
                throw SqlState.CANNOT_CONNECT.exception("unknown key '" + key + "' for a remote cinch URL; known: "
                        + "database, branch, tenant, lock_tenant, date_class, date_precision, date_string_format, "
                        + "user, password, truststore, truststore_password");
            }
        }
        Names.check("database", keys.getOrDefault("database", "main"));
        Names.check("branch", keys.getOrDefault("branch", "main"));
        String tenant = keys.getOrDefault("tenant", "main");
        if (!tenant.equals(ConnectionUrl.ALL_TENANTS)) {
            Names.check("tenant", tenant);
        }
        return keys;
    }
}
