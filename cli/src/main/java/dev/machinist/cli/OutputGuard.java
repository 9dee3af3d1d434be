package dev.machinist.cli;

import dev.machinist.core.Secret;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Masks the CLI's own stdout and stderr: whatever a command prints passes through here, and every
 * registered credential is replaced before it reaches the terminal or the CI log.
 */
public final class OutputGuard {
    private final PrintStream rawOut;
    private final PrintStream rawErr;
    private final List<String> values = new CopyOnWriteArrayList<>();
    private final PrintStream out;
    private final PrintStream err;

    OutputGuard(PrintStream rawOut, PrintStream rawErr) {
        this.rawOut = rawOut;
        this.rawErr = rawErr;
        this.out = new PrintStream(new LineMasking(rawOut), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new LineMasking(rawErr), true, StandardCharsets.UTF_8);
    }

    public void protect(Secret secret) {
        if (!secret.isEmpty() && !values.contains(secret.reveal())) {
            values.add(secret.reveal());
            values.sort((a, b) -> b.length() - a.length());
        }
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    PrintStream rawOut() {
        return rawOut;
    }

    void flush() {
        out.flush();
        err.flush();
    }

    /** Masks a whole string (for messages assembled before printing). */
    public String mask(String text) {
        String result = text;
        for (String v : values) result = result.replace(v, "***");
        return result;
    }

    /** Holds bytes until a newline or flush, then masks the text as a whole. */
    private final class LineMasking extends OutputStream {
        private final PrintStream target;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineMasking(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
            if (b == '\n') emit();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
            if (len > 0 && b[off + len - 1] == '\n') emit();
        }

        @Override
        public synchronized void flush() {
            emit();
            target.flush();
        }

        private void emit() {
            if (pending.size() == 0) return;
            String text = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            target.print(mask(text));
        }
    }
}
