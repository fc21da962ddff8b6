package dev.s2v.raster;

import java.io.IOException;
import java.util.List;

/**
 * Reflectances of some bands over one window of the 10 m grid, in the band order the caller asked
 * for. A pixel is NaN where the band has no data (DN 0 in L1C) or where the window runs past the
 * grid; the latter pixels are also flagged as padding.
 */
public final class BandWindow {
    private final PixelWindow window;
    private final List<SpectralBand> bands;
    private final float[][] reflectance;
    private final boolean[] padding;

    BandWindow(
            PixelWindow window,
            List<SpectralBand> bands,
            float[][] reflectance,
            boolean[] padding) {
        this.window = window;
        this.bands = List.copyOf(bands);
        this.reflectance = reflectance;
        this.padding = padding;
    }

    /** Fills one band's row-major reflectances over the window. */
    interface BandFill {
        void fill(SpectralBand band, float[] out) throws IOException;
    }

    /**
     * Reads the bands in the caller's order over a window of a grid, into the arrays of {@code
     * reuse} when it holds as many bands of as many pixels.
     *
     * @throws IllegalArgumentException when the window lies wholly outside the grid
     */
    static BandWindow read(
            String sceneId,
            RasterGrid grid,
            List<SpectralBand> bands,
            PixelWindow window,
            BandWindow reuse,
            BandFill fill)
            throws IOException {
        if (!window.overlaps(grid.width(), grid.height())) {
            throw new IllegalArgumentException(
                    sceneId
                            + ": window "
                            + window
                            + " lies outside the "
                            + grid.width()
                            + " x "
                            + grid.height()
                            + " grid");
        }
        boolean reusable =
                reuse != null
                        && reuse.reflectance.length == bands.size()
                        && reuse.padding.length == window.pixelCount();
        float[][] data = reusable ? reuse.reflectance : new float[bands.size()][];
        for (int i = 0; i < data.length; i++) {
            if (!reusable) {
                data[i] = new float[window.pixelCount()];
            }
            fill.fill(bands.get(i), data[i]);
        }
        boolean[] padding = reusable ? reuse.padding : new boolean[window.pixelCount()];
        NearestNeighbour.padding(window, grid.width(), grid.height(), padding);
        return new BandWindow(window, bands, data, padding);
    }

    /** The window on the 10 m grid. */
    public PixelWindow window() {
        return window;
    }

    /** Columns. */
    public int width() {
        return window.width();
    }

    /** Rows. */
    public int height() {
        return window.height();
    }

    /** The bands, in the order of {@link #band(int)}. */
    public List<SpectralBand> bands() {
        return bands;
    }

    /** Row-major reflectances of the i-th requested band (not a copy: do not modify). */
    public float[] band(int index) {
        return reflectance[index];
    }

    /** Row-major reflectances of a requested band (not a copy: do not modify). */
    public float[] band(SpectralBand band) {
        int index = bands.indexOf(band);
        if (index < 0) {
            throw new IllegalArgumentException(band + " was not read; this window holds " + bands);
        }
        return reflectance[index];
    }

    /** Reflectance of the i-th band at a pixel of the window; NaN for no-data and padding. */
    public float value(int bandIndex, int row, int col) {
        return reflectance[bandIndex][row * window.width() + col];
    }

    /** Whether a pixel lies outside the grid (row-major index within the window). */
    public boolean isPadding(int pixel) {
        return padding[pixel];
    }

    /** Whether a pixel has data in every band read and lies inside the grid. */
    public boolean isValid(int pixel) {
        if (padding[pixel]) {
            return false;
        }
        for (float[] band : reflectance) {
            if (Float.isNaN(band[pixel])) {
                return false;
            }
        }
        return true;
    }

    /** Number of padding pixels. */
    public int paddingCount() {
        int n = 0;
        for (boolean p : padding) {
            if (p) {
                n++;
            }
        }
        return n;
    }

    /** Number of pixels inside the grid where the i-th band has no data. */
    public int noDataCount(int bandIndex) {
        int n = 0;
        float[] band = reflectance[bandIndex];
        for (int i = 0; i < band.length; i++) {
            if (!padding[i] && Float.isNaN(band[i])) {
                n++;
            }
        }
        return n;
    }
}
