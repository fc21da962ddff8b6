package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.BandWindow;
import dev.s2v.raster.GeoTiffStack;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthetic L2A scenes against the real ones: per-class percentiles of every band over 24
 * randomised scenes, compared with the reference table of the sen2ships README (all 11 scenes
 * pooled), with the classes defined as there. A benchmark-style check: it prints the table side by
 * side and fails when water or vessels leave the real range.
 *
 * <p>With so few small scenes the pooled medians move by about half the real interquartile range
 * from one seed to another (one glinting or turbid scene can hold a third of the water), so the
 * test asks for most bands, not all; over 40 scenes of 384 px (edit {@link #SCENES} and {@link
 * #SIZE}, about 20 s) all ten water and vessel medians lie inside it.
 */
@Tag("native")
class L2aReferenceStatisticsTest {
    private static final List<SpectralBand> BANDS = SpectralBand.parseList("B02,B03,B04,B08,B11");
    private static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};
    private static final int SCENES = 24;
    private static final int SIZE = 128;
    private static final int MOST = 3;

    /** The three classes of the reference table. */
    enum PixelKind {
        /** The mask: the pixel centres inside a hull. */
        VESSEL,
        /**
         * Not a class of the table: the mask grown by one pixel all round, about as generous as the
         * sen2ships outlines (median width 58 m, hulls 10-20 m shorter than their outline); shown
         * against the table's vessel row.
         */
        OUTLINE,
        WATER,
        LAND
    }

    /**
     * p5, p25, median, p75, p95 per class and band (B02, B03, B04, B08, B11) of surface
     * reflectance: the table "Reference statistics (surface reflectance, all 11 scenes pooled)" of
     * /work/shared/data/sen2ships/README.md (sen2ships commit d8e83c1a). Vessel = the mask; water =
     * NDWI (B03, B08) > 0.2 and more than 3 pixels from a vessel; land = NDWI < -0.1 and more than
     * 3 pixels from a vessel.
     */
    private static final Map<PixelKind, double[][]> REFERENCE =
            Map.of(
                    PixelKind.VESSEL,
                    new double[][] {
                        {0.032, 0.054, 0.082, 0.122, 0.222},
                        {0.037, 0.063, 0.092, 0.132, 0.228},
                        {0.030, 0.075, 0.115, 0.161, 0.255},
                        {0.026, 0.079, 0.129, 0.181, 0.279},
                        {0.036, 0.082, 0.121, 0.167, 0.241}
                    },
                    PixelKind.WATER,
                    new double[][] {
                        {0.022, 0.033, 0.039, 0.043, 0.079},
                        {0.019, 0.029, 0.037, 0.048, 0.093},
                        {0.008, 0.011, 0.018, 0.023, 0.067},
                        {0.004, 0.007, 0.010, 0.014, 0.036},
                        {0.002, 0.005, 0.006, 0.010, 0.031}
                    },
                    PixelKind.LAND,
                    new double[][] {
                        {0.025, 0.045, 0.076, 0.117, 0.172},
                        {0.035, 0.056, 0.083, 0.126, 0.192},
                        {0.021, 0.047, 0.094, 0.144, 0.229},
                        {0.111, 0.167, 0.221, 0.274, 0.356},
                        {0.087, 0.148, 0.197, 0.255, 0.355}
                    });

    @TempDir static Path dir;
    private static final Map<PixelKind, double[][]> measured = new EnumMap<>(PixelKind.class);

    @BeforeAll
    static void generateAndMeasure() throws IOException {
        Natives.assumeGdal();
        SynthOptions options =
                SynthOptions.defaults().withScenes(SCENES, SIZE).withLevel(ProductLevel.L2A);
        Map<PixelKind, List<float[]>> samples = new EnumMap<>(PixelKind.class);
        for (PixelKind kind : PixelKind.values()) {
            samples.put(kind, new ArrayList<>());
        }
        for (GeneratedScene scene : SyntheticProducts.generate(dir, options)) {
            classify(scene, samples);
        }
        for (PixelKind kind : PixelKind.values()) {
            List<float[]> pixels = samples.get(kind);
            double[][] table = new double[BANDS.size()][QUANTILES.length];
            for (int b = 0; b < BANDS.size(); b++) {
                double[] values = new double[pixels.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = pixels.get(i)[b];
                }
                Arrays.sort(values);
                for (int q = 0; q < QUANTILES.length; q++) {
                    table[b][q] = quantile(values, QUANTILES[q]);
                }
            }
            measured.put(kind, table);
        }
        System.out.println(report());
    }

    /** Adds each valid pixel's reflectances to its class, as the README defines the classes. */
    private static void classify(GeneratedScene scene, Map<PixelKind, List<float[]>> samples)
            throws IOException {
        int w = scene.widthPx();
        int h = scene.heightPx();
        PixelWindow all = PixelWindow.of(w, h);
        byte[] mask = new byte[w * h];
        try (RasterDataset m = RasterDataset.open(scene.mask())) {
            m.readByte(1, all, mask);
        }
        boolean[] nearVessel = dilate(mask, w, h, 3, 9);
        boolean[] outline = dilate(mask, w, h, 1, 2);
        BandWindow read;
        try (GeoTiffStack stack = GeoTiffStack.open(scene.product(), ScaleRule.auto())) {
            read = stack.read(BANDS, all);
        }
        int green = BANDS.indexOf(SpectralBand.B03);
        int nir = BANDS.indexOf(SpectralBand.B08);
        for (int i = 0; i < w * h; i++) {
            float[] pixel = new float[BANDS.size()];
            boolean valid = true;
            for (int b = 0; b < BANDS.size(); b++) {
                pixel[b] = read.band(b)[i];
                valid &= !Float.isNaN(pixel[b]);
            }
            if (!valid) {
                continue;
            }
            double ndwi = (pixel[green] - pixel[nir]) / (pixel[green] + pixel[nir]);
            if (outline[i]) {
                samples.get(PixelKind.OUTLINE).add(pixel);
            }
            if (mask[i] != 0) {
                samples.get(PixelKind.VESSEL).add(pixel);
            } else if (!nearVessel[i] && ndwi > 0.2) {
                samples.get(PixelKind.WATER).add(pixel);
            } else if (!nearVessel[i] && ndwi < -0.1) {
                samples.get(PixelKind.LAND).add(pixel);
            }
        }
    }

    /**
     * Pixels at most {@code radius} rows and columns and a squared distance of {@code maxSquared}
     * from a non-zero mask pixel.
     */
    private static boolean[] dilate(byte[] mask, int w, int h, int radius, int maxSquared) {
        boolean[] near = new boolean[w * h];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (mask[r * w + c] == 0) {
                    continue;
                }
                for (int dr = -radius; dr <= radius; dr++) {
                    for (int dc = -radius; dc <= radius; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if (dr * dr + dc * dc <= maxSquared
                                && rr >= 0
                                && rr < h
                                && cc >= 0
                                && cc < w) {
                            near[rr * w + cc] = true;
                        }
                    }
                }
            }
        }
        return near;
    }

    /** Linear interpolation between the order statistics of a sorted sample. */
    private static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static String report() {
        StringBuilder s =
                new StringBuilder(
                        "L2A synthetic vs sen2ships | synthetic p5 p25 median p75 p95 | real p5 p25"
                                + " median p75 p95\n");
        for (PixelKind kind : PixelKind.values()) {
            for (int b = 0; b < BANDS.size(); b++) {
                double[] m = measured.get(kind)[b];
                double[] r = REFERENCE.get(kind == PixelKind.OUTLINE ? PixelKind.VESSEL : kind)[b];
                s.append(
                        String.format(
                                Locale.ROOT,
                                "%-7s %s | %.3f %.3f %.3f %.3f %.3f | %.3f %.3f %.3f %.3f %.3f | %s%n",
                                kind,
                                BANDS.get(b),
                                m[0],
                                m[1],
                                m[2],
                                m[3],
                                m[4],
                                r[0],
                                r[1],
                                r[2],
                                r[3],
                                r[4],
                                m[2] >= r[1] && m[2] <= r[3]
                                        ? "median in real IQR"
                                        : "median outside"));
            }
        }
        return s.toString();
    }

    @Test
    void waterAndVesselMediansLieInsideTheRealInterquartileRangeForMostBands() {
        for (PixelKind kind : List.of(PixelKind.WATER, PixelKind.VESSEL)) {
            int inside = 0;
            for (int b = 0; b < BANDS.size(); b++) {
                double median = measured.get(kind)[b][2];
                double[] r = REFERENCE.get(kind)[b];
                inside += median >= r[1] && median <= r[3] ? 1 : 0;
            }
            assertTrue(
                    inside >= MOST,
                    kind + ": " + inside + " of 5 medians in the real p25-p75\n" + report());
        }
    }

    @Test
    void everyMedianLiesInsideTheRealFifthToNinetyFifthPercentiles() {
        for (PixelKind kind : List.of(PixelKind.WATER, PixelKind.VESSEL, PixelKind.LAND)) {
            for (int b = 0; b < BANDS.size(); b++) {
                double median = measured.get(kind)[b][2];
                double[] r = REFERENCE.get(kind)[b];
                assertTrue(
                        median >= r[0] && median <= r[4],
                        kind + " " + BANDS.get(b) + " median " + median + "\n" + report());
            }
        }
    }

    @Test
    void waterIsDarkAndVesselsBrightInTheNearAndShortwaveInfrared() {
        for (SpectralBand band : List.of(SpectralBand.B08, SpectralBand.B11)) {
            int b = BANDS.indexOf(band);
            double water = measured.get(PixelKind.WATER)[b][2];
            double vessel = measured.get(PixelKind.VESSEL)[b][2];
            assertTrue(water < 0.015, band + " water median " + water);
            // The README: vessels are about 10-20 times as bright as water there.
            assertTrue(vessel > 8 * water, band + ": vessels " + vessel + ", water " + water);
        }
    }
}
