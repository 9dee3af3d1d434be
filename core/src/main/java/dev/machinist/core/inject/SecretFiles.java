package dev.machinist.core.inject;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Secret files for tools that want a path (a PEM key, a kubeconfig, a service-account JSON): each is
 * written 0600 at creation inside a private 0700 temporary directory, which is removed by {@link #close()}
 * and, should the JVM exit first (including on SIGTERM), by a shutdown hook. Contents are written byte for
 * byte (UTF-8 of the value, no newline added or removed).
 */
public final class SecretFiles implements AutoCloseable {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path directory;
    private final Thread cleanup;

    private SecretFiles(Path directory) {
        this.directory = directory;
        this.cleanup = new Thread(this::deleteQuietly, "machinist-secret-files-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** A fresh private directory under the system temporary directory (e.g. {@code $RUNNER_TEMP} via java.io.tmpdir). */
    public static SecretFiles create() {
        return createIn(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public static SecretFiles createIn(Path parent) {
        try {
            return new SecretFiles(Files.createTempDirectory(
                    parent,
                    "machinist-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new MachinistException(
                    ErrorKind.INTERNAL, "Could not create a private directory in " + parent + ": " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Writes {@code secret} to {@code fileName} in the private directory and returns its path. */
    public Path write(String fileName, Secret secret) {
        if (!FILE_NAME.matcher(fileName).matches() || fileName.equals(".") || fileName.equals("..")) {
            throw MachinistException.usage(
                    "Invalid secret file name '" + fileName + "': use letters, digits, '.', '_' and '-' only.");
        }
        Path file = directory.resolve(fileName);
        try (SecretFileWriter writer = SecretFileWriter.createOwnerOnly(file)) {
            writer.write(secret.revealUtf8());
        } catch (FileAlreadyExistsException e) {
            throw MachinistException.usage("A secret file named '" + fileName + "' was already written.");
        } catch (IOException e) {
            throw new MachinistException(
                    ErrorKind.INTERNAL, "Could not write secret file " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Deletes the directory and everything in it. */
    @Override
    public void close() {
        deleteQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or ran; nothing to unregister.
        }
    }

    private void deleteQuietly() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort at exit; the directory is private to this user either way.
        }
    }
}
