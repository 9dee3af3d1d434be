package dev.machinist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import dev.machinist.simulator.pantheon.PantheonSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PantheonCliTest {
    static SimulatorServer server;
    static Map<String, String> env;
    static String token;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = Simulators.startAll(0);
        env = SimulatorEnv.of(server, "pantheon");
        token = env.get("TERMINUS_MACHINE_TOKEN");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void loginShowsIdentityAndExpiryNeverTheToken() {
        CliRun run = CliRun.of(env, "login", "--debug");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Pantheon: logged in as", "ci-bot@example.com", "login expires:");
        assertThat(run.all()).doesNotContain(token);
    }

    @Test
    void whoamiAsJson() {
        CliRun run = CliRun.of(env, "whoami", "--vendor", "pantheon", "-o", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"vendor\" : \"pantheon\"", "\"expiresAt\" : \"20");
    }

    @Test
    void terminusSessionIsWrittenPrivately() throws Exception {
        Map<String, String> withCache = SimulatorEnv.with(env, "TERMINUS_CACHE_DIR", dir.toString());
        CliRun run = CliRun.of(withCache, "login", "--terminus-session");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path session = dir.resolve("session");
        assertThat(run.err()).contains("Logged in terminus: wrote " + session);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(session)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(session)).contains("\"session\"", "\"expires_at\"", "\"user_id\"");
    }

    @Test
    void tokenListAndCreateIsRefusedWithAPointerToTheDashboard() throws Exception {
        CliRun list = CliRun.of(env, "token", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(server.vendor(PantheonSimulator.class).demoTokenId());
        CliRun create =
                CliRun.of(env, "token", "create", "x", "--out", dir.resolve("t").toString());
        assertThat(create.exitCode()).isEqualTo(2);
        assertThat(create.err()).contains("dashboard.pantheon.io");
    }

    @Test
    void badTokenExitsThreeWithOneClearLine() {
        for (PantheonSimulator.BadTokenAnswer answer : PantheonSimulator.BadTokenAnswer.values()) {
            String bad = PantheonSimulator.badToken(answer);
            CliRun run = CliRun.of(SimulatorEnv.with(env, "TERMINUS_MACHINE_TOKEN", bad), "whoami");
            assertThat(run.exitCode()).as(answer.name() + ": " + run.err()).isIn(3, 9);
            assertThat(run.err())
                    .as(answer.name())
                    .startsWith("machinist: ")
                    .doesNotContain("\tat ")
                    .doesNotContain(bad);
            assertThat(run.err().lines().count()).isEqualTo(1);
        }
    }

    @Test
    void tokenOnTheCommandLineWorksButWarns() {
        CliRun run = CliRun.of(
                Map.of(
                        "TERMINUS_HOST",
                        env.get("TERMINUS_HOST"),
                        "TERMINUS_PORT",
                        env.get("TERMINUS_PORT"),
                        "TERMINUS_PROTOCOL",
                        "http"),
                "whoami",
                "--vendor",
                "pantheon",
                "--token",
                token);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: a token on the command line is visible");
        assertThat(run.all()).doesNotContain(token);
    }

    @Test
    void tokenFromStdinAndFile() throws Exception {
        Map<String, String> noToken = new java.util.HashMap<>(env);
        noToken.remove("TERMINUS_MACHINE_TOKEN");
        CliRun stdin = CliRun.withStdin(noToken, token + "\n", "whoami", "--vendor", "pantheon", "--token-stdin");
        assertThat(stdin.exitCode()).as(stdin.err()).isZero();
        Path file = dir.resolve("token");
        Files.writeString(file, token + "\n");
        CliRun fromFile = CliRun.of(noToken, "whoami", "--vendor", "pantheon", "--token-file", file.toString());
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        CliRun missing = CliRun.of(noToken, "whoami", "--vendor", "pantheon");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("set TERMINUS_MACHINE_TOKEN or PANTHEON_MACHINE_TOKEN");
    }
}
