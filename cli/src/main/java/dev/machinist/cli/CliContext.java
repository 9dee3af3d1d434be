package dev.machinist.cli;

import dev.machinist.core.Secret;
import dev.machinist.core.SecretSink;
import dev.machinist.core.http.HttpClientSettings;
import dev.machinist.core.http.HttpTransport;
import dev.machinist.core.provider.ProviderContext;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a command touches of the outside world: streams, environment, HTTP. Every credential the
 * CLI learns (the bot's token, derived sessions and access tokens) is registered here and masked in all
 * that the CLI itself prints, so an error message can never carry one out.
 */
public final class CliContext implements AutoCloseable {
    private final InputStream in;
    private final OutputGuard guard;
    private final Map<String, String> env;
    private final List<Runnable> cleanups = new ArrayList<>();
    private boolean debug;

    public CliContext(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.in = in;
        this.env = Map.copyOf(env);
        this.guard = new OutputGuard(out, err);
    }

    public InputStream in() {
        return in;
    }

    /** Standard output, with every registered credential masked. */
    public PrintStream out() {
        return guard.out();
    }

    /** Standard error, with every registered credential masked. */
    public PrintStream err() {
        return guard.err();
    }

    /** The unguarded stdout, for commands whose data is a secret the user asked for (`secrets get`). */
    public PrintStream rawOut() {
        return guard.rawOut();
    }

    public Map<String, String> env() {
        return env;
    }

    /** Registers a credential for masking in the CLI's own output. */
    public SecretSink credentialSink() {
        return guard::protect;
    }

    public void protect(Secret secret) {
        guard.protect(secret);
    }

    public OutputGuard guard() {
        return guard;
    }

    public void setDebug(boolean debug) {
        this.debug = debug;
    }

    public boolean debug() {
        return debug;
    }

    public HttpTransport http() {
        HttpClientSettings settings = HttpClientSettings.defaults();
        if (debug) {
            settings = settings.withDebugLog(line -> err().println("machinist: debug: " + line));
        }
        return new HttpTransport(settings);
    }

    public ProviderContext providerContext(Map<String, String> settings) {
        return new ProviderContext(env, settings, http(), Path.of(System.getProperty("user.home")));
    }

    /** Runs at exit, also on error: removes temporary files and the like. */
    public void onClose(Runnable cleanup) {
        cleanups.add(cleanup);
    }

    @Override
    public void close() {
        for (int i = cleanups.size() - 1; i >= 0; i--) {
            try {
                cleanups.get(i).run();
            } catch (RuntimeException e) {
                err().println("machinist: warning: cleanup failed: " + e.getMessage());
            }
        }
        guard.flush();
    }
}
