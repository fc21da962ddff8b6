package dev.s2v.training;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One epoch's progress: on a terminal a line rewritten about once a second with tiles per second,
 * the running loss and the time left; elsewhere (a log file, CI) nothing until the epoch's line.
 */
final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final int epoch;
    private final int epochs;
    private final int batches;
    private long lastPrint;

    Progress(PrintStream out, boolean terminal, int epoch, int epochs, int batches) {
        this.out = out;
        this.terminal = terminal;
        this.epoch = epoch;
        this.epochs = epochs;
        this.batches = batches;
    }

    /** After a batch: the batches done, tiles per batch, mean loss so far, seconds so far. */
    void batch(int done, int batchSize, double meanLoss, double seconds) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < 1_000_000_000L && done < batches) {
            return;
        }
        lastPrint = now;
        double perBatch = seconds / done;
        out.printf(
                Locale.ROOT,
                "\repoch %d/%d  batch %d/%d  %.0f tiles/s  loss %.4f  epoch ETA %s   ",
                epoch,
                epochs,
                done,
                batches,
                batchSize / perBatch,
                meanLoss,
                duration(perBatch * (batches - done)));
        if (done == batches) {
            out.print("\r" + " ".repeat(100) + "\r");
        }
        out.flush();
    }

    /** A duration as m:ss. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
