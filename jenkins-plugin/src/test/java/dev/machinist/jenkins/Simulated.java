package dev.machinist.jenkins;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import dev.machinist.simulator.SimulatorServer;
import java.io.IOException;

/** Helpers shared by the plugin's tests: credentials in the system store, bearer tokens the simulator saw. */
final class Simulated {
    private Simulated() {}

    static void store(Credentials credentials) throws IOException {
        SystemCredentialsProvider provider = SystemCredentialsProvider.getInstance();
        provider.getCredentials().add(credentials);
        provider.save();
    }

    /** The bearer token of the last request to a path containing {@code pathPart}: a derived credential. */
    static String bearerSentTo(SimulatorServer sim, String pathPart) {
        return sim.requests().stream()
                .filter(r -> r.path().contains(pathPart))
                .map(r -> r.header("Authorization").orElse(""))
                .filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring("Bearer ".length()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no bearer request to " + pathPart));
    }
}
