package dev.machinist.core.inject;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A new file created with owner-only permissions in the same system call that creates it ({@code open}
 * with {@code O_CREAT|O_EXCL} and mode 0600), so it is never readable by others, not even briefly.
 */
final class SecretFileWriter implements AutoCloseable {
    private final SeekableByteChannel channel;

    private SecretFileWriter(SeekableByteChannel channel) {
        this.channel = channel;
    }

    static SecretFileWriter createOwnerOnly(Path file) throws IOException {
        return new SecretFileWriter(Files.newByteChannel(
                file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))));
    }

    void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
