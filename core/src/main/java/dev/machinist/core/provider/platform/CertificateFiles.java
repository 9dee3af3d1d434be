package dev.machinist.core.provider.platform;

import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.provider.SshCertificateIssuer.SshCertificate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes key and certificate where ssh expects them: the private key and certificate 0600, created with
 * that mode (never readable by others, not even between create and chmod), the directory 0700.
 */
final class CertificateFiles {
    static final String KEY = "id_ed25519";
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private CertificateFiles() {}

    static SshCertificate write(Path directory, String privateKeyPem, String certificate, String publicKeyLine) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            if (POSIX) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(perms("rwx------")));
                Files.setPosixFilePermissions(dir, perms("rwx------"));
            } else {
                Files.createDirectories(dir);
            }
            Path key = dir.resolve(KEY);
            Path cert = dir.resolve(KEY + "-cert.pub");
            writeNew(key, privateKeyPem, "rw-------");
            writeNew(cert, certificate.trim() + "\n", "rw-------");
            writeNew(dir.resolve(KEY + ".pub"), publicKeyLine + "\n", "rw-r--r--");
            return new SshCertificate(key, cert, gitSshCommand(key, cert), sshConfig(key, cert));
        } catch (IOException e) {
            throw new MachinistException(
                    ErrorKind.INTERNAL,
                    "Could not write the SSH key and certificate into " + dir + ": "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                            + ".");
        }
    }

    static String gitSshCommand(Path key, Path cert) {
        return "ssh -i " + quote(key.toString()) + " -o CertificateFile=" + quote(cert.toString())
                + " -o IdentitiesOnly=yes";
    }

    static String sshConfig(Path key, Path cert) {
        return "Host *\n" + "  IdentityFile \"" + key + "\"\n" + "  CertificateFile \"" + cert + "\"\n";
    }

    /** Replaces any old file: a stale file keeps its old mode, so it is removed and created anew. */
    private static void writeNew(Path file, String content, String mode) throws IOException {
        Files.deleteIfExists(file);
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attrs = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms(mode))}
                : new FileAttribute<?>[0];
        try (SeekableByteChannel out = Files.newByteChannel(file, options, attrs)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) out.write(bytes);
        }
    }

    private static Set<PosixFilePermission> perms(String mode) {
        return PosixFilePermissions.fromString(mode);
    }

    /** POSIX shell quoting, because git runs GIT_SSH_COMMAND through the shell. */
    static String quote(String s) {
        return SHELL_SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
