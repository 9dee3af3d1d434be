package dev.machinist.core.github;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the action writes files that LATER steps use, under two names: the path inside this container and
 * the same file's path on the runner host, which is what GITHUB_ENV must carry (the runner does not translate
 * values read back from file commands).
 *
 * <p>The runner mounts {@code $RUNNER_TEMP/_github_home} at {@code /github/home} and sets HOME to it, but
 * passes RUNNER_TEMP itself untranslated (actions/runner ContainerActionHandler: only the mounted
 * directories are translated). So a file under /github/home/X is $RUNNER_TEMP/_github_home/X on the host,
 * outside the workspace (nothing to commit or upload by mistake) and deleted by the runner after the job.
 * Outside a container (HOME is not /github/home) both paths are the same directory under RUNNER_TEMP.
 */
record RunnerPaths(Path containerDir, Path hostDir, Path mountRoot) {
    static final String CONTAINER_HOME = "/github/home";

    static RunnerPaths from(Map<String, String> env) {
        String runnerTemp = env.get("RUNNER_TEMP");
        if (runnerTemp == null || runnerTemp.isBlank()) {
            throw new MachinistException(
                    ErrorKind.USAGE,
                    "RUNNER_TEMP is not set, so there is no place for files later steps can read; this input only"
                            + " works inside a GitHub Actions job.");
        }
        if (CONTAINER_HOME.equals(env.get("HOME"))) {
            Path home = Path.of(CONTAINER_HOME);
            return new RunnerPaths(home.resolve(".machinist"), Path.of(runnerTemp, "_github_home", ".machinist"), home);
        }
        Path dir = Path.of(runnerTemp, ".machinist");
        return new RunnerPaths(dir, dir, Path.of(runnerTemp));
    }

    /** The host path of a file under {@link #containerDir()}. */
    String hostPath(Path containerFile) {
        Path relative = containerDir.relativize(containerFile.toAbsolutePath().normalize());
        if (relative.startsWith("..")) {
            throw new IllegalArgumentException("not under " + containerDir + ": " + containerFile);
        }
        return hostDir.resolve(relative).toString();
    }

    /**
     * Gives {@code path} and every directory between it and the mount root to the owner of the mount root.
     * A container action runs as root, while the steps after it run as the runner's user: a 0600 key owned
     * by root would be unreadable to ssh there. Nothing happens when the owner already matches or when this
     * process may not change owners (then it is not root, and the files are already its user's).
     */
    void giveToRunnerUser(Path path) {
        try {
            Object uid = Files.getAttribute(mountRoot, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            Object gid = Files.getAttribute(mountRoot, "unix:gid", LinkOption.NOFOLLOW_LINKS);
            Path p = path.toAbsolutePath().normalize();
            while (p != null && p.startsWith(mountRoot) && !p.equals(mountRoot)) {
                if (!uid.equals(Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                        || !gid.equals(Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS))) {
                    Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                }
                p = p.getParent();
            }
        } catch (UnsupportedOperationException | IOException | SecurityException e) {
            // Not root or no unix view: the files belong to whoever runs this, which is then the runner user.
        }
    }

    /** {@link #giveToRunnerUser} for a directory and everything in it. */
    void giveTreeToRunnerUser(Path dir) {
        try (var files = Files.walk(dir)) {
            files.forEach(this::giveToRunnerUser);
        } catch (IOException e) {
            // best effort, as above
        }
    }
}
