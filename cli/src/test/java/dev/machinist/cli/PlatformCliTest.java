package dev.machinist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.machinist.simulator.SimulatorServer;
import dev.machinist.simulator.Simulators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCliTest {
    static SimulatorServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = Simulators.startAll(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eachProfileLogsInFromItsOwnVariable() {
        for (String vendor : new String[] {"platformsh", "upsun", "webpaas"}) {
            Map<String, String> env = SimulatorEnv.of(server, vendor);
            CliRun run = CliRun.of(env, "whoami", "-o", "json");
            assertThat(run.exitCode()).as(vendor + ": " + run.err()).isZero();
            assertThat(run.out()).contains("\"vendor\" : \"" + vendor + "\"", "\"expiresAt\"");
            env.values().stream().filter(v -> !v.startsWith("http")).forEach(t -> assertThat(run.all())
                    .doesNotContain(t));
        }
    }

    @Test
    void createdTokenGoesToAPrivateFileAndCanBeRevoked() throws Exception {
        Map<String, String> env = SimulatorEnv.of(server, "upsun");
        Path out = dir.resolve("new-token");
        CliRun create = CliRun.of(env, "token", "create", "rotation-test", "--out", out.toString());
        assertThat(create.exitCode()).as(create.err()).isZero();
        String token = Files.readString(out);
        assertThat(token).isNotBlank();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                .isEqualTo("rw-------");
        assertThat(create.all()).doesNotContain(token);
        String id = create.err().replaceAll("(?s).*Created token (\\S+) .*", "$1");
        CliRun newLogin = CliRun.of(SimulatorEnv.with(env, "UPSUN_CLI_TOKEN", token), "whoami");
        assertThat(newLogin.exitCode()).as(newLogin.err()).isZero();
        CliRun revoke = CliRun.of(env, "token", "revoke", id);
        assertThat(revoke.exitCode()).as(revoke.err()).isZero();
        CliRun afterRevoke = CliRun.of(SimulatorEnv.with(env, "UPSUN_CLI_TOKEN", token), "whoami");
        assertThat(afterRevoke.exitCode()).isEqualTo(3);
        assertThat(afterRevoke.err()).contains("UPSUN_CLI_TOKEN").doesNotContain(token);
    }

    @Test
    void sshCertPrintsSettingsAndWritesPrivateFiles() throws Exception {
        CliRun run = CliRun.of(
                SimulatorEnv.of(server, "platformsh"),
                "ssh-cert",
                "--dir",
                dir.resolve("ssh").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("export GIT_SSH_COMMAND='ssh -i ");
        String key = Files.readString(dir.resolve("ssh/id_ed25519"));
        assertThat(run.all()).doesNotContain(key.lines().skip(1).findFirst().orElseThrow());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ssh/id_ed25519"))))
                .isEqualTo("rw-------");
        CliRun webpaas = CliRun.of(
                SimulatorEnv.of(server, "webpaas"),
                "ssh-cert",
                "--dir",
                dir.resolve("w").toString());
        assertThat(webpaas.exitCode()).isEqualTo(2);
    }
}
