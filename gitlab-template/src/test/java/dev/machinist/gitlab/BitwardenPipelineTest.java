package dev.machinist.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import dev.machinist.simulator.bitwarden.BitwardenSimulator;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users' pipelines, run by gitlab-ci-local against the Bitwarden simulator: the component (include: local
 * with inputs, as gitlab-ci-local cannot fetch catalog components) and the classic template (variables).
 * The jar is installed as on a shell runner: downloaded by install.sh from a loopback "release".
 */
class BitwardenPipelineTest {
    private static SimulatorServer simulators;
    private static BitwardenSimulator bitwarden;
    private static FileServer releases;
    private static final Map<String, String> VALUES = new LinkedHashMap<>();
    private static final Map<String, String> IDS = new LinkedHashMap<>();

    @TempDir
    Path project;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        simulators = Simulators.startAll(0);
        bitwarden = simulators.vendor(BitwardenSimulator.class);
        releases = new FileServer(LauncherJar.write(dir.resolve("machinist.jar")), "/machinist.jar");
        // Fresh random values: if one shows up in a log, nothing else could have put it there.
        VALUES.put("DB_PASSWORD", "pw-" + random(18));
        VALUES.put(
                "DEPLOY_KEY",
                "-----BEGIN OPENSSH PRIVATE KEY-----\n" + random(48) + "\n" + random(48)
                        + "\n-----END OPENSSH PRIVATE KEY-----\n");
        VALUES.put("SERVICE_JSON", "{\"token\":\"" + random(15) + "\",\"note\":\"a \\\"quoted\\\" & <b> 100%\"}");
        for (Map.Entry<String, String> e : VALUES.entrySet()) {
            IDS.put(e.getKey(), bitwarden.addSecret("gl_" + e.getKey().toLowerCase(), e.getValue(), "gitlab test"));
        }
    }

    @AfterAll
    static void stop() {
        if (releases != null) releases.close();
        if (simulators != null) simulators.close();
    }

    @BeforeEach
    void tools() {
        Interop.onPath("rsync");
        Interop.onPath("curl");
        Interop.onPath("python3");
    }

    @Test
    void componentJobGetsTheSecretsIntactAndTheLogShowsOnlyMasked() throws Exception {
        Pipeline.Result result = new Pipeline(project)
                .withTemplates()
                .file("print-forms.sh", LeakCheck.PRINT_FORMS_SCRIPT)
                .file(".gitlab-ci.yml", """
                        include:
                          - local: templates/machinist/template.yml
                            inputs:
                              vendor: bitwarden
                              jar-url: %s
                              mask-variables: LEGACY_PASSWORD
                              secrets: |
                                %s > DB_PASSWORD
                                %s > DEPLOY_KEY
                                %s > SERVICE_JSON
                        deploy:
                          extends: .machinist
                          script:
                            - machinist-run sh print-forms.sh DB_PASSWORD DEPLOY_KEY SERVICE_JSON LEGACY_PASSWORD
                        """.formatted(
                                releases.uri("/machinist.jar"),
                                IDS.get("DB_PASSWORD"),
                                IDS.get("DEPLOY_KEY"),
                                IDS.get("SERVICE_JSON")))
                .variables(withLegacyPassword(tokenVariables(bitwarden.demoAccessToken())))
                .run();
        assertSecretsDeliveredAndMasked(result, "deploy");
        // A CI/CD variable GitLab itself cannot mask (spaces), masked because the job named it.
        assertThat(result.log("deploy")).contains(LeakCheck.sha256Line("LEGACY_PASSWORD", LEGACY_PASSWORD));
        LeakCheck.assertNeverShown(result.everything(), LEGACY_PASSWORD);
    }

    @Test
    void classicTemplateConfiguredWithVariablesDoesTheSame() throws Exception {
        Pipeline.Result result = new Pipeline(project)
                .withTemplates()
                .file("print-forms.sh", LeakCheck.PRINT_FORMS_SCRIPT)
                .file(".gitlab-ci.yml", """
                        include:
                          - local: Machinist.gitlab-ci.yml
                        variables:
                          MACHINIST_VENDOR: bitwarden
                          MACHINIST_JAR_URL: %s
                        deploy:
                          extends: .machinist
                          variables:
                            MACHINIST_SECRETS: |
                              %s > DB_PASSWORD
                              %s > DEPLOY_KEY
                              %s > SERVICE_JSON
                          script:
                            - machinist-run sh print-forms.sh DB_PASSWORD DEPLOY_KEY SERVICE_JSON
                        """.formatted(
                                releases.uri("/machinist.jar"),
                                IDS.get("DB_PASSWORD"),
                                IDS.get("DEPLOY_KEY"),
                                IDS.get("SERVICE_JSON")))
                .variables(tokenVariables(bitwarden.demoAccessToken()))
                .run();
        assertSecretsDeliveredAndMasked(result, "deploy");
    }

    @Test
    void aRevokedTokenFailsTheJobWithAClearMessageAndNoToken() throws Exception {
        String token = bitwarden.issueAccessToken(null);
        bitwarden.revokeAccessToken(token);
        Pipeline.Result result = new Pipeline(project)
                .withTemplates()
                .file(".gitlab-ci.yml", """
                        include:
                          - local: templates/machinist/template.yml
                            inputs:
                              vendor: bitwarden
                              jar-url: %s
                              secrets: "%s > DB_PASSWORD"
                        deploy:
                          extends: .machinist
                          script:
                            - machinist-run sh -c 'echo "command-ran-$((40 + 2))"'
                        """.formatted(releases.uri("/machinist.jar"), IDS.get("DB_PASSWORD")))
                .variables(tokenVariables(token))
                .run();
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        String log = result.log("deploy");
        assertThat(log).contains("Bitwarden rejected access token").doesNotContain("command-ran-42");
        assertThat(log).doesNotContainPattern("\\bat [a-z]+\\.[a-z.]+\\(|Exception");
        LeakCheck.assertNeverShown(result.everything(), token.substring(token.indexOf('.', 2) + 1));
    }

    @Test
    void tokenCheckJobRunsOnlyWhenAskedFor(@TempDir Path other) throws Exception {
        String pipeline = """
                include:
                  - local: templates/machinist/template.yml
                    inputs:
                      vendor: bitwarden
                      jar-url: %s
                      check-token: %s
                      stage: build
                stages: [build, test]
                build:
                  stage: build
                  script: echo build
                """;
        Pipeline.Result on = new Pipeline(project)
                .withTemplates()
                .file(".gitlab-ci.yml", pipeline.formatted(releases.uri("/machinist.jar"), "true"))
                .variables(tokenVariables(bitwarden.demoAccessToken()))
                .run();
        assertThat(on.exitCode()).as(on.output()).isZero();
        assertThat(on.log("machinist-check-token")).contains(bitwarden.machineAccountId());
        Pipeline.Result off = new Pipeline(other)
                .withTemplates()
                .file(".gitlab-ci.yml", pipeline.formatted(releases.uri("/machinist.jar"), "false"))
                .variables(tokenVariables(bitwarden.demoAccessToken()))
                .run();
        assertThat(off.exitCode()).as(off.output()).isZero();
        assertThat(off.jobLogs()).containsOnlyKeys("build");
    }

    private static void assertSecretsDeliveredAndMasked(Pipeline.Result result, String job) {
        assertThat(result.exitCode()).as(result.output()).isZero();
        String log = result.log(job);
        assertThat(log).contains("[MASKED]");
        for (Map.Entry<String, String> e : VALUES.entrySet()) {
            assertThat(log)
                    .as("the job saw " + e.getKey() + " intact")
                    .contains(LeakCheck.sha256Line(e.getKey(), e.getValue()));
            LeakCheck.assertNeverShown(result.everything(), e.getValue());
        }
    }

    private static final String LEGACY_PASSWORD = "old pass phrase " + random(9);

    private static Map<String, String> withLegacyPassword(Map<String, String> variables) {
        variables.put("LEGACY_PASSWORD", LEGACY_PASSWORD);
        return variables;
    }

    private static Map<String, String> tokenVariables(String token) {
        @SuppressWarnings("unchecked")
        Map<String, String> env = (Map<String, String>)
                ((Map<String, Object>) simulators.describe().get("bitwarden")).get("env");
        Map<String, String> variables = new LinkedHashMap<>(env);
        variables.put("BWS_ACCESS_TOKEN", token);
        return variables;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
