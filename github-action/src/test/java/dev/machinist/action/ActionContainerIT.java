package dev.machinist.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.bitwarden.BitwardenSimulator;
import dev.machinist.simulator.github.FileCommandParser;
import dev.machinist.simulator.github.WorkflowLog;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import dev.machinist.simulator.platform.PlatformSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action's image, run with podman exactly as the runner runs a docker action, against the simulators
 * on the host's loopback (--network host). The file commands are read back with the runner's parsing
 * rules and stdout is replayed as the runner's masker sees it.
 */
class ActionContainerIT {
    /** Values that break naive writers: a PEM, JSON, '%' escapes, CR/LF, command and delimiter look-alikes. */
    static final Map<String, String> TRICKY = new LinkedHashMap<>();

    static {
        TRICKY.put(
                "PEM_KEY",
                "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIHq0Vv1eGq2fJm1x3c9yQ3o3bVdQ0hJ8K4X9nq1vJmZs\n"
                        + "-----END PRIVATE KEY-----\n");
        TRICKY.put("JSON_CONF", "{\"user\":\"deploy\",\"password\":\"p@ss:w,rd\",\"nested\":{\"a\":[1,2]}}");
        TRICKY.put("PERCENT_VALUE", "100%25-not-%0A-a-newline-%");
        TRICKY.put("CRLF_VALUE", "first line\r\nsecond line\r\n");
        TRICKY.put("UNICODE_VALUE", "pässwörd-密码-🔑-\u00a0nbsp");
        TRICKY.put("LOOKALIKES", "::add-mask::x\nghadelimiter_00000000-0000-0000-0000-000000000000\nEOF");
    }

    static SimulatorServer simulators;
    static PlatformSimulator upsunSimulator = new PlatformSimulator("upsun");
    static BitwardenSimulator bitwarden = new BitwardenSimulator();
    static Map<String, Object> described;
    static String image;

    @BeforeAll
    static void start() throws Exception {
        Podman.requireAvailable();
        image = Podman.load(
                Path.of(System.getProperty("machinist.image.tar", "target/jib-image.tar")),
                System.getProperty("machinist.image.name", "ghcr.io/machinist-dev/machinist:0.1.0-SNAPSHOT"));
        simulators = SimulatorServer.start(0)
                .with(new PantheonSimulator())
                .with(upsunSimulator)
                .with(bitwarden);
        described = simulators.describe();
    }

    @AfterAll
    static void stop() {
        if (simulators != null) simulators.close();
    }

    @Test
    void bitwardenSecretsRoundTripByteForByteAndEveryValueLineAndDerivedTokenIsMaskedBeforeUse(@TempDir Path root)
            throws Exception {
        StringBuilder picks = new StringBuilder();
        for (Map.Entry<String, String> e : TRICKY.entrySet()) {
            String id = bitwarden.addSecret("vault." + e.getKey().toLowerCase(), e.getValue(), "e2e");
            picks.append(id).append(" > ").append(e.getKey()).append('\n');
        }
        DockerActionRun run = new DockerActionRun(root)
                .input("vendor", "bitwarden")
                .input("access-token", bitwarden.demoAccessToken())
                .input("secrets", picks.toString())
                .env("BWS_SERVER_URL", BitwardenSimulator.serverUrl(simulators.baseUri()));

        DockerActionRun.Result result = run.run(image);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        WorkflowLog log = new WorkflowLog(result.stdout());
        Secrets.assertMaskedBeforeUse(log, "access token", bitwarden.demoAccessToken());
        String jwt = log.masks().stream()
                .filter(m ->
                        m.startsWith("eyJ") && m.chars().filter(c -> c == '.').count() == 2)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the login JWT was never masked"));
        Secrets.assertMaskedBeforeUse(log, "login JWT", jwt);
        Map<String, String> env = FileCommandParser.parse(run.envFile());
        Map<String, String> outputs = FileCommandParser.parse(run.outputFile());
        for (Map.Entry<String, String> e : TRICKY.entrySet()) {
            assertThat(env.get(e.getKey())).as("GITHUB_ENV " + e.getKey()).isEqualTo(e.getValue());
            assertThat(outputs.get(e.getKey()))
                    .as("GITHUB_OUTPUT " + e.getKey())
                    .isEqualTo(e.getValue());
            Secrets.assertMaskedBeforeUse(log, e.getKey(), e.getValue());
        }
        String summary = Files.readString(run.summaryFile());
        assertThat(summary).contains("Machinist: Bitwarden", "`PEM_KEY`", "`LOOKALIKES`");
        Secrets.assertContainsNone(summary, TRICKY.values());
        Secrets.assertContainsNone(result.stderr(), TRICKY.values());
    }

