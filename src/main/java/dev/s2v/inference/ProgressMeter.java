package dev.s2v.inference;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar over a scene's windows: on a terminal one line rewritten at most once a second
 * (windows done, windows per second, time left); elsewhere (a log, CI) a line at every tenth.
 */
public final class ProgressMeter {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private String what = "";
    private long total;
    private long start;
    private long lastPrint;
    private int nextTenth;

    /**
     * A meter printing to {@code out}.
     *
     * @param terminal whether {@code out} is a terminal (the line is rewritten in place)
     */
    public ProgressMeter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A meter that prints nothing. */
    public static ProgressMeter silent() {
        return new ProgressMeter(null, false);
    }

    /** Starts counting {@code what} (e.g. "windows of 512 px") towards {@code total}. */
    void start(long total, String what) {
        this.total = total;
        this.what = what;
        this.start = System.nanoTime();
        this.lastPrint = start;
        this.nextTenth = 1;
    }

    /** Records that {@code done} of the total are done. */
    void advanceTo(long done) {
        if (out == null || total == 0) {
            return;
        }
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastPrint >= 1_000_000_000L || done == total) {
                lastPrint = now;
                out.print("\r" + line(done, now) + "   ");
                out.flush();
            }
        } else if (done * 10 >= nextTenth * total) {
            out.println(line(done, now));
            out.flush();
            nextTenth = (int) (done * 10 / total) + 1;
        }
    }

    /** Ends the line on a terminal. */
    void finish() {
        if (out != null && terminal) {
            out.println();
            out.flush();
        }
    }

    private String line(long done, long now) {
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        int filled = (int) (BAR_WIDTH * done / total);
        return String.format(
                Locale.ROOT,
                "[%s%s] %d/%d %s  %.1f/s  %s",
                "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled),
                done,
                total,
                what,
                rate,
                done == total
                        ? "in " + duration(seconds)
                        : "ETA " + (rate > 0 ? duration((total - done) / rate) : "?"));
    }

    /** A duration as m:ss. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
