package dev.s2v.dataset;

import dev.s2v.config.Normalization;
import dev.s2v.raster.BandWindow;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.SpectralBand;
import java.util.Arrays;
import java.util.List;

/**
 * How reflectances become the network's input, as a model's {@code model.xml} says: its bands in
 * its order, the quantisation of the training tiles ({@link TileCodec}: 0.0001 reflectance steps,
 * no data kept apart) and its per-band normalisation. Training, evaluation and inference all go
 * through this one class, so a pixel gets the same input whether it came from a stored tile or
 * straight from a product.
 *
 * <p>Every stored 16-bit value has its input precomputed: decoding, quantising and normalising cost
 * one table lookup per pixel. Immutable and thread-safe.
 */
public final class ModelInput {
    private static final int STORED_VALUES = 1 << 16;

    private final List<SpectralBand> bands;
    private final float[][] inputOfStored;

    /**
     * The input rule of a model.
     *
     * @param bands the model's bands, in channel order
     * @param normalization the model's normalisation, one value pair per band
     * @throws IllegalArgumentException when the normalisation has another number of bands
     */
    public ModelInput(List<SpectralBand> bands, Normalization normalization) {
        if (bands.isEmpty() || normalization.bandCount() != bands.size()) {
            throw new IllegalArgumentException(
                    "the normalisation has values for "
                            + normalization.bandCount()
                            + " bands but the model reads "
                            + bands.size()
                            + " "
                            + bands);
        }
        this.bands = List.copyOf(bands);
        this.inputOfStored = new float[bands.size()][STORED_VALUES];
        for (int b = 0; b < bands.size(); b++) {
            for (int v = 0; v < STORED_VALUES; v++) {
                inputOfStored[b][v] = normalization.apply(b, TileCodec.decode(v));
            }
        }
    }

    /** The bands, in channel order. */
    public List<SpectralBand> bands() {
        return bands;
    }

    /** Number of input channels. */
    public int bandCount() {
        return bands.size();
    }

    /** The input of a value stored in a tile (read as unsigned 16 bits) of channel {@code band}. */
    public float ofStored(int band, int stored) {
        return inputOfStored[band][stored & 0xFFFF];
    }

    /**
     * The input of a reflectance of channel {@code band}, quantised exactly as a training tile
     * stores it; no data (NaN) gets the input of {@link TileCodec#NO_DATA}.
     */
    public float ofReflectance(int band, float reflectance) {
        return inputOfStored[band][TileCodec.encode(reflectance) & 0xFFFF];
    }

    /**
     * Writes the input of one window of a {@link BandWindow} that holds at least this model's bands
     * (picked by name, so the window may hold more): band-major, {@code bands x region.height() x
     * region.width()} values from {@code offset}. The region is given in the pixel grid the band
     * window lies on and may run past the window: what lies outside gets the no-data input, as
     * padding does in the training tiles.
     *
     * @throws IllegalArgumentException when the band window lacks one of the model's bands
     */
    public void fill(BandWindow pixels, PixelWindow region, float[] out, int offset) {
        PixelWindow source = pixels.window();
        int width = region.width();
        int height = region.height();
        for (int b = 0; b < bands.size(); b++) {
            float[] reflectance = pixels.band(bands.get(b));
            float[] table = inputOfStored[b];
            float noData = table[TileCodec.NO_DATA];
            int bandOffset = offset + b * width * height;
            for (int r = 0; r < height; r++) {
                int sourceRow = region.row() + r - source.row();
                int outRow = bandOffset + r * width;
                if (sourceRow < 0 || sourceRow >= source.height()) {
                    Arrays.fill(out, outRow, outRow + width, noData);
                    continue;
                }
                int sourceRowStart = sourceRow * source.width() - source.col();
                for (int c = 0; c < width; c++) {
                    int sourceCol = region.col() + c;
                    out[outRow + c] =
                            sourceCol < source.col() || sourceCol >= source.endCol()
                                    ? noData
                                    : table[
                                            TileCodec.encode(
                                                            reflectance[sourceRowStart + sourceCol])
                                                    & 0xFFFF];
                }
            }
        }
    }
}
