package dev.s2v.inference;

import dev.s2v.dataset.ModelInput;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TrainedModel;
import dev.s2v.raster.BandSource;
import dev.s2v.raster.BandWindow;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.WindowGrid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a model over a region of a scene with overlapping windows, in flat memory: the rows of one
 * row of windows are read at a time through the {@link BandSource}, the windows are predicted in
 * batches, each window's probabilities are kept only in its core (a margin of half the overlap is
 * dropped on each side, where the network sees padding instead of the scene), and the cores of the
 * row form a strip of whole rows that is handed to a {@link StripSink} before the next row is read.
 * Every pixel of the region lies in exactly one core ({@link WindowGrid}), so nothing is averaged
 * twice, no seam is left, and the edges are covered (windows past the scene are padded with the
 * no-data input the training tiles were padded with). Windows whose core holds no valid pixel are
 * not run. Not thread-safe.
 */
final class ScenePredictor {
    private final TrainedModel model;
    private final ModelInput input;
    private final WindowSettings settings;
    private final int multiple;

    /** Receives each strip of predicted rows, top to bottom. */
    interface StripSink {
        /**
         * One strip.
         *
         * @throws IOException when the strip cannot be written
         */
        void accept(Strip strip) throws IOException;
    }

    /** Where the time went. */
    record Timings(
            double decodeSeconds,
            double modelSeconds,
            double sinkSeconds,
            long windows,
            long windowsRun) {}

    /**
     * A predictor of a model's windows.
     *
     * @throws IllegalArgumentException when the window size does not fit the network
     */
    ScenePredictor(TrainedModel model, WindowSettings settings) {
        ModelDescriptor d = model.descriptor();
        this.model = model;
        this.input = new ModelInput(d.bands(), d.normalization());
        this.settings = settings;
        this.multiple = d.architecture().tileMultiple();
        settings.requireFits(multiple);
        if (settings.overlapPx() > settings.windowPx() - multiple) {
            throw new IllegalArgumentException(
                    "--overlap must leave at least "
                            + multiple
                            + " px of each "
                            + settings.windowPx()
                            + " px window, got "
                            + settings.overlapPx());
        }
    }

    /** The windows laid over a region ({@link WindowSettings#grid}). */
    WindowGrid windowsOver(PixelWindow region) {
        return settings.grid(region.width(), region.height(), multiple);
    }

    /**
     * Predicts a region of a scene.
     *
     * @param source the scene
     * @param readBands the bands to read: the model's and any the sink needs besides (e.g. true
     *     colour), each present in the source
     * @param region the pixels to predict, inside the source's grid
     * @param area which pixels of a window of the grid lie inside the area of interest (1) or not
     *     (0); null when the whole region counts
     * @param sink receives the strips
     * @param progress advanced after every row of windows
     * @return where the time went
     * @throws IOException when the source cannot be read or the sink fails
     */
    Timings run(
            BandSource source,
            List<SpectralBand> readBands,
            PixelWindow region,
            AreaMask area,
            StripSink sink,
            ProgressMeter progress)
            throws IOException {
        WindowGrid windows = windowsOver(region);
        int side = windows.windowPx();
        int windowValues = input.bandCount() * side * side;
        int[] modelBands = new int[input.bandCount()];
        for (int b = 0; b < modelBands.length; b++) {
            modelBands[b] = readBands.indexOf(input.bands().get(b));
        }
        float[] batchInput = new float[settings.batch() * windowValues];
        long decode = 0;
        long forward = 0;
        long sinking = 0;
        long run = 0;
        progress.start(windows.count(), "windows of " + side + " px");
        BandWindow pixels = null;
        float[] probability = null;
        boolean[] valid = null;
        RasterGrid grid = source.grid();
        for (int row = 0; row < windows.rows(); row++) {
            long t0 = System.nanoTime();
            PixelWindow[] placed = new PixelWindow[windows.columns()];
            for (int col = 0; col < placed.length; col++) {
                placed[col] = placeInside(shift(windows.window(row, col), region), grid);
            }
            PixelWindow span =
                    new PixelWindow(
                            placed[0].col(),
                            placed[0].row(),
                            placed[placed.length - 1].endCol() - placed[0].col(),
                            side);
            // The sink is done with the previous strip: its arrays take this one.
            pixels = source.read(readBands, span, pixels);
            PixelWindow rows = shift(windows.coreRow(row), region);
            byte[] inside = area == null ? null : area.inside(rows);
            long t1 = System.nanoTime();
            decode += t1 - t0;

            // The strips but the last have the same size: their arrays are reused.
            if (probability == null || probability.length != rows.pixelCount()) {
                probability = new float[rows.pixelCount()];
                valid = new boolean[rows.pixelCount()];
            }
            validPixels(pixels, modelBands, rows, inside, valid);
            Arrays.fill(probability, Float.NaN);
            List<Integer> columns = new ArrayList<>();
            for (int col = 0; col < windows.columns(); col++) {
                if (anyValid(valid, rows, shift(windows.core(row, col), region))) {
                    columns.add(col);
                }
            }
            for (int first = 0; first < columns.size(); first += settings.batch()) {
                int n = Math.min(settings.batch(), columns.size() - first);
                for (int k = 0; k < n; k++) {
                    input.fill(
                            pixels, placed[columns.get(first + k)], batchInput, k * windowValues);
                }
                float[] output =
                        model.predict(
                                n == settings.batch()
                                        ? batchInput
                                        : Arrays.copyOf(batchInput, n * windowValues),
                                n,
                                side,
                                side);
                for (int k = 0; k < n; k++) {
                    int col = columns.get(first + k);
                    keepCore(
                            output,
                            k * side * side,
                            placed[col],
                            shift(windows.core(row, col), region),
                            rows,
                            valid,
                            probability);
                }
                run += n;
            }
            long t2 = System.nanoTime();
            forward += t2 - t1;
            sink.accept(new Strip(rows, probability, valid, pixels));
            sinking += System.nanoTime() - t2;
            progress.advanceTo((long) (row + 1) * windows.columns());
        }
        progress.finish();
        return new Timings(decode / 1e9, forward / 1e9, sinking / 1e9, windows.count(), run);
    }

