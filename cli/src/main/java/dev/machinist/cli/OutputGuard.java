package dev.machinist.cli;

import dev.machinist.core.Secret;
import dev.machinist.core.inject.KeepOpenOutputStream;
import dev.machinist.core.mask.Masker;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Masks the CLI's own stdout and stderr with the same streaming masker that protects build output: every
 * registered credential (and its encoded forms) is replaced before it reaches the terminal or the CI log.
 */
public final class OutputGuard {
    private final PrintStream rawOut;
    private final PrintStream rawErr;
    private final Masker masker = Masker.builder().build();
    private final List<Secret> protectedSecrets = new CopyOnWriteArrayList<>();
    private final List<Masker> others = new CopyOnWriteArrayList<>();
    private final PrintStream out;
    private final PrintStream err;

    OutputGuard(PrintStream rawOut, PrintStream rawErr) {
        this.rawOut = rawOut;
        this.rawErr = rawErr;
        this.out = new PrintStream(masker.wrap(new KeepOpenOutputStream(rawOut)), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(masker.wrap(new KeepOpenOutputStream(rawErr)), true, StandardCharsets.UTF_8);
    }

    public void protect(Secret secret) {
        if (secret.isEmpty()) return;
        protectedSecrets.add(secret);
        masker.add(secret);
        others.forEach(m -> m.add(secret));
    }

    /** Shares every credential protected so far, and from now on, with another masker (e.g. `run`'s). */
    public void use(Masker other) {
        protectedSecrets.forEach(other::add);
        others.add(other);
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

    PrintStream rawErr() {
        return rawErr;
    }

    /** Writes out whatever the maskers still hold back (the end of output cannot start a secret any more). */
    void close() {
        out.close();
        err.close();
        rawOut.flush();
        rawErr.flush();
    }

    /** Masks a whole string (for messages assembled before printing). */
    public String mask(String text) {
        return masker.maskString(text);
    }
}
