package io.cinch.server;

import io.cinch.sql.SqlState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.util.List;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.server.Request;

/**
 * Avatica's protobuf handler that refuses oversized requests (54000), reading their bytes into nothing rather than
 * into memory, and tells the {@link Gate}
 * which authenticated user sent the request.
 */
final class RequestHandler extends AvaticaProtobufHandler {

    private final int maxBytes;

    RequestHandler(Service service, int maxBytes) {
        super(service);
        this.maxBytes = maxBytes;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        long length = request.getContentLengthLong();
        if (length < 0 || length > maxBytes) {
            String message = length < 0 ? "requests must give their length"
                    : "request of " + length + " bytes is larger than the server's limit of " + maxBytes
                            + " bytes (cinch serve --max-request-bytes)";
            Service.ErrorResponse error = new Service.ErrorResponse(List.of(), message, 0,
                    SqlState.REQUEST_TOO_LARGE.code(), AvaticaSeverity.ERROR, null);
            request.getInputStream().transferTo(OutputStream.nullOutputStream());
            response.setStatus(HttpURLConnection.HTTP_INTERNAL_ERROR);
            response.getOutputStream().write(new ProtobufTranslationImpl().serializeResponse(error));
            baseRequest.setHandled(true);
            return;
        }
        Gate.USER.set(request.getRemoteUser());
        try {
            super.handle(target, baseRequest, request, response);
        } finally {
            Gate.USER.remove();
        }
    }
}
