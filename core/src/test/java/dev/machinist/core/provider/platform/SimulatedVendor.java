package dev.machinist.core.provider.platform;

import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.http.HttpClientSettings;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.platform.PlatformSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One real loopback simulator of a Platform.sh-family vendor, with a provider pointed at it through the
 * vendor's own variables, a sink that records every secret, and retries that record their waits instead of
 * sleeping.
 */
final class SimulatedVendor implements AutoCloseable {
    final SimulatorServer server;
    final PlatformSimulator sim;
    final VendorProfile profile;
    final List<Secret> sunk = Collections.synchronizedList(new ArrayList<>());
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    final SecretSink sink = sunk::add;
    final Map<String, String> env = new HashMap<>();

    SimulatedVendor(String key) throws IOException {
        this.profile = switch (key) {
            case "platformsh" -> VendorProfile.PLATFORMSH;
            case "upsun" -> VendorProfile.UPSUN;
            default -> VendorProfile.WEBPAAS;
        };
        this.sim = new PlatformSimulator(key);
        this.server = SimulatorServer.start(0).with(sim);
        env.put(profile.envPrefix() + "API_URL", sim.apiUrl(server.baseUri()));
        env.put(profile.envPrefix() + "AUTH_URL", sim.authUrl(server.baseUri()));
    }

    HttpTransport http() {
        return new HttpTransport(HttpClientSettings.defaults()
                .withRetries(4, Duration.ofMillis(200), Duration.ofSeconds(2))
                .withSleeper(waits::add));
    }

    ProviderContext context() {
        return new ProviderContext(env, Map.of(), http(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    PlatformProvider provider() {
        return new PlatformProvider(profile, context());
    }

    Secret demoToken() {
        return Secret.of(profile.tokenVariable(), sim.demoApiToken());
    }

    PlatformSession login() {
        return (PlatformSession) provider().login(demoToken(), sink);
    }

    long requestsTo(String pathSuffix) {
        return server.requests().stream()
                .filter(r -> r.path().endsWith(pathSuffix))
                .count();
    }

    @Override
    public void close() {
        server.close();
    }
}
