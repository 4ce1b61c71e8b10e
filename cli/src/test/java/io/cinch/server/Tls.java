package io.cinch.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A self-signed key for 127.0.0.1 made with the JDK's keytool (a child process), and a truststore holding its certificate. */
record Tls(Path keystore, Path truststore, String password) {

    static Tls create(Path dir) throws IOException, InterruptedException {
        Tls tls = new Tls(dir.resolve("server.p12"), dir.resolve("trust.p12"), "changeit");
        keytool("-genkeypair", "-alias", "cinch", "-keyalg", "RSA", "-keysize", "2048", "-storetype", "PKCS12",
                "-keystore", tls.keystore.toString(), "-storepass", tls.password, "-keypass", tls.password,
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2");
        Path pem = dir.resolve("server.pem");
        keytool("-exportcert", "-rfc", "-alias", "cinch", "-keystore", tls.keystore.toString(),
                "-storepass", tls.password, "-file", pem.toString());
        keytool("-importcert", "-noprompt", "-alias", "cinch", "-file", pem.toString(), "-storetype", "PKCS12",
                "-keystore", tls.truststore.toString(), "-storepass", tls.password);
        return tls;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }

    /** The URL keys a client needs to trust this key. */
    String clientKeys() {
        return "truststore=" + truststore + "&truststore_password=" + password;
    }
}
