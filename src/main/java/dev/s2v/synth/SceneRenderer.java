package dev.s2v.synth;

import dev.s2v.raster.SpectralBand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Renders a planned scene: top-of-atmosphere reflectance on the 10 m grid, strip by strip, then
 * every band at its native resolution by area-averaging the 10 m rendering (so a boat that fills
 * part of a 10 m pixel fills a quarter as much of a 20 m one), plus sensor noise, quantised to L1C
 * digital numbers. Only one strip per thread is in memory at a time, besides the DN arrays. Through
 * a {@link Atmosphere#corrected corrected} atmosphere the same steps give surface (L2A)
 * reflectance.
 *
 * <p>The 10 m rendering is, per pixel: the surface (land cover or water with foam and glint, then
 * fixtures and vessels composited by exact area share), through the atmosphere of {@link
 * Atmosphere} (haze, cloud shadow), under clouds and cirrus, and finally blurred by the 3-tap
 * kernel [0.12, 0.76, 0.12] per axis: a point spread about as wide as the MSI's (a modulation of
 * about 0.5 at Nyquist before the pixel's own).
 */
final class SceneRenderer {
    /** Rows of a strip: a multiple of 6 so that no 60 m pixel straddles two strips. */
    static final int STRIP_ROWS = 60;

    private static final float BLUR = 0.12f;
    private static final int LATTICE_PX = 8;
    private static final int BANDS = Spectrum.BANDS;
    private static final double PIXEL_M = ConvexPolygon.PIXEL_M;
    // Sensor noise: standard deviation in reflectance at reflectance 0.1, and the dark floor the
    // shot noise adds to. About the in-flight SNR of the MSI (150-250 at reference radiance).
    private static final double[] NOISE_AT_0_1 = {
        0.0007, 0.0005, 0.0005, 0.0005, 0.0006, 0.0007, 0.0006, 0.0005, 0.0008, 0.0008, 0.0003,
        0.0006, 0.0007
    };
    private static final double NOISE_FLOOR = 0.02;

    /** Cirrus (ice) reflectance relative to the visible: bright in B10, absorbed in the SWIR. */
    private static final float[] CIRRUS_RELATIVE = {
        1, 1, 1, 1, 1, 1, 1, 1, 1, 0.9f, 0.9f, 0.7f, 0.5f
    };

    private final ScenePlan plan;
    private final SceneFields fields;
    private final Atmosphere atmosphere;
    private final int width;
    private final int height;
    private final double mu;
    private final List<Footprint> footprints = new ArrayList<>();
    private final List<Double> brightness = new ArrayList<>();
    private final List<Wake> wakes = new ArrayList<>();
    private final float[] foamSpectrum = Materials.FOAM.toArray();
    private final float[] cloudRelative = Materials.CLOUD_RELATIVE.toArray();

    /** A renderer of top-of-atmosphere (L1C) reflectance. */
    SceneRenderer(ScenePlan plan) {
        this(plan, plan.atmosphere());
    }

    /**
     * A renderer through a given view of the atmosphere: the plan's own for L1C, its {@link
     * Atmosphere#corrected} view for surface (L2A) reflectance.
     */
    SceneRenderer(ScenePlan plan, Atmosphere atmosphere) {
        this.plan = plan;
        this.fields = plan.fields();
        this.atmosphere = atmosphere;
        this.width = plan.widthPx();
        this.height = plan.heightPx();
        this.mu = StrictMath.cos(StrictMath.toRadians(plan.sun().zenithDeg()));
        for (Fixture f : plan.fixtures()) {
            footprints.add(f.footprint());
            brightness.add(1.0);
        }
        for (Vessel v : plan.vessels()) {
            footprints.add(v.footprint());
            brightness.add(v.brightness());
            v.wake().ifPresent(wakes::add);
        }
    }

    /**
     * DN arrays of every band at its native resolution, and what the rendering measured.
     *
     * @param digitalNumbers row-major UInt16 DNs per band (native size)
     * @param cloudCoverPercent share of pixels under cloud or cirrus
     * @param waterPercent share of the scene that is water
     */
    record Rendered(
            Map<SpectralBand, short[]> digitalNumbers,
            double cloudCoverPercent,
            double waterPercent) {}

    /** Per-strip tallies, summed in strip order so the totals do not depend on threads. */
    private static final class Tally {
        double water;
        long cloudy;
    }

    /**
     * Renders every band as digital numbers: {@code DN = round(reflectance * 10000) -
     * radioAddOffset}, at least 1 for valid pixels; 0 outside the swath. An L2A stack takes offset
     * 0: its values are reflectance x 10000.
     */
    Rendered render(int radioAddOffset) {
        Map<SpectralBand, short[]> dn = new EnumMap<>(SpectralBand.class);
        for (SpectralBand band : SpectralBand.values()) {
            int f = band.factorTo10m();
            dn.put(band, new short[nativeSize(width, f) * nativeSize(height, f)]);
        }
        int strips = (height + STRIP_ROWS - 1) / STRIP_ROWS;
        List<Tally> tallies = new ArrayList<>(Collections.nCopies(strips, (Tally) null));
        IntStream.range(0, strips)
                .parallel()
                .forEach(
                        s -> {
                            int row0 = s * STRIP_ROWS;
                            int rows = Math.min(STRIP_ROWS, height - row0);
                            Tally tally = new Tally();
                            float[][] toa = render(row0, rows, tally);
                            for (SpectralBand band : SpectralBand.values()) {
                                quantise(
                                        band,
                                        toa[band.bandId()],
                                        row0,
                                        rows,
                                        radioAddOffset,
                                        dn.get(band));
                            }
                            tallies.set(s, tally);
                        });
        double water = 0;
        long cloudy = 0;
        for (Tally t : tallies) {
            water += t.water;
            cloudy += t.cloudy;
        }
        double pixels = (double) width * height;
        return new Rendered(dn, 100 * cloudy / pixels, 100 * water / pixels);
    }

    static int nativeSize(int size10m, int factor) {
        return (size10m + factor - 1) / factor;
    }

    /**
     * Area-averages one band of a strip of the 10 m rendering onto its native grid, adds sensor
     * noise and writes DNs.
     */
    private void quantise(
            SpectralBand band, float[] toa, int row0, int rows, int offset, short[] out) {
        int f = band.factorTo10m();
        int nativeWidth = nativeSize(width, f);
        int nr0 = row0 / f;
        int nr1 = nativeSize(row0 + rows, f);
        for (int nr = nr0; nr < nr1; nr++) {
            for (int nc = 0; nc < nativeWidth; nc++) {
                int index = nr * nativeWidth + nc;
                double cx = (nc + 0.5) * f * PIXEL_M;
                double cy = (nr + 0.5) * f * PIXEL_M;
                if (fields.noData(cx, cy)) {
                    out[index] = 0;
                    continue;
                }
                double mean = areaMean(toa, row0, nc, nr, f);
                double rho = mean + sensorNoise(band, nc, nr, mean);
                long value = Math.round(rho * 10000) - offset;
                out[index] = (short) Math.max(1, Math.min(65535, value));
            }
        }
    }

    /** The mean of the 10 m pixels inside native pixel (nc, nr) of a band with factor f. */
    private double areaMean(float[] toa, int row0, int nc, int nr, int f) {
        double sum = 0;
        int count = 0;
        for (int r = nr * f; r < Math.min(height, (nr + 1) * f); r++) {
            int offset = (r - row0) * width;
            for (int c = nc * f; c < Math.min(width, (nc + 1) * f); c++) {
                sum += toa[offset + c];
                count++;
            }
        }
        return sum / count;
    }

    /**
     * The sensor noise added to a native pixel of a band: Gaussian, a pure function of the scene's
     * seed, the band and the pixel, with a standard deviation growing as the square root of the
     * signal (shot noise over a dark floor).
     */
    double sensorNoise(SpectralBand band, int nativeCol, int nativeRow, double reflectance) {
        double sigma =
                NOISE_AT_0_1[band.bandId()]
                        * Math.sqrt(Math.max(0, reflectance + NOISE_FLOOR) / (0.1 + NOISE_FLOOR));
        return sigma * Noise.gaussian(plan.seed(), band.bandId(), nativeCol, nativeRow);
    }

    /**
     * The noise-free reflectance (top of atmosphere, or surface through a corrected atmosphere) of
     * full-width rows {@code row0 .. row0 + rows - 1} at 10 m, [band_id][(row - row0) * width +
     * col]: what the native bands average.
     */
    float[][] render10m(int row0, int rows) {
        return render(row0, rows, new Tally());
    }

    private float[][] render(int row0, int rows, Tally tally) {
        int rawStart = Math.max(0, row0 - 1);
        int rawEnd = Math.min(height, row0 + rows + 1);
        Canvas canvas = new Canvas(rawStart, rawEnd - rawStart, width);
        Lattice lattice = new Lattice(rawStart, rawEnd);
        surface(canvas, lattice, tally, row0, rows);
        atmosphere(canvas, lattice, tally, row0, rows);
        return blur(canvas, row0, rows);
    }

    /**
     * The fields' smooth inputs sampled every {@value #LATTICE_PX} pixels (80 m) over a band of
     * rows and interpolated bilinearly per pixel: they hold no detail under about 200 m, and this
     * saves most of the noise evaluations. Lattice points sit at fixed scene positions, so a pixel
     * gets the same values whichever strip renders it.
     */
    private final class Lattice {
        private final int firstRow;
        private final int columns;
        private final double[][] values;

        Lattice(int rowStart, int rowEnd) {
            firstRow = (int) Math.floor((rowStart + 0.5) / LATTICE_PX);
            int lastRow = (int) Math.floor((rowEnd - 0.5) / LATTICE_PX) + 1;
            columns = (int) Math.floor((width - 0.5) / LATTICE_PX) + 2;
            values = new double[(lastRow - firstRow + 1) * columns][SceneFields.SMOOTH_COUNT];
            double step = LATTICE_PX * PIXEL_M;
            for (int j = firstRow; j <= lastRow; j++) {
                for (int i = 0; i < columns; i++) {
                    fields.smooth(i * step, j * step, values[(j - firstRow) * columns + i]);
                }
            }
        }

        /** The interpolated smooth inputs at the centre of pixel (col, row). */
        void at(int col, int row, double[] out) {
            double gx = (col + 0.5) / LATTICE_PX;
            double gy = (row + 0.5) / LATTICE_PX;
            int i = (int) gx;
            int j = (int) gy;
            double fx = gx - i;
            double fy = gy - j;
            double[] a = values[(j - firstRow) * columns + i];
            double[] b = values[(j - firstRow) * columns + i + 1];
            double[] c = values[(j + 1 - firstRow) * columns + i];
            double[] d = values[(j + 1 - firstRow) * columns + i + 1];
            for (int k = 0; k < out.length; k++) {
                double top = a[k] + fx * (b[k] - a[k]);
                double bottom = c[k] + fx * (d[k] - c[k]);
                out[k] = top + fy * (bottom - top);
            }
        }
    }

    /** Wakes, then land and water, then fixtures and vessels. */
    private void surface(Canvas canvas, Lattice lattice, Tally tally, int row0, int rows) {
        double top = canvas.row0 * PIXEL_M;
        double bottom = (canvas.row0 + canvas.rows) * PIXEL_M;
        for (Wake wake : wakes) {
            double[] b = wake.bounds();
            if (b[3] > top && b[2] < bottom) {
                wake.addTo(canvas);
            }
        }
        float[] land = new float[BANDS];
        float[] water = new float[BANDS];
        double[] smooth = new double[SceneFields.SMOOTH_COUNT];
        for (int row = canvas.row0; row < canvas.row0 + canvas.rows; row++) {
            boolean counted = row >= row0 && row < row0 + rows;
            double y = (row + 0.5) * PIXEL_M;
            for (int col = 0; col < width; col++) {
                double x = (col + 0.5) * PIXEL_M;
                double d = fields.coast(x, y);
                double wf = SceneFields.waterFraction(d);
                int i = canvas.index(col, row);
                lattice.at(col, row, smooth);
                if (wf < 1) {
                    fields.landSurface(x, y, col, row, d, smooth, land);
                }
                double g = 0;
                if (wf > 0) {
                    fields.waterSurface(x, y, d, smooth, water);
                    g = fields.glint(x, y, smooth);
                }
                double foam = canvas.foam[i];
                for (int b = 0; b < BANDS; b++) {
                    double sea = wf > 0 ? water[b] * (1 - foam) + foamSpectrum[b] * foam : 0;
                    canvas.surface[b][i] = (float) (wf * sea + (1 - wf) * (wf < 1 ? land[b] : 0));
                }
                // Foam and the smoothed water of a turbulent wake quench the glint.
                canvas.glint[i] = (float) (wf * g * Math.max(0, 1 - 2 * foam));
                if (counted) {
                    tally.water += wf;
                }
            }
        }
        for (int k = 0; k < footprints.size(); k++) {
            Footprint f = footprints.get(k);
            if (f.maxY() > top && f.minY() < bottom) {
                canvas.paint(f, brightness.get(k));
            }
        }
    }

    /**
     * Turns the canvas's surface reflectance into what the sensor sees through the renderer's
     * atmosphere (top of atmosphere, or what a correction leaves), in place.
     */
    private void atmosphere(Canvas canvas, Lattice lattice, Tally tally, int row0, int rows) {
        double[] smooth = new double[SceneFields.SMOOTH_COUNT];
        for (int row = canvas.row0; row < canvas.row0 + canvas.rows; row++) {
            boolean counted = row >= row0 && row < row0 + rows;
            double y = (row + 0.5) * PIXEL_M;
            for (int col = 0; col < width; col++) {
                double x = (col + 0.5) * PIXEL_M;
                int i = canvas.index(col, row);
                lattice.at(col, row, smooth);
                int level = Atmosphere.level(fields.haze(smooth));
                double shadowTau = fields.shadowTau(x, y);
                double shadow = shadowTau > 0 ? 1 - StrictMath.exp(-shadowTau / mu) : 0;
                double tau = fields.cloudTau(x, y);
                // Two-stream cloud albedo with asymmetry 0.85: (1 - g) tau / (2 + (1 - g) tau).
                double cloud = tau > 0 ? 0.15 * tau / (2 + 0.15 * tau) : 0;
                double cirrus = fields.cirrus(smooth);
                if (counted && (cloud > 0.08 || cirrus > 0.01)) {
                    tally.cloudy++;
                }
                float[] path = atmosphere.path(level);
                float[] transmittance = atmosphere.transmittance(level);
                float[] direct = atmosphere.direct(level);
                float glint = canvas.glint[i];
                if (shadow == 0 && cloud == 0 && cirrus == 0) {
                    // Clear sky, the common case.
                    for (int b = 0; b < BANDS; b++) {
                        canvas.surface[b][i] =
                                path[b]
                                        + transmittance[b] * canvas.surface[b][i]
                                        + direct[b] * glint;
                    }
                    continue;
                }
                float[] diffuse = atmosphere.diffuseShare(level);
                for (int b = 0; b < BANDS; b++) {
                    double shade = 1 - shadow * (1 - diffuse[b]);
                    double clear =
                            path[b]
                                    + transmittance[b] * canvas.surface[b][i] * shade
                                    + direct[b] * glint * (1 - shadow);
                    double clouded = (1 - cloud) * clear + cloud * cloudRelative[b];
                    canvas.surface[b][i] =
                            (float) ((1 - cirrus) * clouded + cirrus * CIRRUS_RELATIVE[b]);
                }
            }
        }
    }

    /** The point spread: [BLUR, 1 - 2 BLUR, BLUR] along rows and columns, edges replicated. */
    private float[][] blur(Canvas canvas, int row0, int rows) {
        float[][] out = new float[BANDS][rows * width];
        float centre = 1 - 2 * BLUR;
        float[] horizontal = new float[canvas.rows * width];
        for (int b = 0; b < BANDS; b++) {
            float[] src = canvas.surface[b];
            for (int r = 0; r < canvas.rows; r++) {
                int o = r * width;
                for (int c = 0; c < width; c++) {
                    float left = src[o + Math.max(0, c - 1)];
                    float right = src[o + Math.min(width - 1, c + 1)];
                    horizontal[o + c] = BLUR * left + centre * src[o + c] + BLUR * right;
                }
            }
            for (int row = row0; row < row0 + rows; row++) {
                int up = (Math.max(0, row - 1) - canvas.row0) * width;
                int mid = (row - canvas.row0) * width;
                int down = (Math.min(height - 1, row + 1) - canvas.row0) * width;
                int o = (row - row0) * width;
                for (int c = 0; c < width; c++) {
                    out[b][o + c] =
                            BLUR * horizontal[up + c]
                                    + centre * horizontal[mid + c]
                                    + BLUR * horizontal[down + c];
                }
            }
        }
        return out;
    }
}
