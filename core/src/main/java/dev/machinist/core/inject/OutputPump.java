package dev.machinist.core.inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies one of the child's streams through its own masked stream. It writes each read as soon as it
 * returns (a read returns whatever the child wrote so far), so partial lines and progress output reach the
 * log without waiting for a newline; the masker only holds back a possible partial secret.
 */
final class OutputPump implements Runnable {
    private final InputStream from;
    private final OutputStream masked;
    private final boolean flushEachRead;

    OutputPump(InputStream from, OutputStream masked, boolean flushEachRead) {
        this.from = from;
        this.masked = masked;
        this.flushEachRead = flushEachRead;
    }

    static Thread start(String name, InputStream from, OutputStream masked) {
        Thread thread = new Thread(new OutputPump(from, masked, true), name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[64 * 1024];
        boolean writable = true;
        try (from) {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                if (!writable || n == 0) {
                    continue; // keep draining so the child never blocks on a full pipe
                }
                try {
                    masked.write(buffer, 0, n);
                    if (flushEachRead) {
                        masked.flush();
                    }
                } catch (IOException downstreamGone) {
                    writable = false;
                }
            }
        } catch (IOException childStreamClosed) {
            // The child exited or closed its end; what was read has been written.
        } finally {
            try {
                masked.close();
            } catch (IOException ignored) {
                // Nothing more can be written; the exit code still tells the story.
            }
        }
    }
}
