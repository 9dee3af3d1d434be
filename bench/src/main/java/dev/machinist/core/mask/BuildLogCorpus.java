package dev.machinist.core.mask;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic Maven/npm/Gradle-like build log: dependency downloads, compiler and test lines, stack
 * traces, timestamps, progress bars with carriage returns, and (about once per thousand lines) a secret.
 */
final class BuildLogCorpus {
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String[] GROUPS = {
        "org/apache/maven",
        "com/fasterxml/jackson/core",
        "org/junit/jupiter",
        "io/netty",
        "org/springframework/boot",
        "com/google/guava",
        "org/slf4j"
    };

    private BuildLogCorpus() {}

    /** {@code java -cp benchmarks.jar dev.machinist.core.mask.BuildLogCorpus BYTES [SECRETS]}: log to stdout, secrets as dotenv to stderr. */
    public static void main(String[] args) throws java.io.IOException {
        int bytes = Integer.parseInt(args[0]);
        List<String> secrets = secrets(args.length > 1 ? Integer.parseInt(args[1]) : 100, 1);
        for (int i = 0; i < secrets.size(); i++) {
            System.err.println("SECRET_" + i + "='" + secrets.get(i) + "'");
        }
        System.out.write(generate(bytes, secrets, 2));
        System.out.flush();
    }

    /** {@code count} tokens of 32–48 characters, like vendor machine tokens and API keys. */
    static List<String> secrets(int count, long seed) {
        Random random = new Random(seed);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder sb = new StringBuilder(i % 3 == 0 ? "tok_" : "");
            int length = 32 + random.nextInt(17);
            for (int k = 0; k < length; k++) {
                sb.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
            }
            if (i % 5 == 0) {
                sb.insert(10, i % 2 == 0 ? '/' : '+');
            }
            secrets.add(sb.toString());
        }
        return secrets;
    }

    static byte[] generate(int bytes, List<String> secrets, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes + 256);
        int line = 0;
        while (out.size() < bytes) {
            out.writeBytes(line(random, line++, secrets).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String line(Random r, int n, List<String> secrets) {
        String time = String.format("2026-11-23T06:%02d:%02d.%03dZ ", (n / 3600) % 60, (n / 60) % 60, n % 1000);
        String group = GROUPS[r.nextInt(GROUPS.length)];
        String artifact = group.substring(group.lastIndexOf('/') + 1) + "-" + word(r, 4 + r.nextInt(6));
        String version = r.nextInt(5) + "." + r.nextInt(20) + "." + r.nextInt(10);
        return switch (r.nextInt(12)) {
            case 0, 1, 2 ->
                time + "[INFO] Downloading from central: https://repo.maven.apache.org/maven2/" + group + "/" + artifact
                        + "/" + version + "/" + artifact + "-" + version + ".jar\n";
            case 3 ->
                time + "[INFO] Downloaded from central: https://repo.maven.apache.org/maven2/" + group + "/"
                        + artifact + "/" + version + "/" + artifact + "-" + version + ".pom (" + r.nextInt(40)
                        + " kB at "
                        + r.nextInt(900) + " kB/s)\n";
            case 4 ->
                time + "[INFO] Compiling " + r.nextInt(400)
                        + " source files with javac [debug release 17] to target/classes\n";
            case 5 ->
                "npm WARN deprecated " + artifact + "@" + version
                        + ": This module is not supported, and leaks memory.\n";
            case 6 -> "> Task :" + artifact + ":compileJava " + (r.nextBoolean() ? "UP-TO-DATE" : "") + "\n";
            case 7 ->
                "\tat " + group.replace('/', '.') + "." + Character.toUpperCase(artifact.charAt(0)) + word(r, 6) + "."
                        + word(r, 5) + "(" + word(r, 7) + ".java:" + r.nextInt(900) + ")\n";
            case 8 ->
                time + "[INFO] Tests run: " + r.nextInt(200) + ", Failures: 0, Errors: 0, Skipped: " + r.nextInt(3)
                        + ", Time elapsed: " + r.nextInt(30) + "." + r.nextInt(1000) + " s -- in "
                        + group.replace('/', '.')
                        + "." + word(r, 8) + "Test\n";
            case 9 -> "Progress (" + r.nextInt(8) + "): " + r.nextInt(100) + "/" + (100 + r.nextInt(900)) + " kB\r";
            case 10 ->
                n % 1000 == 10 && !secrets.isEmpty()
                        ? "curl -H 'Authorization: Bearer " + secrets.get(r.nextInt(secrets.size()))
                                + "' https://api.example.com\n"
                        : time + "[WARNING] Parameter 'release' is unknown for plugin 'maven-" + word(r, 6)
                                + "-plugin'\n";
            default ->
                "added " + r.nextInt(900) + " packages, and audited " + r.nextInt(2000) + " packages in "
                        + r.nextInt(60) + "s\n";
        };
    }

    private static String word(Random r, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }
}
