package dev.machinist.core.inject;

/**
 * {@link ChildProcess.Builder#beforeOutput}'s work, on its own thread so that it overlaps the child's start
 * (the fork and exec, and the child's own start-up) instead of adding to it.
 */
final class Preparation {
    private static final Preparation NONE = new Preparation(null);

    private final Thread thread;
    private volatile RuntimeException failure;
    private volatile Error error;

    private Preparation(Runnable work) {
        this.thread = work == null ? null : new Thread(() -> runCatching(work), "machinist-prepare");
    }

    static Preparation start(Runnable work) {
        if (work == null) return NONE;
        Preparation preparation = new Preparation(work);
        preparation.thread.setDaemon(true);
        preparation.thread.start();
        return preparation;
    }

    private void runCatching(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            error = e;
        }
    }

    /**
     * Waits for the work to finish. If it failed, kills {@code child} and rethrows: its output must not be
     * passed on without the preparation done.
     */
    void await(Process child) {
        if (thread == null) return;
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure == null && error == null) return;
        child.destroyForcibly();
        if (failure != null) throw failure;
        throw error;
    }
}
