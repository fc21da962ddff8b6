package dev.s2v.training;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C or SIGTERM during a training run: the JVM's shutdown hook raises a flag the loop polls
 * after each batch, then holds the JVM until the run has written its checkpoint and said how to
 * continue, and ends it with exit code 130 whatever the signal (the JVM's own would be 143 for
 * SIGTERM).
 */
final class Interruption implements AutoCloseable {
    private static final long LONGEST_WAIT_SECONDS = 120;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "s2v-interrupt");

    /** Starts listening for the signal. */
    Interruption() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether a signal has come. */
    boolean requested() {
        return requested.get();
    }

    private void onSignal() {
        requested.set(true);
        try {
            reported.await(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(Experiments.INTERRUPTED_EXIT_CODE);
    }

    /**
     * The run has said everything it had to say: a pending signal may now end the JVM; without one
     * the hook is taken away.
     */
    @Override
    public void close() {
        reported.countDown();
        if (!requested.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The signal came just now: the hook runs and ends the JVM as it should.
            }
        }
    }
}
