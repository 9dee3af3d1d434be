package dev.machinist.core.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerPathsTest {
    @Test
    void inTheContainerFilesGoUnderGithubHomeAndAreExportedWithTheirHostPath() {
        RunnerPaths paths = RunnerPaths.from(Map.of("HOME", "/github/home", "RUNNER_TEMP", "/home/runner/work/_temp"));
        assertThat(paths.containerDir()).isEqualTo(Path.of("/github/home/.machinist"));
        assertThat(paths.hostPath(Path.of("/github/home/.machinist/ssh/upsun/id_ed25519")))
                .isEqualTo("/home/runner/work/_temp/_github_home/.machinist/ssh/upsun/id_ed25519");
        assertThatThrownBy(() -> paths.hostPath(Path.of("/github/workspace/x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onTheHostBothPathsAreTheSame() {
        RunnerPaths paths = RunnerPaths.from(Map.of("HOME", "/home/runner", "RUNNER_TEMP", "/tmp/rt"));
        assertThat(paths.hostPath(Path.of("/tmp/rt/.machinist/terminus/cache")))
                .isEqualTo("/tmp/rt/.machinist/terminus/cache");
    }

    @Test
    void withoutRunnerTempTheErrorSaysItNeedsAJob() {
        assertThatThrownBy(() -> RunnerPaths.from(Map.of())).hasMessageContaining("GitHub Actions job");
    }

    @Test
    void filesWrittenAsRootAreGivenToTheOwnerOfTheMountedDirectory(@TempDir Path temp) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "changing owners needs root");
        Files.setAttribute(temp, "unix:uid", 4321);
        Files.setAttribute(temp, "unix:gid", 4321);
        RunnerPaths paths = RunnerPaths.from(Map.of("RUNNER_TEMP", temp.toString(), "HOME", "/root"));
        Path dir = Files.createDirectories(paths.containerDir().resolve("ssh"));
        Path key = Files.writeString(dir.resolve("id_ed25519"), "k");
        paths.giveTreeToRunnerUser(paths.containerDir());
        for (Path p : new Path[] {paths.containerDir(), dir, key}) {
            assertThat(Files.getAttribute(p, "unix:uid")).as(p.toString()).isEqualTo(4321);
            assertThat(Files.getAttribute(p, "unix:gid")).as(p.toString()).isEqualTo(4321);
        }
    }
}
