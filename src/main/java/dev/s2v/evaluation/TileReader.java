package dev.s2v.evaluation;

import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.ModelInput;
import dev.s2v.dataset.TileCodec;
import dev.s2v.dataset.TileRecord;
import dev.s2v.raster.ConnectedComponents;
import dev.s2v.raster.InstanceObjects;
import dev.s2v.raster.MaskObject;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads dataset tiles for a model: the model's bands picked from the dataset's, in the model's
 * order, as reflectance and as the model's normalised input (the model's own normalisation from its
 * {@code model.xml}, not the dataset's), with the truth and the valid pixels. Not thread-safe.
 */
final class TileReader {
    private final DatasetFolder dataset;
    private final int[] datasetBand;
    private final ModelInput input;
    private final int size;
    private final short[][] stored;
    private final byte[] mask;
    private final int[] instances;

    /**
     * A tile as read.
     *
     * @param record the manifest row
     * @param reflectance per model band, row-major; NaN = no data
     * @param truth row-major, 1 = vessel (0 where not valid)
     * @param valid row-major, true where every model band has data
     * @param trueVessels the labelled vessels: by instance id where the dataset keeps them (ships
     *     moored side by side stay apart), else the components of the truth
     */
    record Tile(
            TileRecord record,
            float[][] reflectance,
            byte[] truth,
            boolean[] valid,
            List<MaskObject> trueVessels) {}

    /**
     * A reader of the given bands.
     *
     * @param dataset the dataset
     * @param input the model's input rule; each of its bands is one of the dataset's
     */
    TileReader(DatasetFolder dataset, ModelInput input) {
        this.dataset = dataset;
        this.input = input;
        this.size = dataset.tileSize();
        List<SpectralBand> bands = input.bands();
        this.datasetBand = new int[bands.size()];
        for (int b = 0; b < bands.size(); b++) {
            datasetBand[b] = dataset.bands().indexOf(bands.get(b));
            if (datasetBand[b] < 0) {
                throw new IllegalArgumentException(
                        "band " + bands.get(b) + " is not in the dataset's " + dataset.bands());
            }
        }
        int pixels = size * size;
        this.stored = new short[dataset.bands().size()][pixels];
        this.mask = new byte[pixels];
        this.instances = new int[pixels];
    }

    /** Tile side, pixels. */
    int size() {
        return size;
    }

    /** Values of one tile's model input: bands x size x size. */
    int inputLength() {
        return datasetBand.length * size * size;
    }

    /**
     * Reads a tile.
     *
     * @param record the tile
     * @param inputs receives the normalised input, band-major, from {@code offset}; null when not
     *     needed
     * @param offset where the tile's input starts
     * @throws IOException when the tile file cannot be read
     */
    Tile read(TileRecord record, float[] inputs, int offset) throws IOException {
        dataset.read(record, stored, mask, instances);
        int pixels = size * size;
        float[][] reflectance = new float[datasetBand.length][pixels];
        boolean[] valid = new boolean[pixels];
        Arrays.fill(valid, true);
        for (int b = 0; b < datasetBand.length; b++) {
            short[] band = stored[datasetBand[b]];
            float[] out = reflectance[b];
            for (int i = 0; i < pixels; i++) {
                int v = band[i] & 0xFFFF;
                out[i] = TileCodec.decode(v);
                if (v == TileCodec.NO_DATA) {
                    valid[i] = false;
                }
                if (inputs != null) {
                    inputs[offset + b * pixels + i] = input.ofStored(b, v);
                }
            }
        }
        byte[] truth = new byte[pixels];
        boolean[] ignore = new boolean[pixels];
        for (int i = 0; i < pixels; i++) {
            truth[i] = (byte) (valid[i] && mask[i] != 0 ? 1 : 0);
            ignore[i] = !valid[i];
        }
        List<MaskObject> trueVessels =
                dataset.hasInstances()
                        ? InstanceObjects.of(instances, ignore, size, size, Evaluation.PIXEL_SIZE_M)
                        : ConnectedComponents.label(
                                        truth, ignore, size, size, Evaluation.PIXEL_SIZE_M)
                                .objects();
        return new Tile(record, reflectance, truth, valid, trueVessels);
    }

    /**
     * The true-colour bands B04, B03, B02 of a tile from the dataset (whatever the model reads); a
     * band the dataset lacks is replaced by its first band, so the panel turns grey rather than
     * failing.
     *
     * @throws IOException when the tile file cannot be read
     */
    float[][] trueColour(TileRecord record) throws IOException {
        dataset.read(record, stored, mask);
        List<float[]> rgb = new ArrayList<>();
        for (SpectralBand band : List.of(SpectralBand.B04, SpectralBand.B03, SpectralBand.B02)) {
            int index = Math.max(0, dataset.bands().indexOf(band));
            float[] out = new float[size * size];
            for (int i = 0; i < out.length; i++) {
                out[i] = TileCodec.decode(stored[index][i]);
            }
            rgb.add(out);
        }
        return rgb.toArray(new float[0][]);
    }
}
