package dev.s2v.exploration;

import dev.s2v.raster.SpectralBand;
import java.util.List;

/**
 * Pixels drawn from a dataset per class: for each sampled pixel its reflectance in every band of
 * the dataset (pixel i of one band is pixel i of every other band), in a random order any prefix of
 * which is itself a random sample.
 */
public final class PixelSample {
    private final List<SpectralBand> bands;
    private final float[][][] values;
    private final SamplingSummary summary;

    /**
     * A sample.
     *
     * @param bands the bands, in the order of the values
     * @param background {@code [band][pixel]} reflectances of background pixels
     * @param vessel {@code [band][pixel]} reflectances of vessel pixels
     * @param summary what was read to draw it
     */
    PixelSample(
            List<SpectralBand> bands,
            float[][] background,
            float[][] vessel,
            SamplingSummary summary) {
        if (background.length != bands.size() || vessel.length != bands.size()) {
            throw new IllegalArgumentException("one array of values per band is needed");
        }
        this.bands = List.copyOf(bands);
        this.values = new float[][][] {background, vessel};
        this.summary = summary;
    }

    /** The bands sampled, in the dataset's order. */
    public List<SpectralBand> bands() {
        return bands;
    }

    /** What was read. */
    public SamplingSummary summary() {
        return summary;
    }

    /** Pixels sampled of a class. */
    public int size(PixelClass pixelClass) {
        return values[pixelClass.ordinal()][0].length;
    }

    /**
     * A class's reflectances in a band, in sample order (a copy).
     *
     * @throws IllegalArgumentException when the band was not sampled
     */
    public float[] values(PixelClass pixelClass, SpectralBand band) {
        return values[pixelClass.ordinal()][index(band)].clone();
    }

    /**
     * A class's reflectances in a band, sorted.
     *
     * @throws IllegalArgumentException when the band was not sampled
     */
    public SortedSample sorted(PixelClass pixelClass, SpectralBand band) {
        return SortedSample.of(values[pixelClass.ordinal()][index(band)]);
    }

    private int index(SpectralBand band) {
        int i = bands.indexOf(band);
        if (i < 0) {
            throw new IllegalArgumentException(
                    "band " + band + " is not in the sample (it has " + bands + ")");
        }
        return i;
    }
}