    /** Marks the pixels of a strip that every model band has data for, inside the area. */
    private static void validPixels(
            BandWindow pixels, int[] modelBands, PixelWindow rows, byte[] inside, boolean[] valid) {
        PixelWindow read = pixels.window();
        for (int r = 0; r < rows.height(); r++) {
            int readRow = (rows.row() + r - read.row()) * read.width() + rows.col() - read.col();
            for (int c = 0; c < rows.width(); c++) {
                int i = r * rows.width() + c;
                boolean ok = inside == null || inside[i] != 0;
                for (int b = 0; ok && b < modelBands.length; b++) {
                    ok = !Float.isNaN(pixels.band(modelBands[b])[readRow + c]);
                }
                valid[i] = ok;
            }
        }
    }

    private static boolean anyValid(boolean[] valid, PixelWindow rows, PixelWindow core) {
        for (int r = core.row(); r < core.endRow(); r++) {
            int offset = (r - rows.row()) * rows.width() - rows.col();
            for (int c = core.col(); c < core.endCol(); c++) {
                if (valid[offset + c]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Copies a window's probabilities over its core into the strip, valid pixels only. */
    private static void keepCore(
            float[] output,
            int offset,
            PixelWindow window,
            PixelWindow core,
            PixelWindow rows,
            boolean[] valid,
            float[] probability) {
        for (int r = core.row(); r < core.endRow(); r++) {
            int stripRow = (r - rows.row()) * rows.width() - rows.col();
            int windowRow = offset + (r - window.row()) * window.width() - window.col();
            for (int c = core.col(); c < core.endCol(); c++) {
                if (valid[stripRow + c]) {
                    probability[stripRow + c] = output[windowRow + c];
                }
            }
        }
    }

    /**
     * A window moved inside the grid where the grid is large enough: a window past the scene's edge
     * would show the network a margin of no-data input that tiles cut inside scenes never had (on a
     * synthetic 2048 px scene such padded windows put 13 false vessels along the edges). The window
     * still holds its core, which lies inside the grid.
     */
    private static PixelWindow placeInside(PixelWindow window, RasterGrid grid) {
        return new PixelWindow(
                inside(window.col(), window.width(), grid.width()),
                inside(window.row(), window.height(), grid.height()),
                window.width(),
                window.height());
    }

    private static int inside(int start, int size, int extent) {
        return size > extent ? start : Math.max(0, Math.min(start, extent - size));
    }

    /** A window given relative to a region, in the grid the region lies on. */
    private static PixelWindow shift(PixelWindow window, PixelWindow region) {
        return new PixelWindow(
                window.col() + region.col(),
                window.row() + region.row(),
                window.width(),
                window.height());
    }

    /** Which pixels of a window lie inside the area of interest. */
    interface AreaMask {
        /**
         * Row-major, 1 inside and 0 outside, over a window of the source's grid.
         *
         * @throws IOException when the area cannot be rasterised
         */
        byte[] inside(PixelWindow window) throws IOException;
    }
}
