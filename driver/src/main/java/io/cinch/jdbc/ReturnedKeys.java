package io.cinch.jdbc;

import io.cinch.sql.MemoryResultSet;
import io.cinch.sql.SqlState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The generated keys of one {@code jdbc:cinch://} statement, which Avatica's client does not support: an INSERT that
 * asks for them runs as a query of {@code INSERT ... RETURNING} its key columns ({@link ReturningInsert}), whose rows
 * are kept as the keys and counted as the update count, as a local connection counts them.
 */
final class ReturnedKeys implements RemoteConnection.Answers {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeUpdate", "executeLargeUpdate");
    private static final Set<String> COUNTS = Set.of("getUpdateCount", "getLargeUpdateCount", "getResultSet");
    private static final Set<String> BATCHES = Set.of("addBatch", "clearBatch", "executeBatch", "executeLargeBatch");

    private final Statement target;
    private final boolean returning;
    private final Map<Integer, Call> parameters = new TreeMap<>();
    private final List<List<Call>> batch = new ArrayList<>();
    private MemoryResultSet keys;
    private long count = -1;

    /**
     * Keys of {@code target}; {@code returning} when it is a prepared {@code INSERT ... RETURNING} that the caller
     * prepared asking for keys, so that its executions and batches report them.
     */
    ReturnedKeys(Statement target, boolean returning) {
        this.target = target;
        this.returning = returning;
    }

    /** A parameter set on the prepared statement (every setter takes the parameter's index first), kept for batches. */
    private record Call(Method method, Object[] args) {
    }

    @Override
    public boolean answers(Method method, Object[] args) {
        String name = method.getName();
        if (name.equals("getGeneratedKeys") || name.startsWith("execute") || name.startsWith("getMoreResults")) {
            return true;
        }
        if (count >= 0 && COUNTS.contains(name)) {
            return true;
        }
        return returning && (BATCHES.contains(name) && args.length == 0 || name.equals("clearParameters")
                || name.startsWith("set") && method.getDeclaringClass() == PreparedStatement.class);
    }

    @Override
    public Object answer(Object proxy, Method method, Object[] args) throws Exception {
        String name = method.getName();
        if (name.equals("getGeneratedKeys")) {
            return keys != null ? keys : MemoryResultSet.of().build((Statement) proxy);
        }
        if (COUNTS.contains(name)) {
            if (name.equals("getResultSet")) {
                return null;
            }
            if (name.equals("getUpdateCount")) {
                return (int) count;
            }
            return count;
        }
        if (name.startsWith("set") || name.equals("clearParameters")) {
            if (name.equals("clearParameters")) {
                parameters.clear();
            } else {
                parameters.put((Integer) args[0], new Call(method, args.clone()));
            }
            return method.invoke(target, args);
        }
        if (BATCHES.contains(name) && returning) {
            return batch(proxy, name);
        }
        count = -1;
        if (name.startsWith("getMoreResults")) {
            return method.invoke(target, args);
        }
        if (EXECUTIONS.contains(name) && args.length == 2 && args[0] instanceof String sql) {
            return runAsking(proxy, name, sql, args[1]);
        }
        keys = null;
        if (returning && EXECUTIONS.contains(name) && args.length == 0) {
            return counted(name, run(proxy));
        }
        if (returning && name.equals("executeQuery") && args.length == 0) {
            run(proxy); // as a local connection does: the INSERT runs, then the call fails
            throw SqlState.INVALID_ARGUMENT.exception(
                    "the statement returned no result set; use executeUpdate or execute");
        }
        return method.invoke(target, args);
    }

    /** {@code execute...(sql, keys)} of a plain statement: with RETURNING when it is an INSERT into a table. */
    private Object runAsking(Object proxy, String name, String sql, Object requested) throws Exception {
        String returningSql = ReturningInsert.of(target.getConnection(), sql, GeneratedKeys.requested(requested));
        if (returningSql == null) {
            keys = null;
            return Statement.class.getMethod(name, String.class).invoke(target, sql);
        }
        keys = MemoryResultSet.copyOf(target.executeQuery(returningSql), (Statement) proxy);
        count = keys.size();
        return counted(name, keys);
    }

    /** Runs the prepared {@code INSERT ... RETURNING} with its current parameters; its rows become the keys. */
    private MemoryResultSet run(Object proxy) throws SQLException {
        keys = MemoryResultSet.copyOf(((PreparedStatement) target).executeQuery(), (Statement) proxy);
        count = keys.size();
        return keys;
    }

    /** What {@code execute}, {@code executeUpdate} or {@code executeLargeUpdate} return for a run that wrote. */
    private static Object counted(String name, MemoryResultSet keys) {
        return switch (name) {
            case "execute" -> false;
            case "executeUpdate" -> keys.size();
            default -> (long) keys.size();
        };
    }

    /** The batch calls of a prepared statement asking for keys: each entry runs alone, and keys add up. */
    private Object batch(Object proxy, String name) throws Exception {
        switch (name) {
            case "addBatch" -> batch.add(List.copyOf(parameters.values()));
            case "clearBatch" -> batch.clear();
            default -> {
                List<List<Call>> work = List.copyOf(batch);
                batch.clear();
                long[] counts = new long[work.size()];
                MemoryResultSet all = null;
                for (int i = 0; i < work.size(); i++) {
                    try {
                        for (Call call : work.get(i)) {
                            call.method().invoke(target, call.args());
                        }
                        all = MemoryResultSet.concat(all, run(proxy));
                        counts[i] = keys.size();
                    } catch (InvocationTargetException | SQLException | RuntimeException e) {
                        Throwable cause = e instanceof InvocationTargetException t ? t.getCause() : e;
                        throw CinchStatement.batchFailure(RemoteConnection.fromServer(cause), Arrays.copyOf(counts, i));
                    }
                }
                keys = all;
                count = -1;
                return name.equals("executeBatch") ? Arrays.stream(counts).mapToInt(n -> (int) n).toArray() : counts;
            }
        }
        return null;
    }
}
