// Cold start of the GitHub Action: `podman run` of the image to completion (login, fetch 100 secrets,
// export) against the same work done by the CLI jar on the host, in one run. Started by
// bench/action-cold-start.sh with the shaded CLI jar (which carries the simulators) on the class path.
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.bitwarden.BitwardenSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class ActionColdStart {
    public static void main(String[] args) throws Exception {
        String image = args[0];
        Path jar = Path.of(args[1]).toAbsolutePath();
        int rounds = Integer.parseInt(args[2]);
        BitwardenSimulator bitwarden = new BitwardenSimulator();
        try (SimulatorServer server = SimulatorServer.start(0).with(bitwarden)) {
            String project = bitwarden.addProject("bench");
            for (int i = 0; i < 100; i++) {
                bitwarden.addSecret("BENCH_SECRET_" + i, "value-" + i + "-" + Long.toHexString(Double.doubleToLongBits(Math.random())), "", project);
            }
            Map<String, String> env = new LinkedHashMap<>();
            env.put("INPUT_VENDOR", "bitwarden");
            env.put("INPUT_ACCESS-TOKEN", bitwarden.demoAccessToken());
            env.put("INPUT_PROJECT", project);
            env.put("BWS_SERVER_URL", BitwardenSimulator.serverUrl(server.baseUri()));
            long[] container = new long[rounds];
            long[] noCds = new long[rounds];
            long[] host = new long[rounds];
            long[] podman = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                podman[r] = runOnce(env, Mode.PODMAN_ONLY, image, jar);
                container[r] = runOnce(env, Mode.CONTAINER, image, jar);
                noCds[r] = runOnce(env, Mode.CONTAINER_WITHOUT_CDS, image, jar);
                host[r] = runOnce(env, Mode.HOST, image, jar);
            }
            report("podman run (image)          ", container);
            report("podman run, CDS off         ", noCds);
            report("java -jar (host, same work) ", host);
            report("podman run of a no-op       ", podman);
            System.out.printf("ratio container/host (median): %.2f; CDS saves %d ms; container overhead ~%d ms%n",
                    (double) median(container) / median(host), median(noCds) - median(container), median(podman));
        }
    }

    enum Mode { CONTAINER, CONTAINER_WITHOUT_CDS, HOST, PODMAN_ONLY }

    static long runOnce(Map<String, String> inputs, Mode mode, String image, Path jar) throws Exception {
        boolean inContainer = mode != Mode.HOST;
        Path temp = Files.createTempDirectory("machinist-bench");
        Path files = Files.createDirectories(temp.resolve("_runner_file_commands"));
        Path home = Files.createDirectories(temp.resolve("_github_home"));
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        for (String f : List.of("set_env", "set_output", "step_summary")) Files.createFile(files.resolve(f));
        Map<String, String> env = new LinkedHashMap<>(inputs);
        String fc = inContainer ? "/github/file_commands" : files.toString();
        env.put("GITHUB_ENV", fc + "/set_env");
        env.put("GITHUB_OUTPUT", fc + "/set_output");
        env.put("GITHUB_STEP_SUMMARY", fc + "/step_summary");
        env.put("RUNNER_TEMP", temp.toString());
        env.put("HOME", inContainer ? "/github/home" : home.toString());
        List<String> cmd = new ArrayList<>();
        if (inContainer) {
            cmd.addAll(Arrays.asList("podman", "--runtime", "runc", "run", "--rm", "--ulimit", "nofile=1024:1024",
                    "--ulimit", "nproc=1024:1024", "--network", "host", "--workdir", "/github/workspace",
                    "-v", home + ":/github/home", "-v", files + ":/github/file_commands",
                    "-v", workspace + ":/github/workspace"));
            for (String k : env.keySet()) cmd.addAll(List.of("-e", k));
            if (mode == Mode.PODMAN_ONLY) {
                // The container's own cost: the dynamic loader printing its version, no JVM.
                cmd.addAll(List.of("--entrypoint", "/lib64/ld-linux-x86-64.so.2", image, "--version"));
            } else if (mode == Mode.CONTAINER_WITHOUT_CDS) {
                // The image's own entrypoint with the archive switched off.
                cmd.addAll(List.of("--entrypoint", "/opt/java/bin/java", image, "-Xshare:off",
                        "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                        "-Dfile.encoding=UTF-8", "-cp",
                        "/opt/machinist/machinist.jar", "dev.machinist.cli.commands.GitHubActionCommand"));
            } else {
                cmd.add(image);
            }
        } else {
            // The launcher's defaults for a short-lived CLI run (see ./machinist).
            cmd.addAll(List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar",
                    jar.toString(), "github-action"));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        int exported = Files.readString(files.resolve("set_env"), StandardCharsets.UTF_8).split("<<ghadelimiter_", -1).length - 1;
        if (mode != Mode.PODMAN_ONLY && (code != 0 || exported != 100)) {
            throw new IllegalStateException((inContainer ? "container" : "host") + " run failed: exit " + code
                    + ", " + exported + " variables exported; output has " + out.length + " bytes");
        }
        try (var s = Files.walk(temp)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
        return millis;
    }

    static long median(long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static void report(String what, long[] xs) {
        long[] s = xs.clone();
        Arrays.sort(s);
        System.out.printf("%s  median %5d ms  min %5d ms  max %5d ms  (%d runs)%n", what, median(xs), s[0], s[s.length - 1], xs.length);
    }
}
