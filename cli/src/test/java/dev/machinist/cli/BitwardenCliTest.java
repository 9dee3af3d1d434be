package dev.machinist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import dev.machinist.simulator.bitwarden.BitwardenSimulator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BitwardenCliTest {
    static SimulatorServer server;
    static BitwardenSimulator bitwarden;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        server = Simulators.startAll(0);
        bitwarden = server.vendor(BitwardenSimulator.class);
        env = SimulatorEnv.of(server, "bitwarden");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void secretsGetPrintsValuesOnlyWhereAsked() {
        String id = bitwarden.addSecret("CLI_TEST_SECRET", "s3cr3t-value-for-cli", "a note");
        CliRun value = CliRun.of(env, "secrets", "get", id, "--value");
        assertThat(value.exitCode()).as(value.err()).isZero();
        assertThat(value.out()).isEqualTo("s3cr3t-value-for-cli\n");
        CliRun list = CliRun.of(env, "secrets", "list", "-o", "json");
        assertThat(list.out()).contains("CLI_TEST_SECRET").doesNotContain("s3cr3t-value-for-cli");
    }

    @Test
    void projectsGetLikeTheSeedsBwsProjectGet() {
        String project = bitwarden.projectIds().get(0);
        CliRun run = CliRun.of(env, "projects", "get", project);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(project + "  ci-deploy");
    }

    @Test
    void revokedTokenSaysSoAndExitsThree() {
        String token = bitwarden.issueAccessToken(null);
        bitwarden.revokeAccessToken(token);
        CliRun run = CliRun.of(SimulatorEnv.with(env, "BWS_ACCESS_TOKEN", token), "whoami");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err())
                .contains("invalid, revoked or expired")
                .doesNotContain(token.substring(token.indexOf('.') + 1));
    }

    @Test
    void malformedTokenIsAUsageErrorNamingThePart() {
        CliRun run = CliRun.of(
                SimulatorEnv.with(env, "BWS_ACCESS_TOKEN", "0.not-a-uuid.secretpart:AAAAAAAAAAAAAAAAAAAAAA=="),
                "whoami");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("machinist: ").doesNotContain("secretpart");
        CliRun noKey = CliRun.of(
                SimulatorEnv.with(env, "BWS_ACCESS_TOKEN", "0.ec2c1d46-6a4b-4751-a310-af9601317f2d.secretpart"),
                "whoami");
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).doesNotContain("secretpart");
    }

    @Test
    void unknownSecretIsNotFound() {
        CliRun run = CliRun.of(env, "secrets", "get", "00000000-0000-4000-8000-000000000000");
        assertThat(run.exitCode()).isEqualTo(5);
    }
}
