package dev.machinist.action.image;

import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run behind the image's AppCDS archive: the image's runtime runs {@code machinist
 * github-action} once, as a job would, against the simulators, and records every class it loads. The
 * richest flow available is chosen (Bitwarden: login, key decryption, secrets, file commands), so the
 * archive covers HTTP, JSON, crypto and the writers.
 */
final class CdsTraining {
    /** Vendors in order of preference, with the inputs that make their run exercise the most code. */
    private static final List<String> PREFERENCE = List.of("bitwarden", "upsun", "platformsh", "pantheon");

    private CdsTraining() {}

    static void run(Path root, Path classList) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("machinist-cds-training");
        try (SimulatorServer server = Simulators.startAll(0)) {
            Map<String, Object> described = server.describe();
            Map<String, String> env = new HashMap<>();
            env.put("HOME", work.toString());
            env.put("RUNNER_TEMP", work.toString());
            for (String file : List.of("GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY")) {
                Path p = work.resolve(file.toLowerCase());
                Files.createFile(p);
                env.put(file, p.toString());
            }
            String vendor = PREFERENCE.stream()
                    .filter(described::containsKey)
                    .findFirst()
                    .orElse("env");
            if (vendor.equals("env")) {
                Path dotenv = work.resolve("training.env");
                Files.writeString(dotenv, "TRAINING_SECRET=not-a-secret\nTRAINING_PEM=\"line1\nline2\"\n");
                env.put("MACHINIST_ENV_FILE", dotenv.toString());
                env.put("INPUT_ALL-SECRETS", "true");
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> vendorEnv =
                        (Map<String, Object>) ((Map<String, Object>) described.get(vendor)).get("env");
                vendorEnv.forEach((k, v) -> env.put(k, String.valueOf(v)));
                env.put("INPUT_ACCESS-TOKEN", TrainingTokens.tokenFrom(vendor, env));
                if (vendor.equals("bitwarden")) env.put("INPUT_ALL-SECRETS", "true");
                if (vendor.equals("pantheon")) env.put("INPUT_TERMINUS-SESSION", "true");
                if (vendor.equals("upsun") || vendor.equals("platformsh")) env.put("INPUT_SSH-CERT", "true");
            }
            env.put("INPUT_VENDOR", vendor);
            ProcessBuilder pb = new ProcessBuilder(
                            root.resolve("opt/java/bin/java").toString(),
                            "-XX:DumpLoadedClassList=" + classList,
                            "-XX:+UseSerialGC",
                            "-Dfile.encoding=UTF-8",
                            "-cp",
                            root.resolve("opt/machinist/machinist.jar").toString(),
                            "dev.machinist.cli.commands.GitHubActionCommand")
                    .redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            // Not printed: the training run's output carries the simulator's demo values.
            if (code != 0) {
                // Error annotations never carry a value (MachinistException's contract), so they may be shown.
                String errors = String.join(
                        "\n",
                        output.lines()
                                .filter(l -> l.startsWith("::error")
                                        || l.startsWith("machinist:")
                                        || l.contains("Exception")
                                        || l.startsWith("Error"))
                                .limit(5)
                                .toList());
                throw new IllegalStateException("the CDS training run (" + vendor + ") failed with exit code " + code
                        + ": the image's runtime cannot run the action:\n" + errors);
            }
            System.out.println("CDS training run (" + vendor + ") exited with " + code + ", "
                    + output.lines().count() + " lines of output, "
                    + Files.readAllLines(classList).size() + " classes listed");
        } finally {
            ImageRoot.deleteTree(work);
        }
    }
}
