package io.cinch.jdbc;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.Service;

/** Avatica's protobuf service over HTTP for {@code jdbc:cinch://}, its messages named as every Avatica server expects. */
public final class RemoteService implements Service.Factory {

    @Override
    public Service create(AvaticaConnection connection) {
        ConnectionConfig config = connection.config();
        try {
            AvaticaHttpClient client = config.httpClientFactory().getClient(
                    new URI(config.url()).toURL(), config, connection.getKerberosConnection());
            return new RemoteProtobufService(client, new WireNames(new ProtobufTranslationImpl()));
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a server address: " + config.url(), e);
        }
    }
}
