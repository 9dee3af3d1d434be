package dev.machinist.simulator;

import dev.machinist.simulator.bitwarden.BitwardenSimulator;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import dev.machinist.simulator.platform.PlatformSimulator;
import java.io.IOException;

/** Starts one loopback server carrying every vendor simulator, as {@code machinist simulate} and demo do. */
public final class Simulators {
    private Simulators() {}

    public static SimulatorServer startAll(int port) throws IOException {
        SimulatorServer server = SimulatorServer.start(port);
        // Each vendor simulator registers itself here, in the order of the first-line JSON.
        server.with(new PantheonSimulator());
        server.with(new PlatformSimulator("platformsh"));
        server.with(new PlatformSimulator("upsun"));
        server.with(new PlatformSimulator("webpaas"));
        server.with(new BitwardenSimulator());
        server.with(new dev.machinist.simulator.github.GitHubSimulator());
        server.with(new dev.machinist.simulator.gitlab.GitLabSimulator());
        return server;
    }
}