    @Test
    void trickyValuesRoundTripByteForByteAndAreMaskedBeforeAnyUse(@TempDir Path root) throws Exception {
        DockerActionRun run =
                new DockerActionRun(root).input("vendor", "env").input("secrets", String.join("\n", TRICKY.keySet()));
        TRICKY.forEach(run::env);

        DockerActionRun.Result result = run.run(image);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        WorkflowLog log = new WorkflowLog(result.stdout());
        Map<String, String> env = FileCommandParser.parse(run.envFile());
        Map<String, String> outputs = FileCommandParser.parse(run.outputFile());
        for (Map.Entry<String, String> e : TRICKY.entrySet()) {
            assertThat(env.get(e.getKey())).as("GITHUB_ENV " + e.getKey()).isEqualTo(e.getValue());
            assertThat(outputs.get(e.getKey()))
                    .as("GITHUB_OUTPUT " + e.getKey())
                    .isEqualTo(e.getValue());
            Secrets.assertMaskedBeforeUse(log, e.getKey(), e.getValue());
        }
        assertThat(outputs.get("names")).isEqualTo(String.join(",", TRICKY.keySet()));
        String summary = Files.readString(run.summaryFile());
        assertThat(summary).contains("`PEM_KEY`", "`CRLF_VALUE`");
        Secrets.assertContainsNone(summary, TRICKY.values());
        Secrets.assertContainsNone(result.stderr(), TRICKY.values());
    }

