package dev.machinist.core.provider.pantheon;

import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpClientSettings;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Pantheon simulator on loopback and a provider pointed at it through the TERMINUS_* variables, with an
 * HTTP client that records its retry waits (instead of sleeping) and its debug log.
 */
final class PantheonFixture implements AutoCloseable {
    final SimulatorServer server;
    final PantheonSimulator pantheon = new PantheonSimulator();
    final Path home;
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    final List<String> debugLog = Collections.synchronizedList(new ArrayList<>());
    final List<Secret> sunk = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> env = new HashMap<>();
    HttpClientSettings settings;

    PantheonFixture(Path home) throws IOException {
        this.home = home;
        server = SimulatorServer.start(0).with(pantheon);
        @SuppressWarnings("unchecked")
        Map<String, String> described =
                (Map<String, String>) pantheon.describe(server.baseUri()).get("env");
        env.putAll(described);
        settings = HttpClientSettings.defaults()
                .withRetries(4, Duration.ofMillis(10), Duration.ofMillis(50))
                .withSleeper(sleeps::add)
                .withDebugLog(debugLog::add);
    }

    ProviderContext context() {
        return new ProviderContext(env, Map.of(), new HttpTransport(settings), home);
    }

    PantheonProvider provider() {
        return new PantheonProvider(context());
    }

    Secret demoToken() {
        return Secret.of("TERMINUS_MACHINE_TOKEN", pantheon.demoToken());
    }

    PantheonSession login() {
        return provider().login(demoToken(), sunk::add);
    }

    List<SimulatorServer.RecordedRequest> requestsTo(String pathPart) {
        return server.requests().stream()
                .filter(r -> r.path().contains(pathPart))
                .toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
