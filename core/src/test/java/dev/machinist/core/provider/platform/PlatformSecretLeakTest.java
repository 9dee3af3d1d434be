package dev.machinist.core.provider.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpClientSettings;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.core.provider.SshCertificateIssuer.SshCertificate;
import dev.machinist.core.provider.TokenManager.CreatedToken;
import dev.machinist.simulator.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No API token, access token, created token or private key in any message, toString, trace or debug log. */
class PlatformSecretLeakTest {
    @TempDir
    Path dir;

    @Test
    void nothingSecretReachesMessagesToStringsOrTheDebugLog() throws Exception {
        try (SimulatedVendor v = new SimulatedVendor("upsun")) {
            List<String> debug = Collections.synchronizedList(new ArrayList<>());
            HttpTransport http = new HttpTransport(HttpClientSettings.defaults()
                    .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(2))
                    .withSleeper(d -> {})
                    .withDebugLog(debug::add));
            ProviderContext context = new ProviderContext(v.env, Map.of(), http, dir);
            PlatformProvider provider = new PlatformProvider(VendorProfile.UPSUN, context);
            List<String> visible = new ArrayList<>();

            v.sim.accessTokenLifetime(Duration.ofSeconds(1));
            PlatformSession session = (PlatformSession) provider.login(v.demoToken(), v.sink);
            visible.add(session.toString());
            visible.add(provider.toString());
            visible.add(v.demoToken().toString());
            visible.add(v.sunk.toString());
            // The first access token expires; the renewed ones live long enough for the rest of the test.
            v.sim.accessTokenLifetime(Duration.ofMinutes(15));
            Thread.sleep(2100);
            visible.add(session.identity().toString());
            CreatedToken created = session.createToken("leak-check");
            visible.add(created.toString());
            visible.add(session.listTokens().toString());
            SshCertificate cert = session.issueCertificate(dir.resolve("ssh"));
            visible.add(cert.toString());

            // Failures, including a vendor that echoes the token it was sent.
            v.server
                    .faults()
                    .inject(
                            "upsun.token",
                            Fault.status(
                                    400,
                                    "application/json",
                                    "{\"error\":\"invalid_request\",\"error_description\":\"bad token "
                                            + v.sim.demoApiToken() + "\"}"));
            visible.add(describe(() -> provider.login(v.demoToken(), v.sink)));
            visible.add(describe(() -> provider.login(Secret.of("UPSUN_CLI_TOKEN", "not-a-real-token"), v.sink)));
            v.server
                    .faults()
                    .inject(
                            "upsun.me",
                            Fault.status(
                                    500,
                                    "application/json",
                                    "{\"message\":\"oops " + v.sunk.get(1).reveal() + "\"}"));
            PlatformSession fresh = (PlatformSession) provider.login(v.demoToken(), v.sink);
            visible.add(describe(fresh::identity));
            visible.add(describe(() -> fresh.revokeToken("no-such-token")));
            visible.addAll(debug);

            List<String> secrets = new ArrayList<>();
            secrets.add(v.sim.demoApiToken());
            secrets.add("not-a-real-token");
            secrets.add(created.token().reveal());
            for (Secret s : v.sunk) secrets.add(s.reveal());
            String privateKey = v.sunk.stream()
                    .filter(s -> s.name().contains("private key"))
                    .findFirst()
                    .orElseThrow()
                    .reveal();
            secrets.add(privateKey.split("\n")[1]);
            assertThat(v.sunk.size())
                    .as("two access tokens, a created token, a key, and more logins")
                    .isGreaterThan(4);

            String all = String.join("\n", visible);
            assertThat(all).contains("Upsun").contains("HTTP 500");
            for (String s : secrets) assertThat(all).doesNotContain(s);
        }
    }

    private static String describe(Runnable action) {
        try {
            action.run();
            return "no failure";
        } catch (MachinistException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return e.getMessage() + "\n" + trace;
        }
    }
}
