package dev.machinist.cli.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the demo does, vendor by vendor, using only vendors whose simulators are running. */
final class DemoScript {
    /** Variables that could make the demo use a real token instead of the simulator's. */
    private static final Set<String> REAL_TOKENS = Set.of(
            "TERMINUS_MACHINE_TOKEN",
            "PANTHEON_MACHINE_TOKEN",
            "PLATFORMSH_CLI_TOKEN",
            "UPSUN_CLI_TOKEN",
            "OVHCLOUD_WEBPAAS_CLI_TOKEN",
            "BWS_ACCESS_TOKEN",
            "BWS_SERVER_URL",
            "MACHINIST_VENDOR");

    private DemoScript() {}

    static List<DemoCommand.Step> steps(Map<String, Object> vendors, Path work, Map<String, String> baseEnv) {
        Map<String, String> clean = new LinkedHashMap<>(baseEnv);
        clean.keySet().removeAll(REAL_TOKENS);
        List<DemoCommand.Step> steps = new ArrayList<>();
        if (vendors.containsKey("pantheon")) {
            Map<String, String> env = envOf(vendors, "pantheon", clean);
            env.put("TERMINUS_CACHE_DIR", work.resolve("terminus").toString());
            add(
                    steps,
                    "Pantheon (machine token -> session)",
                    env,
                    "login",
                    "--vendor",
                    "pantheon",
                    "--terminus-session");
            add(steps, null, env, "token", "list", "--vendor", "pantheon");
        }
        for (String family : List.of("platformsh", "upsun", "webpaas")) {
            if (!vendors.containsKey(family)) continue;
            Map<String, String> env = envOf(vendors, family, clean);
            add(steps, title(family) + " (API token -> OAuth access token)", env, "whoami", "--vendor", family);
            if (!family.equals("webpaas")) {
                add(
                        steps,
                        null,
                        env,
                        "ssh-cert",
                        "--vendor",
                        family,
                        "--dir",
                        work.resolve("ssh-" + family).toString());
            }
        }
        if (vendors.containsKey("bitwarden")) {
            Map<String, String> env = envOf(vendors, "bitwarden", clean);
            add(
                    steps,
                    "Bitwarden Secrets Manager (access token -> JWT, organization key)",
                    env,
                    "whoami",
                    "--vendor",
                    "bitwarden");
            add(steps, null, env, "projects", "list", "--vendor", "bitwarden");
            add(steps, null, env, "secrets", "list", "--vendor", "bitwarden");
        }
        return steps;
    }

    private static String title(String family) {
        return switch (family) {
            case "platformsh" -> "Platform.sh";
            case "upsun" -> "Upsun";
            default -> "OVHcloud Web PaaS";
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> envOf(Map<String, Object> vendors, String key, Map<String, String> base) {
        Map<String, String> env = new LinkedHashMap<>(base);
        Map<String, Object> entry = (Map<String, Object>) vendors.get(key);
        ((Map<String, Object>) entry.get("env")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    private static void add(List<DemoCommand.Step> steps, String heading, Map<String, String> env, String... args) {
        steps.add(new DemoCommand.Step(heading, List.of(args), List.of(args), env));
    }
}
