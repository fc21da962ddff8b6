package dev.s2v.exploration;

import dev.s2v.charts.Charts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Collects an exploration's figures and writes them as PNG and SVG on every core: encoding, SVG
 * above all, costs far more than building the charts, and the figures do not share state.
 */
final class ChartWriter {
    private final Path dir;
    private final List<Figure> figures = new ArrayList<>();
    private final List<List<List<Chart<?, ?>>>> panels = new ArrayList<>();

    ChartWriter(Path dir) {
        this.dir = dir;
    }

    /** Adds a figure of one chart. */
    void add(Figure figure, Chart<?, ?> chart) {
        add(figure, List.of(List.of(chart)));
    }

    /** Adds a figure of several charts, by row. */
    void add(Figure figure, List<List<Chart<?, ?>>> rows) {
        figures.add(figure);
        panels.add(rows);
    }

    /**
     * Writes every figure and returns them in the order added.
     *
     * @throws IOException when a file cannot be written
     */
    List<Figure> writeAll() throws IOException {
        int threads =
                Math.max(1, Math.min(figures.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < figures.size(); i++) {
                Path base = dir.resolve(figures.get(i).file());
                List<List<Chart<?, ?>>> rows = panels.get(i);
                done.add(
                        pool.submit(
                                () -> {
                                    try {
                                        Charts.saveGrid(rows, base, true);
                                    } catch (IOException e) {
                                        throw new UncheckedIOException(e);
                                    }
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing charts", e);
        } finally {
            pool.shutdownNow();
        }
        return List.copyOf(figures);
    }
}
