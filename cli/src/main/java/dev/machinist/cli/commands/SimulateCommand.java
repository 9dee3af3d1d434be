package dev.machinist.cli.commands;

import dev.machinist.cli.CliContext;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves every vendor simulator on loopback until killed. */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Serve local simulators of every vendor API on 127.0.0.1 until killed.",
            "The FIRST line of stdout is one JSON object with a key per vendor; each holds \"env\", the",
            "variables that point Machinist at the simulator with a valid demo token, plus demo data."
        })
public class SimulateCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: any free port).")
    int port;

    private final CliContext context;

    SimulateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        SimulatorServer server;
        try {
            server = Simulators.startAll(port);
        } catch (java.net.BindException e) {
            throw dev.machinist.core.MachinistException.usage(
                    "Port " + port + " is in use; choose another with --port.");
        }
        // Demo tokens are printed on purpose: they are the simulator's own, and tests read them from here.
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        context.rawOut().println(json.writeValueAsString(server.describe()));
        context.rawOut().flush();
        context.err().println("Simulators listening on " + server.baseUri() + " (Ctrl-C to stop).");
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        forever.await();
        return 0;
    }
}
