package dev.machinist.core.inject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Forwards SIGINT, SIGTERM and SIGHUP received by this JVM to the child while it runs, so that a CI runner
 * cancelling the job (it signals the process it started, i.e. us) stops the build step, and we then exit with
 * the child's status instead of dying first and orphaning it.
 *
 * <p>Why {@code sun.misc.Signal}: the JDK has no supported API to catch a signal (shutdown hooks run after
 * the JVM has decided to exit, too late to wait for the child). It lives in the {@code jdk.unsupported}
 * module, which every JDK ships and which is exported for exactly this use. Signals are sent on with
 * {@code kill(1)} (the JDK can only send SIGTERM and SIGKILL); {@link ProcessHandle#destroy()} is the
 * fallback for SIGTERM. If the JVM reserves a signal
 * ({@code -Xrs}), that signal is left alone.
 */
final class SignalForwarder implements AutoCloseable {
    private static final List<String> FORWARDED = List.of("INT", "TERM", "HUP");

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private Process child;
    private Signal pending;

    private SignalForwarder() {}

    /**
     * Installs the handlers before the child is started, so no signal falls in the gap between the start and
     * the installation (it would kill this JVM and orphan the child); one arriving before {@link
     * #started(Process)} is delivered then.
     */
    static SignalForwarder install() {
        SignalForwarder forwarder = new SignalForwarder();
        for (String name : FORWARDED) {
            Signal signal = new Signal(name);
            try {
                SignalHandler old = Signal.handle(signal, forwarder::forward);
                forwarder.signals.add(signal);
                forwarder.previous.add(old);
            } catch (IllegalArgumentException reservedByTheJvm) {
                // Not ours to handle; the JVM's own behaviour stays.
            }
        }
        return forwarder;
    }

    synchronized void started(Process process) {
        child = process;
        if (pending != null) {
            forward(pending);
        }
    }

    private synchronized void forward(Signal signal) {
        if (child == null) {
            pending = signal;
            return;
        }
        if (!child.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-s", signal.getName(), Long.toString(child.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            // No kill(1): ProcessHandle can still send SIGTERM. Not Process.destroy(), which also closes our
            // ends of the child's pipes and would lose whatever the child prints while it shuts down.
            child.toHandle().destroy();
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
