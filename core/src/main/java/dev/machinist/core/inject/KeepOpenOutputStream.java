package dev.machinist.core.inject;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes through to a stream that must outlive its writer (the process's own stdout/stderr): {@code close()}
 * only flushes. Closing a masking stream writes its held-back tail, so the masker can be closed at the end of
 * a child's output without closing System.out under it.
 */
public final class KeepOpenOutputStream extends FilterOutputStream {
    public KeepOpenOutputStream(OutputStream out) {
        super(out);
    }

    /** Bulk writes go straight through (FilterOutputStream would split them into single bytes). */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
