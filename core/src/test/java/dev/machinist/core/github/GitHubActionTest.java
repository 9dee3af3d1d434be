package dev.machinist.core.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.core.http.HttpClientSettings;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.mask.WeakPatternPolicy;
import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.bitwarden.BitwardenSimulator;
import dev.machinist.simulator.github.FileCommandParser;
import dev.machinist.simulator.github.WorkflowLog;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import dev.machinist.simulator.platform.PlatformSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The action's flow in-process, against the simulators; the image test runs the same flows in the container. */
class GitHubActionTest {
    static SimulatorServer server;
    static PantheonSimulator pantheon = new PantheonSimulator();
    static PlatformSimulator upsun = new PlatformSimulator("upsun");
    static BitwardenSimulator bitwarden = new BitwardenSimulator();

    @TempDir
    Path temp;

    Map<String, String> env;
    Path envFile;
    Path outputFile;
    Path summaryFile;

    @BeforeAll
    static void start() throws Exception {
        server = SimulatorServer.start(0).with(pantheon).with(upsun).with(bitwarden);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void runner() throws Exception {
        envFile = Files.createFile(temp.resolve("set_env"));
        outputFile = Files.createFile(temp.resolve("set_output"));
        summaryFile = Files.createFile(temp.resolve("step_summary"));
        env = new LinkedHashMap<>();
        env.put("GITHUB_ENV", envFile.toString());
        env.put("GITHUB_OUTPUT", outputFile.toString());
        env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());
        env.put(
                "RUNNER_TEMP",
                Files.createDirectories(temp.resolve("runner-temp")).toString());
        env.put("HOME", Files.createDirectories(temp.resolve("home")).toString());
        env.put("TERMINUS_HOST", server.baseUri().getHost());
        env.put("TERMINUS_PORT", String.valueOf(server.baseUri().getPort()));
        env.put("TERMINUS_PROTOCOL", "http");
        env.put("UPSUN_CLI_API_URL", upsun.apiUrl(server.baseUri()));
        env.put("UPSUN_CLI_AUTH_URL", upsun.authUrl(server.baseUri()));
    }

    record Run(int exitCode, WorkflowLog log, String stdout) {}

