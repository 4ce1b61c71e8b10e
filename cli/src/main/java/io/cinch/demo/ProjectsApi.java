package io.cinch.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cinch.store.Names;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tutorial's multi-tenant API on the JDK's HTTP server: a request names its tenant in a header and carries a
 * token ("user-id@tenant"); the tenant is checked (a valid name, the token's) before any query, and the query runs on
 * a connection locked to that tenant, so a bug in a handler still cannot read another customer's data.
 */
final class ProjectsApi implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern DESCRIPTION = Pattern.compile("\"description\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final String url;
    private final HttpClient client = HttpClient.newHttpClient();

    private ProjectsApi(HttpServer server, String url) {
        this.server = server;
        this.url = url;
    }

    static ProjectsApi start(String url) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ProjectsApi api = new ProjectsApi(server, url);
        server.createContext("/projects", api::projects);
        server.start();
        return api;
    }

    private void projects(HttpExchange exchange) throws IOException {
        String tenant = exchange.getRequestHeaders().getFirst("tenant");
        String token = exchange.getRequestHeaders().getFirst("token");
        int at = token == null ? -1 : token.indexOf('@');
        if (!Names.isValid(tenant) || at < 0 || !token.substring(at + 1).equals(tenant)) {
            respond(exchange, 403, "{\"detail\": \"Access denied\"}");
            return;
        }
        String user = token.substring(0, at);
        try (Connection db = DriverManager.getConnection(url + "&tenant=" + tenant + "&lock_tenant=true")) {
            if (exchange.getRequestMethod().equals("POST")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = Onboarding.insert(db, "INSERT INTO projects(name, description, owner_id, status) VALUES (?, ?, ?, 'active')",
                        field(NAME, body), field(DESCRIPTION, body), user);
                respond(exchange, 201, "{\"id\": \"" + id + "\"}");
                return;
            }
            try (PreparedStatement ps = db.prepareStatement("SELECT name FROM projects WHERE owner_id = ? ORDER BY created_at")) {
                ps.setString(1, user);
                StringBuilder names = new StringBuilder();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        names.append(names.length() == 0 ? "" : ", ").append('"').append(rs.getString(1)).append('"');
                    }
                }
                respond(exchange, 200, "{\"projects\": [" + names + "]}");
            }
        } catch (SQLException e) {
            respond(exchange, e.getSQLState() != null && e.getSQLState().startsWith("3F") ? 404 : 500,
                    "{\"detail\": \"" + e.getSQLState() + "\"}");
        }
    }

    private static String field(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    String get(String path, String tenant, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("tenant", tenant).header("token", token).GET().build());
    }

    String post(String path, String tenant, String token, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("tenant", tenant).header("token", token)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
