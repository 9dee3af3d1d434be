package dev.machinist.simulator.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real OpenSSH certificate authority: holds an ed25519 CA key made by {@code ssh-keygen} and signs user
 * keys with {@code ssh-keygen -s}, so that clients are tested against certificates OpenSSH itself reads.
 * The key is created on first use in a private temporary directory.
 */
final class SshCertificateAuthority {
    /** One public key line: type, base64 blob, optional comment. */
    private static final Pattern PUBLIC_KEY =
            Pattern.compile("(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+={0,3}( [^\\r\\n]*)?");

    private Path dir;

    static boolean looksLikePublicKey(String line) {
        return line != null && PUBLIC_KEY.matcher(line.trim()).matches();
    }

    /** The CA's public key line, as served by {@code GET /ssh/authority}. */
    synchronized String authority() throws IOException, InterruptedException {
        return Files.readString(ready().resolve("ca.pub")).trim();
    }

    /** A user certificate for {@code publicKey}, valid for an hour, for principal {@code username}. */
    synchronized String sign(String keyId, String username, String publicKey) throws IOException, InterruptedException {
        Path work = ready();
        String stem = "req-" + UUID.randomUUID();
        Path request = work.resolve(stem + ".pub");
        Path cert = work.resolve(stem + "-cert.pub");
        try {
            Files.writeString(request, publicKey.trim() + "\n", StandardCharsets.US_ASCII);
            run(work, "ssh-keygen", "-q", "-s", "ca", "-I", keyId, "-n", username, "-V", "+1h", request.toString());
            return Files.readString(cert).trim();
        } finally {
            Files.deleteIfExists(request);
            Files.deleteIfExists(cert);
        }
    }

    private Path ready() throws IOException, InterruptedException {
        if (dir == null) {
            Path d = Files.createTempDirectory("machinist-sim-ca-");
            run(d, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "machinist-simulator-ca", "-f", "ca");
            d.toFile().deleteOnExit();
            d.resolve("ca").toFile().deleteOnExit();
            d.resolve("ca.pub").toFile().deleteOnExit();
            dir = d;
        }
        return dir;
    }

    private static void run(Path workDir, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(argv)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(command[0] + " failed: " + new String(output, StandardCharsets.UTF_8).trim());
        }
    }
}