    Run run() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code =
                new GitHubAction(env, out, new HttpTransport(HttpClientSettings.defaults()), Clock.systemUTC()).run();
        String stdout = bytes.toString(StandardCharsets.UTF_8);
        return new Run(code, new WorkflowLog(stdout), stdout);
    }

    static void assertMaskedBeforeUse(WorkflowLog log, String value) {
        assertThat(log.masks()).as("registered with ::add-mask::").contains(value);
        assertThat(log.firstUnmaskedUse(value)).as("printed before its mask").isEmpty();
        for (String line : value.split("\\R")) {
            // Lines the weak-pattern policy rejects (e.g. "}" or "EOF") are deliberately not masked alone.
            if (WeakPatternPolicy.defaults().weakness(line.strip()).isPresent()) continue;
            assertThat(log.masks()).as("a line registered").contains(line.strip());
        }
    }

    @Test
    void pantheonLoginMasksTokenAndSessionWritesTheTerminusSessionAndSummarizes() throws Exception {
        env.put("INPUT_VENDOR", "pantheon");
        env.put("INPUT_ACCESS-TOKEN", pantheon.demoToken());
        env.put("INPUT_TERMINUS-SESSION", "true");

        Run run = run();

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertMaskedBeforeUse(run.log(), pantheon.demoToken());
        Path cache = Path.of(env.get("RUNNER_TEMP"), ".machinist", "terminus");
        assertThat(FileCommandParser.parse(envFile)).containsEntry("TERMINUS_CACHE_DIR", cache.toString());
        String sessionJson = Files.readString(cache.resolve("session"));
        String session = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(sessionJson)
                .path("session")
                .asText();
        assertMaskedBeforeUse(run.log(), session);
        Map<String, String> outputs = FileCommandParser.parse(outputFile);
        assertThat(outputs).containsEntry("identity", pantheon.demoUserId()).containsKey("expires-at");
        String summary = Files.readString(summaryFile);
        assertThat(summary).contains("Machinist: Pantheon", pantheon.demoUserId(), "Login expires");
        assertThat(summary).doesNotContain(session).doesNotContain(pantheon.demoToken());
    }

    @Test
    void bitwardenProjectLoadsEverySecretByKeyWithNamesMappedAndWeakValuesReported() throws Exception {
        String project = bitwarden.addProject("action-test");
        bitwarden.addSecret("db.password", "s3cr3t-Passw0rd!", "", project);
        bitwarden.addSecret("DEBUG", "true", "", project);
        env.put("INPUT_VENDOR", "bitwarden");
        env.put("INPUT_ACCESS-TOKEN", bitwarden.demoAccessToken());
        env.put("INPUT_PROJECT", project);
        env.put("INPUT_MAP-NAMES", "true");
        env.put("BWS_SERVER_URL", BitwardenSimulator.serverUrl(server.baseUri()));

        Run run = run();

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertMaskedBeforeUse(run.log(), bitwarden.demoAccessToken());
        assertMaskedBeforeUse(run.log(), "s3cr3t-Passw0rd!");
        assertThat(run.log().masks()).doesNotContain("true");
        assertThat(run.log().commands("warning")).singleElement().asString().contains("$DEBUG", "common word");
        assertThat(FileCommandParser.parse(envFile))
                .containsEntry("db_password", "s3cr3t-Passw0rd!")
                .containsEntry("DEBUG", "true");
        assertThat(Files.readString(summaryFile))
                .contains("`db_password`", "`DEBUG`")
                .doesNotContain("s3cr3t");
    }

    @Test
    void aRejectedTokenIsOneErrorAnnotationWithTheBadTokenExitCode() throws Exception {
        env.put("INPUT_VENDOR", "pantheon");
        env.put("INPUT_ACCESS-TOKEN", "not-a-real-pantheon-machine-token-000000");

        Run run = run();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.log().commands("error")).singleElement().asString().contains("Pantheon");
        assertMaskedBeforeUse(run.log(), "not-a-real-pantheon-machine-token-000000");
        assertThat(Files.readString(envFile)).isEmpty();
        assertThat(Files.readString(summaryFile)).startsWith("### Machinist failed");
    }

    @Test
    void upsunSshCertificateMasksTheDerivedAccessTokenAndPrivateKey() throws Exception {
        env.put("INPUT_VENDOR", "upsun");
        env.put("INPUT_ACCESS-TOKEN", upsun.demoApiToken());
        env.put("INPUT_SSH-CERT", "true");

        Run run = run();

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(run.log().masks().stream().filter(upsun::isAccessTokenValid)).hasSize(1);
        Path key = Path.of(env.get("RUNNER_TEMP"), ".machinist", "ssh", "upsun", "id_ed25519");
        assertMaskedBeforeUse(run.log(), Files.readString(key));
        Map<String, String> exported = FileCommandParser.parse(envFile);
        assertThat(exported.get("GIT_SSH_COMMAND")).startsWith("ssh -i " + key + " -o CertificateFile=");
    }

    @Test
    void valuesRoundTripAndOutputsOnlyLeavesTheEnvironmentAlone() throws Exception {
        env.put("PEM", "-----BEGIN KEY-----\nAAAA\n-----END KEY-----\n");
        env.put("CRLF", "a%0A%b\r\nc\r\n");
        env.put("INPUT_VENDOR", "env");
        env.put("INPUT_SECRETS", "PEM > MY_PEM\nCRLF");
        env.put("INPUT_EXPORT-ENV", "false");

        Run run = run();

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(FileCommandParser.parse(envFile)).isEmpty();
        Map<String, String> outputs = FileCommandParser.parse(outputFile);
        assertThat(outputs).containsEntry("MY_PEM", env.get("PEM")).containsEntry("CRLF", env.get("CRLF"));
        assertThat(outputs).containsEntry("names", "MY_PEM,CRLF");
        assertMaskedBeforeUse(run.log(), env.get("PEM"));
        assertMaskedBeforeUse(run.log(), env.get("CRLF"));
    }

    @Test
    void unmaskedNamesAndShortValuesAreLoadedButNotMaskedWithAWarning() throws Exception {
        env.put("DB_USER", "deploy-user");
        env.put("FLAG", "1");
        env.put("DB_PASSWORD", "correct horse battery staple");
        env.put("INPUT_VENDOR", "env");
        env.put("INPUT_SECRETS", "DB_USER, FLAG, DB_PASSWORD");
        env.put("INPUT_UNMASKED", "DB_USER");
        env.put("INPUT_MASK-MIN-LENGTH", "4");

        Run run = run();

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        assertThat(run.log().masks()).contains("correct horse battery staple").doesNotContain("deploy-user", "1");
        assertThat(run.log().commands("warning"))
                .anySatisfy(w -> assertThat(w).contains("$DB_USER", "unmasked"))
                .anySatisfy(w -> assertThat(w).contains("$FLAG", "mask-min-length"));
        assertThat(FileCommandParser.parse(envFile))
                .containsEntry("DB_USER", "deploy-user")
                .containsEntry("FLAG", "1");
    }

    @Test
    void anInputForAnotherVendorIsAUsageError() {
        env.put("INPUT_VENDOR", "pantheon");
        env.put("INPUT_ACCESS-TOKEN", pantheon.demoToken());
        env.put("INPUT_SSH-CERT", "true");

        Run run = run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.log().commands("error"))
                .singleElement()
                .asString()
                .contains("'ssh-cert' is for the Platform.sh family");
        assertMaskedBeforeUse(run.log(), pantheon.demoToken());
    }

    @Test
    void nothingIsPrintedWhenTheVendorInputIsMissingExceptTheError() {
        Run run = run();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout())
                .isEqualTo("::error title=Machinist::The input 'vendor' is required: one of pantheon, platformsh,"
                        + " upsun, webpaas, bitwarden.\n");
    }
}
