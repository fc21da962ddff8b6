package dev.s2v.bench;

import dev.s2v.inference.Aoi;
import dev.s2v.inference.PredictRequest;
import dev.s2v.inference.Prediction;
import dev.s2v.inference.ProbabilityFormat;
import dev.s2v.inference.ProgressMeter;
import dev.s2v.inference.WindowSettings;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.ScaleRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the window size and overlap of {@code s2v predict} change: the network's cost per pixel
 * (measured by {@link PredictBenchmark} in JVMs of their own) and the probabilities, compared with
 * a reference that gives every pixel far more context than the network can use, and with the 64 px
 * training tiles away from their borders.
 */
public final class WindowsBenchmark {
    /** Distances from a 64 px tile border at which the tile path is compared, pixels. */
    public static final int[] BORDER_DISTANCES = {0, 4, 8, 16, 24};

    private WindowsBenchmark() {}

    /**
     * How one setting's probabilities differ from the reference's, over every pixel with data.
     *
     * @param settings the windows
     * @param maxDifference the largest absolute difference of probability
     * @param meanDifference the mean absolute difference
     * @param maskChanges pixels on the other side of the threshold
     * @param pixels pixels compared
     */
    public record Agreement(
            WindowSettings settings,
            double maxDifference,
            double meanDifference,
            long maskChanges,
            long pixels) {}

    /**
     * The probabilities of a product under window settings, float32, read back whole (benchmark
     * products are small enough).
     *
     * @throws IOException when the prediction fails
     */
    public static float[] probabilities(Path model, Path product, Path out, WindowSettings settings)
            throws IOException {
        Prediction.run(
                new PredictRequest(
                        model,
                        product,
                        out,
                        settings,
                        OptionalDouble.empty(),
                        ProbabilityFormat.FLOAT32,
                        new Aoi.Everywhere(),
                        ScaleRule.auto(),
                        true),
                ProgressMeter.silent());
        try (RasterDataset raster = RasterDataset.open(out.resolve("probability.tif"))) {
            float[] values = new float[raster.width() * raster.height()];
            raster.readFloat(1, PixelWindow.of(raster.width(), raster.height()), values);
            return values;
        }
    }

    /** How far apart two probability maps are, over the pixels both have. */
    public static Agreement compare(
            WindowSettings settings, float[] reference, float[] other, double threshold) {
        double max = 0;
        double sum = 0;
        long changes = 0;
        long n = 0;
        for (int i = 0; i < reference.length; i++) {
            if (Float.isNaN(reference[i]) || Float.isNaN(other[i])) {
                continue;
            }
            double d = Math.abs(reference[i] - other[i]);
            max = Math.max(max, d);
            sum += d;
            changes += (reference[i] >= threshold) != (other[i] >= threshold) ? 1 : 0;
            n++;
        }
        return new Agreement(settings, max, n == 0 ? 0 : sum / n, changes, n);
    }

    /**
     * How two maps differ at pixels at least {@code distance} pixels from the border of the {@code
     * tilePx} tile they lie in, for each distance of {@link #BORDER_DISTANCES}: {distance, largest
     * |dp|, mean |dp|, pixels with |dp| above 0.01, pixels on the other side of the threshold,
     * pixels compared}.
     */
    public static List<double[]> awayFromTileBorders(
            float[] a, float[] b, int width, int tilePx, double threshold) {
        List<double[]> rows = new ArrayList<>();
        for (int distance : BORDER_DISTANCES) {
            double max = 0;
            double sum = 0;
            long above = 0;
            long flips = 0;
            long n = 0;
            for (int i = 0; i < a.length; i++) {
                int r = i / width % tilePx;
                int c = i % width % tilePx;
                int fromBorder = Math.min(Math.min(r, tilePx - 1 - r), Math.min(c, tilePx - 1 - c));
                if (fromBorder < distance || Float.isNaN(a[i]) || Float.isNaN(b[i])) {
                    continue;
                }
                double d = Math.abs(a[i] - b[i]);
                max = Math.max(max, d);
                sum += d;
                above += d > 0.01 ? 1 : 0;
                flips += (a[i] >= threshold) != (b[i] >= threshold) ? 1 : 0;
                n++;
            }
            rows.add(new double[] {distance, max, n == 0 ? 0 : sum / n, above, flips, n});
        }
        return rows;
    }
}
