package io.cinch.server;

import io.cinch.sql.SqlState;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;

/**
 * The one place every request to the server passes: it binds each connection to the user who opened it and that
 * user's {@link Role}, caps connections and statements, and gives every failure its SQLState for the client.
 */
final class Gate implements InvocationHandler {

    private static final System.Logger LOG = System.getLogger("io.cinch.server");

    /** The authenticated user of the request this thread serves, or null without authentication. */
    static final ThreadLocal<String> USER = new ThreadLocal<>();

    /** Who opened a connection, as what, and the statements it has on the server (closed with it). */
    private record Session(String user, Role role, Set<Integer> statements) {
    }

    private final Service service;
    private final CinchMeta meta;
    private final Credentials credentials;
    private final Limits limits;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Gate(Service service, CinchMeta meta, Credentials credentials, Limits limits) {
        this.service = service;
        this.meta = meta;
        this.credentials = credentials;
        this.limits = limits;
    }

    /** The service behind this gate; without credentials every client is an admin. */
    Service service() {
        return (Service) Proxy.newProxyInstance(Gate.class.getClassLoader(), new Class<?>[] {Service.class}, this);
    }

    /** Forgets the owners of connections the server has closed (idle, or stopped). */
    void forgetClosed() {
        sessions.keySet().removeIf(id -> !meta.isOpen(id));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (!method.getName().equals("apply")) {
            return call(method, args);
        }
        try {
            String user = USER.get();
            if (args[0] instanceof Service.OpenConnectionRequest open) {
                return open(method, user, open);
            }
            Object request = admit(user, args[0]);
            Object response = call(method, new Object[] {request});
            Session session = sessions.get(connectionId(request));
            if (session == null) {
                return response;
            } else if (request instanceof Service.CloseConnectionRequest close) {
                sessions.remove(close.connectionId);
                session.statements().forEach(meta::forget);
            } else if (request instanceof Service.CloseStatementRequest close) {
                session.statements().remove(close.statementId);
            } else {
                statementsOf(response).forEach(session.statements()::add);
            }
            return response;
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private synchronized Object open(Method method, String user, Service.OpenConnectionRequest open)
            throws Throwable {
        Role role = credentials == null ? Role.ADMIN : credentials.role(user);
        Properties keys = role.connectionProperties(open.info);
        if (meta.connections() >= limits.connections()) {
            throw SqlState.TOO_MANY_CONNECTIONS.exception("the server has " + limits.connections()
                    + " connections open, its limit (cinch serve --max-connections)");
        }
        Map<String, String> info = new HashMap<>();
        keys.stringPropertyNames().forEach(k -> info.put(k, keys.getProperty(k)));
        Object response = call(method, new Object[] {new Service.OpenConnectionRequest(open.connectionId, info)});
        sessions.put(open.connectionId, new Session(user, role, ConcurrentHashMap.newKeySet()));
        return response;
    }

    /** Checks a request against its connection's owner and role; returns it, or the narrower request to run. */
    private Object admit(String user, Object request) throws SQLException {
        String id = connectionId(request);
        Session session = id == null ? null : sessions.get(id);
        if (session == null || !Objects.equals(session.user(), user)) {
            throw SqlState.CONNECTION_CLOSED.exception("no such connection on this server");
        }
        if (!meta.touch(id)) {
            sessions.remove(id);
            throw SqlState.CONNECTION_CLOSED.exception("the server closed this connection after "
                    + limits.idleTimeout().toSeconds() + " s without requests (cinch serve --idle-timeout)");
        }
        Role role = session.role();
        if (request instanceof Service.PrepareAndExecuteRequest r) {
            statement(user, role, r.sql);
        } else if (request instanceof Service.PrepareRequest r) {
            capStatements();
            statement(user, role, r.sql);
        } else if (request instanceof Service.PrepareAndExecuteBatchRequest r) {
            for (String sql : r.sqlCommands) {
                role.check(sql);
            }
        } else if (request instanceof Service.CreateStatementRequest) {
            capStatements();
        } else if (request instanceof Service.ConnectionSyncRequest r && r.connProps != null) {
            role.checkSwitch(r.connProps.getCatalog(), r.connProps.getSchema());
        } else if (role.kind() == Role.Kind.TENANT) {
            return ownTenantOnly(role, request);
        }
        return request;
    }

    private void statement(String user, Role role, String sql) throws SQLException {
        role.check(sql);
        if (limits.logStatements()) {
            LOG.log(System.Logger.Level.INFO, "{0} runs: {1}", user == null ? "client" : user, sql);
        }
    }

    private void capStatements() throws SQLException {
        if (meta.statements() >= limits.statements()) {
            throw SqlState.TOO_MANY_STATEMENTS.exception("the server has " + limits.statements()
                    + " statements open, its limit (cinch serve --max-statements): close statements after use");
        }
    }

    /** A tenant user's metadata requests narrowed to its own tenant, so that it never sees other tenants' names. */
    private static Object ownTenantOnly(Role role, Object request) {
        String own = role.tenant().replace("_", "\\_");
        if (request instanceof Service.SchemasRequest r) {
            return new Service.SchemasRequest(r.connectionId, "main", own);
        } else if (request instanceof Service.TablesRequest r) {
            return new Service.TablesRequest(r.connectionId, "main", own, r.tableNamePattern, r.typeList);
        } else if (request instanceof Service.ColumnsRequest r) {
            return new Service.ColumnsRequest(r.connectionId, "main", own, r.tableNamePattern, r.columnNamePattern);
        }
        return request;
    }

    /** The ids of the server-side statements a response names. */
    private static List<Integer> statementsOf(Object response) {
        if (response instanceof Service.CreateStatementResponse r) {
            return List.of(r.statementId);
        } else if (response instanceof Service.PrepareResponse r) {
            return List.of(r.statement.id);
        } else if (response instanceof Service.ResultSetResponse r) {
            return List.of(r.statementId);
        } else if (response instanceof Service.ExecuteResponse r && r.results != null) {
            return r.results.stream().map(x -> x.statementId).toList();
        }
        return List.of();
    }

    private static String connectionId(Object request) {
        if (request instanceof Service.ExecuteRequest r) {
            return r.statementHandle == null ? null : r.statementHandle.connectionId;
        }
        try {
            Object id = request.getClass().getField("connectionId").get(request);
            return id instanceof String s ? s : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(service, args);
        } catch (InvocationTargetException e) {
            throw translate(e.getCause());
        }
    }

    /** The failure as Avatica sends it: with the SQLState and error code of the first SQLException among its causes. */
    static Throwable translate(Throwable failure) {
        if (failure instanceof AvaticaRuntimeException) {
            return failure;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e) {
                String state = e.getSQLState() == null ? SqlState.of(e).getSQLState() : e.getSQLState();
                return new AvaticaRuntimeException(e.getMessage(), e.getErrorCode(), state, AvaticaSeverity.ERROR);
            }
            if (t instanceof NoSuchConnectionException) {
                return new AvaticaRuntimeException("no such connection on this server", 0,
                        SqlState.CONNECTION_CLOSED.code(), AvaticaSeverity.ERROR);
            }
        }
        return failure;
    }
}
