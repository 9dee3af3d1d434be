package dev.machinist.core.inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copies a given stream to the child's stdin and closes it at the end, so the child sees EOF. */
final class StdinPump implements Runnable {
    private final InputStream from;
    private final OutputStream to;

    private StdinPump(InputStream from, OutputStream to) {
        this.from = from;
        this.to = to;
    }

    static Thread start(InputStream from, OutputStream to) {
        Thread thread = new Thread(new StdinPump(from, to), "machinist-stdin");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try (to) {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException childGone) {
            // The child closed its stdin or exited: nothing left to feed.
        }
    }
}
