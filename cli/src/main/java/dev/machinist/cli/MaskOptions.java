package dev.machinist.cli;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.inject.Dotenv;
import dev.machinist.core.mask.Masker;
import dev.machinist.core.mask.Replacement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Masking options shared by `run` and `mask`: what to mask besides fetched secrets, and how. */
public final class MaskOptions {
    @Option(
            names = "--env-file",
            paramLabel = "FILE",
            description = "A dotenv file of secrets: `run` injects and masks them, `mask` masks them.")
    List<Path> envFiles = new ArrayList<>();

    @Option(
            names = "--mask-env",
            paramLabel = "VAR",
            split = ",",
            description = "Also mask the value of this environment variable (repeatable, or comma-separated).")
    List<String> maskEnv = new ArrayList<>();

    @Option(
            names = "--replacement",
            paramLabel = "STYLE",
            description = "github (***), jenkins (****), gitlab ([MASKED]) or any text."
                    + " Default: the convention of the CI this runs on, else ***.")
    String replacement;

    @Option(
            names = "--min-length",
            paramLabel = "N",
            description = "Values (and lines, and encoded forms) shorter than N are not masked on their own;"
                    + " a warning names the variable. Default 4.")
    int minimumLength = 4;

    public Masker masker(CliContext context) {
        return Masker.builder()
                .replacement(replacement(context.env()))
                .minimumLength(minimumLength)
                .warnings(w -> context.err().println("machinist: warning: " + w.message()))
                .build();
    }

    Replacement replacement(Map<String, String> env) {
        if (replacement != null) return Replacement.named(replacement);
        if ("true".equals(env.get("GITLAB_CI"))) return Replacement.GITLAB;
        if (env.containsKey("JENKINS_URL") || env.containsKey("JENKINS_HOME")) return Replacement.JENKINS;
        return Replacement.GITHUB;
    }

    /** The secrets in the --env-file files, in file order (later files win). */
    public Map<String, Secret> envFileSecrets() {
        Map<String, Secret> out = new LinkedHashMap<>();
        for (Path file : envFiles) out.putAll(Dotenv.read(file));
        return out;
    }

    /** The values of the --mask-env variables; a variable that is not set is an error (a typo would leak). */
    public List<Secret> maskEnvSecrets(Map<String, String> env) {
        List<Secret> out = new ArrayList<>();
        for (String name : maskEnv) {
            String value = env.get(name.strip());
            if (value == null) {
                throw MachinistException.usage("--mask-env " + name + ": no such environment variable.");
            }
            out.add(Secret.of(name.strip(), value));
        }
        return out;
    }
}
