package dev.machinist.cli.commands;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Main;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The main job on its embedded default: starts the simulators and walks a bot through every vendor with
 * the same commands a pipeline would type, printing each command before its output.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Start the built-in vendor simulators and show a bot logging in to each vendor, who it is and when",
            "its login expires, fetching secrets, and running a command with them injected and masked.",
            "No account or network needed."
        })
public class DemoCommand implements Callable<Integer> {
    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("machinist-demo-");
        context.onClose(() -> deleteTree(work));
        try (SimulatorServer server = Simulators.startAll(0)) {
            Map<String, Object> vendors = server.describe();
            context.out()
                    .println("Machinist demo: every call below goes to the local simulators at " + server.baseUri()
                            + " (no account needed).");
            List<Step> steps = DemoScript.steps(vendors, work, context.env());
            int failed = 0;
            for (Step step : steps) {
                if (step.heading() != null) {
                    context.out().println();
                    context.out().println("== " + step.heading() + " ==");
                }
                context.out().println("$ machinist " + String.join(" ", step.displayArgs()));
                context.out().flush();
                int code = Main.run(
                        context.in(),
                        context.out(),
                        context.err(),
                        step.env(),
                        step.args().toArray(String[]::new));
                if (code != 0) {
                    failed++;
                    context.err().println("(exit code " + code + ")");
                }
            }
            context.out().println();
            if (failed > 0) {
                throw new MachinistException(
                        ErrorKind.INTERNAL, failed + " of " + steps.size() + " demo steps failed.");
            }
            context.out()
                    .println("All " + steps.size() + " steps succeeded. Every token, session and secret above was"
                            + " masked; run `machinist --help` to start with your own tokens.");
        }
        return 0;
    }

    /** One CLI invocation: its arguments, what to show for them, and its environment. */
    record Step(String heading, List<String> args, List<String> displayArgs, Map<String, String> env) {}

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) Files.deleteIfExists(p);
        } catch (java.io.IOException ignored) {
            // Best effort: the directory was created owner-only (0700) by createTempDirectory.
        }
    }
}
