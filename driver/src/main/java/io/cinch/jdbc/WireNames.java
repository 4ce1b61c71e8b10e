package io.cinch.jdbc;

import java.io.IOException;
import org.apache.calcite.avatica.proto.Common.WireMessage;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.Service;

/**
 * Avatica's protobuf translation with the message names on the wire kept as Avatica's own
 * ({@code org.apache.calcite.avatica.proto.*}), while the driver's jar carries those classes relocated, so that it
 * never clashes with another Avatica or protobuf on the class path.
 */
final class WireNames implements ProtobufTranslation {

    /** Built at run time, so that relocation, which rewrites constants, leaves it as Avatica's. */
    private static final String AVATICA = String.join(".", "org", "apache", "calcite", "avatica", "proto") + ".";
    private static final String HERE = Requests.class.getPackageName() + ".";

    private final ProtobufTranslation translation;

    WireNames(ProtobufTranslation translation) {
        this.translation = translation;
    }

    @Override
    public byte[] serializeRequest(Service.Request request) throws IOException {
        return renamed(translation.serializeRequest(request), HERE, AVATICA);
    }

    @Override
    public byte[] serializeResponse(Service.Response response) throws IOException {
        return renamed(translation.serializeResponse(response), HERE, AVATICA);
    }

    @Override
    public Service.Request parseRequest(byte[] bytes) throws IOException {
        return translation.parseRequest(renamed(bytes, AVATICA, HERE));
    }

    @Override
    public Service.Response parseResponse(byte[] bytes) throws IOException {
        return translation.parseResponse(renamed(bytes, AVATICA, HERE));
    }

    private static byte[] renamed(byte[] bytes, String from, String to) throws IOException {
        if (from.equals(to)) {
            return bytes;
        }
        WireMessage message = WireMessage.parseFrom(bytes);
        if (!message.getName().startsWith(from)) {
            return bytes;
        }
        return message.toBuilder().setName(to + message.getName().substring(from.length())).build().toByteArray();
    }
}
