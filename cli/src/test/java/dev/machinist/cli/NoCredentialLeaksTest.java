package dev.machinist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.simulator.Fault;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command against every vendor — successes, bad tokens and injected faults, with --debug — and
 * then checks that no credential the CLI held (the tokens, and every session or access token it sent as a
 * header, which is how derived credentials are observed from outside) appears anywhere in its output.
 */
class NoCredentialLeaksTest {
    @TempDir
    Path dir;

    @Test
    void noCommandPrintsAnyCredential() throws Exception {
        List<CliRun> runs = new ArrayList<>();
        Set<String> credentials = new LinkedHashSet<>();
        try (SimulatorServer server = Simulators.startAll(0)) {
            for (String vendor : List.of("pantheon", "platformsh", "upsun", "webpaas", "bitwarden")) {
                Map<String, String> env = SimulatorEnv.of(server, vendor);
                env.forEach((k, v) -> {
                    if (k.endsWith("TOKEN")) credentials.add(v);
                });
                for (String[] args : List.of(
                        new String[] {"login", "--debug"},
                        new String[] {"whoami", "--debug", "-o", "json"},
                        new String[] {"secrets", "list", "--debug"},
                        new String[] {"projects", "list", "--debug"},
                        new String[] {"token", "list", "--debug"},
                        new String[] {
                            "ssh-cert", "--debug", "--dir", dir.resolve(vendor).toString()
                        })) {
                    runs.add(CliRun.of(env, args));
                }
                for (String route : server.routeNames()) {
                    if (route.startsWith(vendor + "."))
                        server.faults()
                                .inject(
                                        route,
                                        Fault.status(
                                                500,
                                                "application/json",
                                                "{\"message\":\"echo "
                                                        + env.values()
                                                                .iterator()
                                                                .next() + "\"}"));
                }
                runs.add(CliRun.of(env, "whoami", "--debug"));
                server.faults().clear();
                String bad = "x"
                        + env.values().stream()
                                .filter(v -> !v.startsWith("http"))
                                .findFirst()
                                .orElse("");
                runs.add(CliRun.of(SimulatorEnv.with(env, tokenVariable(env), bad), "whoami", "--debug"));
            }
            for (SimulatorServer.RecordedRequest r : server.requests()) {
                r.header("Authorization")
                        .map(NoCredentialLeaksTest::credentialOf)
                        .ifPresent(credentials::add);
                r.header("X-Pantheon-Session").ifPresent(credentials::add);
            }
        }
        credentials.removeIf(c -> c.length() < 8);
        assertThat(credentials).hasSizeGreaterThan(10);
        for (CliRun run : runs) {
            for (String credential : credentials) {
                assertThat(run.all()).doesNotContain(credential);
            }
        }
    }

    private static String tokenVariable(Map<String, String> env) {
        return env.keySet().stream()
                .filter(k -> k.endsWith("TOKEN"))
                .findFirst()
                .orElseThrow();
    }

    /** The secret part of an Authorization header: a bearer token, or the decoded Basic password/user. */
    private static String credentialOf(String header) {
        if (header.startsWith("Bearer ")) return header.substring(7);
        if (header.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6)));
            return decoded.endsWith(":") ? "" : decoded;
        }
        return header;
    }
}
