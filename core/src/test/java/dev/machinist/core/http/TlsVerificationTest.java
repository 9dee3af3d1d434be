package dev.machinist.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lazily loaded trust manager must decide exactly as the JDK's default one: an unknown certificate is
 * refused, a trusted one accepted, and a trusted certificate for another host name refused.
 */
class TlsVerificationTest {
    @TempDir
    static Path dir;

    private HttpsServer server;
    private Path keystore;
    private String savedTrustStore;

    @BeforeEach
    void start() throws Exception {
        keystore = dir.resolve("server.p12");
        if (!Files.exists(keystore)) {
            Process keytool = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "keytool")
                                    .toString(),
                            "-genkeypair",
                            "-alias",
                            "server",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keystore.toString(),
                            "-storepass",
                            "changeit")
                    .redirectErrorStream(true)
                    .start();
            keytool.getInputStream().readAllBytes();
            assertThat(keytool.waitFor()).isZero();
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        savedTrustStore = System.getProperty("javax.net.ssl.trustStore");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        if (savedTrustStore == null) System.clearProperty("javax.net.ssl.trustStore");
        else System.setProperty("javax.net.ssl.trustStore", savedTrustStore);
        System.clearProperty("javax.net.ssl.trustStorePassword");
        System.clearProperty("javax.net.ssl.trustStoreType");
    }

    private HttpResult get(String host) {
        HttpTransport http = new HttpTransport(HttpClientSettings.defaults()
                .withRetries(1, Duration.ZERO, Duration.ZERO)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)));
        URI uri = URI.create("https://" + host + ":" + server.getAddress().getPort() + "/");
        return http.send(HttpCall.get(uri).what("TLS check").build());
    }

    @Test
    void anUnknownCertificateIsRefused() {
        assertThatThrownBy(() -> get("localhost"))
                .isInstanceOf(MachinistException.class)
                .hasMessageContaining("TLS handshake with localhost failed")
                .satisfies(e -> assertThat(((MachinistException) e).kind()).isEqualTo(ErrorKind.NETWORK));
    }

    @Test
    void aTrustedCertificateIsAcceptedOnlyForItsOwnHostName() {
        System.setProperty("javax.net.ssl.trustStore", keystore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        assertThat(get("localhost").bodyText()).isEqualTo("ok");
        assertThatThrownBy(() -> get("127.0.0.1")).hasMessageContaining("TLS handshake with 127.0.0.1 failed");
    }
}
