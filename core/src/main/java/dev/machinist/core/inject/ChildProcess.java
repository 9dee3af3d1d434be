package dev.machinist.core.inject;

import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.mask.Masker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command (argv, never through a shell) with secrets injected as environment variables, and its
 * stdout and stderr each pumped through its own masked stream. stdin is inherited (or piped from a given
 * stream), SIGINT/SIGTERM/SIGHUP are forwarded, and {@link #run()} returns the child's exit code (128+n when
 * signal n killed it, as the shell reports it).
 */
public final class ChildProcess {
    private static final long OUTPUT_GRACE_MILLIS = 5_000;
    private static final Pattern ERRNO = Pattern.compile("error=(\\d+)");

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path directory;
    private final Masker masker;
    private final OutputStream stdout;
    private final OutputStream stderr;
    private final InputStream stdin;
    private final boolean forwardSignals;
    private final Runnable beforeOutput;

    private ChildProcess(Builder b) {
        this.command = List.copyOf(b.command);
        this.environment = b.environment();
        this.directory = b.directory;
        this.masker = Objects.requireNonNull(b.masker, "masker");
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.stdin = b.stdin;
        this.forwardSignals = b.forwardSignals;
        this.beforeOutput = b.beforeOutput;
    }

    public static Builder command(List<String> argv) {
        return new Builder(argv);
    }

    /**
     * Runs the command to completion and returns its exit code.
     *
     * @throws CommandNotRunnableException when it cannot be started (exit code 127 or 126)
     */
    public int run() {
        try (SignalForwarder signals = forwardSignals ? SignalForwarder.install() : null) {
            Preparation preparation = Preparation.start(beforeOutput);
            Process process = start();
            if (signals != null) {
                signals.started(process);
            }
            // Nothing of the child's output is read before this point: until the preparation (e.g. registering
            // its secrets with the masker) is done, whatever it prints waits in the pipe.
            preparation.await(process);
            OutputStream out = masker.wrap(new KeepOpenOutputStream(stdout));
            OutputStream err = masker.wrap(new KeepOpenOutputStream(stderr));
            Thread outPump = OutputPump.start("machinist-stdout", process.getInputStream(), out);
            Thread errPump = OutputPump.start("machinist-stderr", process.getErrorStream(), err);
            Thread inPump = stdin == null ? null : StdinPump.start(stdin, process.getOutputStream());
            int code = waitUninterruptibly(process);
            joinUninterruptibly(outPump);
            joinUninterruptibly(errPump);
            if (inPump != null) {
                inPump.interrupt();
            }
            return code;
        }
    }

    private Process start() {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE);
        try {
            return builder.start();
        } catch (IOException e) {
            throw notRunnable(e);
        }
    }

    private CommandNotRunnableException notRunnable(IOException e) {
        String program = command.get(0);
        Matcher m = ERRNO.matcher(String.valueOf(e.getMessage()));
        int errno = m.find() ? Integer.parseInt(m.group(1)) : -1;
        if (errno == 2) {
            return new CommandNotRunnableException(
                    "Command not found: " + program + " (check the name and the PATH of the job).", 127, e);
        }
        if (errno == 13) {
            return new CommandNotRunnableException(
                    "Command is not executable: " + program + " (check its permissions, e.g. chmod +x).", 126, e);
        }
        return new CommandNotRunnableException("Could not start " + program + ": " + e.getMessage(), 126, e);
    }

    private static int waitUninterruptibly(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Waits for a pump to reach the end of the child's output. A background process started by the command
     * can keep the pipe open forever (a daemon, {@code sleep 999 &}); like a shell, we do not wait for it
     * beyond a grace period once the command itself has exited.
     */
    private static void joinUninterruptibly(Thread thread) {
        try {
            thread.join(OUTPUT_GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private static final Pattern NAME = Pattern.compile("[^=\\x00]+");

        private final List<String> command;
        private Map<String, String> base = System.getenv();
        private final Set<String> removed = new LinkedHashSet<>();
        private final Map<String, String> added = new LinkedHashMap<>();
        private Path directory;
        private Masker masker;
        private OutputStream stdout = System.out;
        private OutputStream stderr = System.err;
        private InputStream stdin;
        private boolean forwardSignals = true;
        private Runnable beforeOutput;

        private Builder(List<String> argv) {
            if (argv == null || argv.isEmpty() || argv.get(0).isEmpty()) {
                throw MachinistException.usage("No command to run: give it after '--', e.g. -- ./build.sh");
            }
            this.command = new ArrayList<>(argv);
        }

        /** The environment to start from (default: this process's). */
        public Builder inheritFrom(Map<String, String> environment) {
            this.base = Map.copyOf(environment);
            return this;
        }

        /** Start from an empty environment. */
        public Builder emptyEnvironment() {
            this.base = Map.of();
            return this;
        }

        /** Removes an inherited variable, e.g. the bot's own token. */
        public Builder remove(String name) {
            removed.add(name);
            return this;
        }

        public Builder variable(String name, String value) {
            added.put(checkName(name), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Injects {@code secret} as variable {@code name}. Register it with the masker too. */
        public Builder secret(String name, Secret secret) {
            String value = secret.reveal();
            if (value.indexOf('\0') >= 0) {
                throw new MachinistException(
                        dev.machinist.core.ErrorKind.REFUSED,
                        "Secret " + secret.name()
                                + " contains a NUL character, which no environment variable can hold.");
            }
            added.put(checkName(name), value);
            return this;
        }

        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        public Builder masker(Masker masker) {
            this.masker = masker;
            return this;
        }

        public Builder stdout(OutputStream stdout) {
            this.stdout = Objects.requireNonNull(stdout);
            return this;
        }

        public Builder stderr(OutputStream stderr) {
            this.stderr = Objects.requireNonNull(stderr);
            return this;
        }

        /** Pipes the child's stdin from {@code stdin} instead of inheriting this process's stdin. */
        public Builder stdin(InputStream stdin) {
            this.stdin = stdin;
            return this;
        }

        /**
         * Work that must be done before any of the child's output is passed on, run on another thread while the
         * child starts: typically registering the injected secrets with the masker, which takes tens of
         * milliseconds for a hundred secrets. The child's output waits in the pipe meanwhile. If it fails, the
         * child is killed and the exception thrown from {@link #run()}.
         */
        public Builder beforeOutput(Runnable preparation) {
            this.beforeOutput = preparation;
            return this;
        }

        public Builder forwardSignals(boolean forwardSignals) {
            this.forwardSignals = forwardSignals;
            return this;
        }

        public ChildProcess build() {
            return new ChildProcess(this);
        }

        private Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>(base);
            removed.forEach(env::remove);
            env.putAll(added);
            return env;
        }

        private static String checkName(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw MachinistException.usage("Invalid environment variable name '" + name
                        + "': it must be non-empty and contain no '=' or NUL.");
            }
            return name;
        }
    }
}
