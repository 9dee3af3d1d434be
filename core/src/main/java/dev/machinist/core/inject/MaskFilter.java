package dev.machinist.core.inject;

import dev.machinist.core.mask.Masker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@code machinist mask}: copies a stream through the masker, for pipelines that cannot wrap a command
 * ({@code build | machinist mask}). Each read is written and flushed at once, so progress output is not
 * held for a newline; the rest is written at the end of the input.
 */
public final class MaskFilter {
    private MaskFilter() {}

    /** Copies {@code in} to {@code out} masked; {@code out} is flushed, not closed. Returns the bytes read. */
    public static long copy(InputStream in, OutputStream out, Masker masker) throws IOException {
        OutputStream masked = masker.wrap(new KeepOpenOutputStream(out));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            masked.write(buffer, 0, n);
            masked.flush();
            total += n;
        }
        masked.close();
        return total;
    }
}
