package dev.machinist.core.provider.pantheon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes the files Terminus reads, so that {@code terminus} commands later in the same job are logged in.
 * A file holding a credential is never visible with other permissions, not even for an instant: the content
 * goes into a temp file created 0600 in the same directory, which is then renamed over the target. A reader
 * sees the old file or the new one, never half of one; an existing file with looser permissions is replaced,
 * not rewritten in place. Missing directories are created 0755, as Terminus's FileStore creates them.
 */
final class TerminusSessionWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private TerminusSessionWriter() {}

    /** Writes {@code content} as JSON to {@code target}, mode 0600, atomically. */
    static void write(Path target, Map<String, Object> content) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(content);
        } catch (IOException e) {
            throw new MachinistException(ErrorKind.INTERNAL, "Could not encode " + target.getFileName() + ".");
        }
        Path dir = target.getParent();
        Path temp = null;
        try {
            createDirectories(dir);
            temp = POSIX
                    ? Files.createTempFile(
                            dir,
                            "." + target.getFileName(),
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : ownerOnlyTempFile(dir, target);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) out.write(buffer);
                out.force(true);
            }
            move(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new MachinistException(
                    ErrorKind.INTERNAL,
                    "Could not write " + target + " (" + e.getClass().getSimpleName() + "); check that " + dir
                            + " is writable.");
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (temp != null) deleteQuietly(temp);
        }
    }

    /**
     * Deletes {@code file} if it still holds {@code value} in {@code field}, so that a file another login
     * has written since is left alone.
     */
    static boolean deleteIfHolds(Path file, String field, String value) {
        try {
            if (!Files.isRegularFile(file)) return false;
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !value.equals(node.path(field).asText(null))) return false;
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }

    private static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        if (POSIX) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static Path ownerOnlyTempFile(Path dir, Path target) throws IOException {
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        java.io.File f = temp.toFile();
        boolean ok = f.setReadable(false, false)
                & f.setWritable(false, false)
                & f.setReadable(true, true)
                & f.setWritable(true, true);
        if (!ok) throw new IOException("cannot restrict permissions");
        return temp;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the temp file is 0600 and holds nothing another user can read
        }
    }
}
