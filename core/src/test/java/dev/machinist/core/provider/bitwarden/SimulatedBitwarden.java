package dev.machinist.core.provider.bitwarden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpClientSettings;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.ProviderContext;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.bitwarden.BitwardenSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A running Bitwarden simulator and a provider pointed at it through BWS_SERVER_URL, with retries that wait
 * nothing (the waits asked for are recorded) and a sink that records every secret it is given.
 */
final class SimulatedBitwarden implements AutoCloseable {
    final BitwardenSimulator vendor = new BitwardenSimulator();
    final SimulatorServer server;
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    final List<Secret> sunk = Collections.synchronizedList(new ArrayList<>());
    final BitwardenProvider provider;

    SimulatedBitwarden() throws Exception {
        server = SimulatorServer.start(0).with(vendor);
        HttpTransport http = new HttpTransport(HttpClientSettings.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withSleeper(sleeps::add));
        provider = new BitwardenProvider(ProviderContext.of(Map.of("BWS_SERVER_URL", serverUrl()), http));
    }

    String serverUrl() {
        return BitwardenSimulator.serverUrl(server.baseUri());
    }

    BitwardenSession login() {
        return login(vendor.demoAccessToken());
    }

    BitwardenSession login(String token) {
        return (BitwardenSession) provider.login(Secret.of("BWS_ACCESS_TOKEN", token), sunk::add);
    }

    List<String> sunkValues() {
        synchronized (sunk) {
            return sunk.stream().map(Secret::reveal).toList();
        }
    }

    /** Neither the message, nor toString, nor the printed stack trace of the whole chain holds any of these. */
    static void assertLeaksNothing(Throwable error, List<String> secrets) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        for (String s : secrets) {
            assertThat(trace.toString()).doesNotContain(s);
            assertThat(String.valueOf(error.getMessage())).doesNotContain(s);
        }
    }

    /** The client secret and the key part of a token: what must never appear anywhere. */
    static List<String> partsOf(String token) {
        String secret = token.substring(token.indexOf('.', 2) + 1, token.indexOf(':'));
        return List.of(token, secret, token.substring(token.indexOf(':') + 1));
    }

    @Override
    public void close() {
        server.close();
    }
}