    @Test
    void pantheonLoginHandsTheTerminusSessionToLaterStepsAndMasksIt(@TempDir Path root) throws Exception {
        JsonNode pantheon = json().valueToTree(described.get("pantheon"));
        DockerActionRun run = new DockerActionRun(root)
                .input("vendor", "pantheon")
                .input(
                        "access-token",
                        pantheon.path("env").path("TERMINUS_MACHINE_TOKEN").asText())
                .input("terminus-session", "true")
                .env("TERMINUS_HOST", pantheon.path("env").path("TERMINUS_HOST").asText())
                .env("TERMINUS_PORT", pantheon.path("env").path("TERMINUS_PORT").asText())
                .env(
                        "TERMINUS_PROTOCOL",
                        pantheon.path("env").path("TERMINUS_PROTOCOL").asText());
        // Later steps run as the runner's user, not as the container's root.
        Files.setAttribute(run.home, "unix:uid", 1001);
        Files.setAttribute(run.home, "unix:gid", 1001);

        DockerActionRun.Result result = run.run(image);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        WorkflowLog log = new WorkflowLog(result.stdout());
        Secrets.assertMaskedBeforeUse(
                log,
                "machine token",
                pantheon.path("env").path("TERMINUS_MACHINE_TOKEN").asText());
        Map<String, String> env = FileCommandParser.parse(run.envFile());
        Path cacheDir = run.home.resolve(".machinist/terminus");
        assertThat(env).containsEntry("TERMINUS_CACHE_DIR", cacheDir.toString());
        Path sessionFile = cacheDir.resolve("session");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionFile)))
                .isEqualTo("rw-------");
        assertThat(Files.getAttribute(sessionFile, "unix:uid")).isEqualTo(1001);
        JsonNode session = json().readTree(sessionFile.toFile());
        assertThat(session.path("user_id").asText())
                .isEqualTo(pantheon.path("userId").asText());
        Secrets.assertMaskedBeforeUse(
                log, "derived session", session.path("session").asText());
        assertThat(Files.readString(run.summaryFile()))
                .contains(pantheon.path("userId").asText())
                .doesNotContain(session.path("session").asText());
    }

    @Test
    void upsunSshCertificateIsWrittenForTheRunnerUserWithHostPathsAndEveryDerivedCredentialMasked(@TempDir Path root)
            throws Exception {
        JsonNode upsun = json().valueToTree(described.get("upsun"));
        DockerActionRun run = new DockerActionRun(root)
                .input("vendor", "upsun")
                .input("access-token", upsun.path("env").path("UPSUN_CLI_TOKEN").asText())
                .input("ssh-cert", "true")
                .env(
                        "UPSUN_CLI_API_URL",
                        upsun.path("env").path("UPSUN_CLI_API_URL").asText())
                .env(
                        "UPSUN_CLI_AUTH_URL",
                        upsun.path("env").path("UPSUN_CLI_AUTH_URL").asText());
        Files.setAttribute(run.home, "unix:uid", 1001);
        Files.setAttribute(run.home, "unix:gid", 1001);

        DockerActionRun.Result result = run.run(image);

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        WorkflowLog log = new WorkflowLog(result.stdout());
        Secrets.assertMaskedBeforeUse(
                log, "API token", upsun.path("env").path("UPSUN_CLI_TOKEN").asText());
        String accessToken = log.masks().stream()
                .filter(m -> m.chars().filter(c -> c == '.').count() == 2 && isValidUpsunAccessToken(m))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the derived OAuth access token was never masked"));
        Secrets.assertMaskedBeforeUse(log, "OAuth access token", accessToken);

        Path dir = run.home.resolve(".machinist/ssh/upsun");
        Path key = dir.resolve("id_ed25519");
        Path cert = dir.resolve("id_ed25519-cert.pub");
        Map<String, String> env = FileCommandParser.parse(run.envFile());
        assertThat(env.get("GIT_SSH_COMMAND"))
                .isEqualTo("ssh -i " + key + " -o CertificateFile=" + cert + " -o IdentitiesOnly=yes");
        assertThat(env.get("RSYNC_RSH")).isEqualTo(env.get("GIT_SSH_COMMAND"));
        assertThat(FileCommandParser.parse(run.outputFile())).containsEntry("ssh-key", key.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                .isEqualTo("rw-------");
        for (Path p : new Path[] {dir, key, cert})
            assertThat(Files.getAttribute(p, "unix:uid")).isEqualTo(1001);
        assertThat(Files.readString(cert)).startsWith("ssh-ed25519-cert-v01@openssh.com ");
        Secrets.assertMaskedBeforeUse(log, "SSH private key", Files.readString(key));
    }

    private static boolean isValidUpsunAccessToken(String candidate) {
        return upsunSimulator.isAccessTokenValid(candidate);
    }

    @Test
    void aBadTokenEndsInAnErrorAnnotationAndAFailingExitCode(@TempDir Path root) throws Exception {
        JsonNode pantheon = json().valueToTree(described.get("pantheon"));
        String badToken = pantheon.path("badTokens").elements().next().asText();
        DockerActionRun run = new DockerActionRun(root)
                .input("vendor", "pantheon")
                .input("access-token", badToken)
                .env("TERMINUS_HOST", pantheon.path("env").path("TERMINUS_HOST").asText())
                .env("TERMINUS_PORT", pantheon.path("env").path("TERMINUS_PORT").asText())
                .env(
                        "TERMINUS_PROTOCOL",
                        pantheon.path("env").path("TERMINUS_PROTOCOL").asText());

        DockerActionRun.Result result = run.run(image);

        assertThat(result.exitCode()).isEqualTo(3);
        WorkflowLog log = new WorkflowLog(result.stdout());
        assertThat(log.commands("error")).singleElement().asString().contains("Pantheon");
        Secrets.assertMaskedBeforeUse(log, "bad token", badToken);
        assertThat(FileCommandParser.parse(run.envFile())).isEmpty();
        assertThat(Files.readString(run.summaryFile())).startsWith("### Machinist failed");
        assertThat(result.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingInputIsAUsageErrorBeforeAnyRequest(@TempDir Path root) throws Exception {
        DockerActionRun.Result result = new DockerActionRun(root).run(image);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(new WorkflowLog(result.stdout()).commands("error"))
                .containsExactly(
                        "The input 'vendor' is required: one of pantheon, platformsh, upsun, webpaas," + " bitwarden.");
    }

    static ObjectMapper json() {
        return new ObjectMapper();
    }
}
