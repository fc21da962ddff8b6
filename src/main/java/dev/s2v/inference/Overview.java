package dev.s2v.inference;

import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.SpectralBand;
import java.util.Arrays;
import java.util.List;

/**
 * A small picture of a predicted scene for the map, gathered strip by strip: the true colour as
 * block means of reflectance and the probability and mask as block maxima (so a vessel a block
 * hides in the mean still shows), on the scene's grid coarsened to at most {@value #MAX_SIDE}
 * pixels a side. Its size does not grow with the scene.
 */
final class Overview {
    /** The longest side of the overview, pixels. */
    static final int MAX_SIDE = 1600;

    private final RasterGrid grid;
    private final PixelWindow region;
    private final int factor;
    private final List<SpectralBand> colourBands;
    private final float[][] colourSum;
    private final int[] colourCount;
    private final float[] probability;
    private final byte[] mask;

    /**
     * An empty overview of a predicted region.
     *
     * @param region the predicted pixels in the source's grid
     * @param sceneGrid the grid of the predicted region
     * @param colourBands red, green and blue bands to average (one band gives grey)
     */
    Overview(PixelWindow region, RasterGrid sceneGrid, List<SpectralBand> colourBands) {
        this.region = region;
        this.factor =
                Math.max(1, (Math.max(region.width(), region.height()) + MAX_SIDE - 1) / MAX_SIDE);
        int width = (region.width() + factor - 1) / factor;
        int height = (region.height() + factor - 1) / factor;
        this.grid =
                new RasterGrid(
                        width,
                        height,
                        sceneGrid.transform().scaled(factor),
                        sceneGrid.crsWkt(),
                        sceneGrid.epsg());
        this.colourBands = List.copyOf(colourBands);
        this.colourSum = new float[colourBands.size()][width * height];
        this.colourCount = new int[width * height];
        this.probability = new float[width * height];
        Arrays.fill(probability, Float.NaN);
        this.mask = new byte[width * height];
        Arrays.fill(mask, (byte) ProbabilityFormat.UINT8_NO_DATA);
    }

    /** Adds a strip and its vessel mask (0/1, row-major over the strip). */
    void add(Strip strip, byte[] stripMask) {
        PixelWindow rows = strip.rows();
        Strip.BandRows[] colour = new Strip.BandRows[colourBands.size()];
        for (int b = 0; b < colour.length; b++) {
            colour[b] = strip.band(colourBands.get(b));
        }
        for (int i = 0; i < rows.pixelCount(); i++) {
            int r = (rows.row() - region.row() + i / rows.width()) / factor;
            int c = (rows.col() - region.col() + i % rows.width()) / factor;
            int o = r * grid.width() + c;
            boolean colourValid = true;
            for (int b = 0; b < colour.length && colourValid; b++) {
                colourValid = !Float.isNaN(colour[b].at(i));
            }
            if (colourValid) {
                for (int b = 0; b < colour.length; b++) {
                    colourSum[b][o] += colour[b].at(i);
                }
                colourCount[o]++;
            }
            if (strip.valid()[i]) {
                float p = strip.probability()[i];
                probability[o] = Float.isNaN(probability[o]) ? p : Math.max(probability[o], p);
                if (mask[o] == (byte) ProbabilityFormat.UINT8_NO_DATA) {
                    mask[o] = 0;
                }
                mask[o] |= stripMask[i];
            }
        }
    }

    /** The overview's grid: the region's, coarsened. */
    RasterGrid grid() {
        return grid;
    }

    /** The block mean reflectance of colour band {@code b}, NaN where no pixel had data. */
    float[] colour(int b) {
        float[] mean = new float[colourCount.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = colourCount[i] == 0 ? Float.NaN : colourSum[b][i] / colourCount[i];
        }
        return mean;
    }

    /** Number of colour bands (3 for true colour, 1 for grey). */
    int colourBandCount() {
        return colourBands.size();
    }

    /** The block maximum probability, NaN where no pixel was valid. */
    float[] probability() {
        return probability;
    }

    /** 1 where a block holds a vessel pixel, 0 where not, 255 where no pixel was valid. */
    byte[] mask() {
        return mask;
    }
}
