package dev.s2v.inference;

import dev.s2v.evaluation.Threshold;
import dev.s2v.raster.ComponentTracker;
import dev.s2v.raster.GeoTiffWriter;
import dev.s2v.raster.PixelType;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.TrackedObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The files of one prediction, written strip by strip as the strips arrive: {@code probability.tif}
 * and {@code mask.tif} on the region's grid, the vessels (objects of the mask joined across strips,
 * written as each is complete) and the overview for the map. Nothing of the size of the scene is
 * held, nor a list of all vessels. Closing without {@link #finish} removes the partial files.
 */
final class PredictionOutputs implements ScenePredictor.StripSink, AutoCloseable {
    /** The probability raster's name. */
    static final String PROBABILITY = "probability.tif";

    /** The mask raster's name. */
    static final String MASK = "mask.tif";

    /** The vessels as GeoJSON. */
    static final String VESSELS_GEOJSON = "vessels.geojson";

    /** The vessels as CSV. */
    static final String VESSELS_CSV = "vessels.csv";

    /**
     * The most vessels the map shows: beyond a few thousand markers a browser crawls, and so many
     * detections on one scene mean the model is being used where it does not work.
     */
    static final int MAP_VESSELS = 5000;

    /** Least probable first, so the queue's head is the one to drop. */
    private static final Comparator<Vessel> MAP_ORDER =
            Comparator.comparingDouble(Vessel::maxProbability)
                    .thenComparingDouble(Vessel::meanProbability)
                    .thenComparing(Comparator.comparingInt(Vessel::id).reversed());

    private final PixelWindow region;
    private final Threshold threshold;
    private final ProbabilityFormat format;
    private final GeoTiffWriter probability;
    private final GeoTiffWriter mask;
    private final ComponentTracker tracker;
    private final VesselVectors vectors;
    private final PriorityQueue<Vessel> mapVessels = new PriorityQueue<>(MAP_ORDER);
    private final Overview overview;
    private long validPixels;
    private long vesselPixels;
    // Strip-sized arrays, reused from strip to strip (the last strip may be shorter).
    private byte[] maskBytes;
    private boolean[] ignore;
    private byte[] stored;

    private PredictionOutputs(
            PixelWindow region,
            Threshold threshold,
            ProbabilityFormat format,
            GeoTiffWriter probability,
            GeoTiffWriter mask,
            VesselVectors vectors,
            Overview overview) {
        this.region = region;
        this.threshold = threshold;
        this.format = format;
        this.probability = probability;
        this.mask = mask;
        this.vectors = vectors;
        this.overview = overview;
        this.tracker = new ComponentTracker(region.width(), this::addVessel);
    }

    private void addVessel(TrackedObject object) {
        try {
            mapVessels.add(vectors.add(object));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (mapVessels.size() > MAP_VESSELS) {
            mapVessels.poll();
        }
    }

    /**
     * Starts the outputs in a folder.
     *
     * @param folder where the files go
     * @param region the predicted pixels in the source's grid
     * @param grid the grid of the region
     * @param threshold the vessel threshold
     * @param format how probabilities are stored
     * @param colourBands the bands of the map's imagery (red, green, blue; or one for grey)
     * @param metadata items written into both rasters' metadata
     * @throws IOException when a raster cannot be created
     */
    static PredictionOutputs open(
            Path folder,
            PixelWindow region,
            RasterGrid grid,
            Threshold threshold,
            ProbabilityFormat format,
            List<SpectralBand> colourBands,
            Map<String, String> metadata)
            throws IOException {
        GeoTiffWriter.Options layout = GeoTiffWriter.Options.defaults();
        GeoTiffWriter probability =
                GeoTiffWriter.create(
                        folder.resolve(PROBABILITY),
                        grid,
                        1,
                        format == ProbabilityFormat.UINT8 ? PixelType.BYTE : PixelType.FLOAT32,
                        layout.withOverviews("AVERAGE"));
        GeoTiffWriter mask = null;
        VesselVectors vectors = null;
        try {
            mask =
                    GeoTiffWriter.create(
                            folder.resolve(MASK),
                            grid,
                            1,
                            PixelType.BYTE,
                            layout.withOverviews("NEAREST"));
            probability.describeBand(1, "vessel probability");
            mask.describeBand(1, "vessel mask (1 = vessel)");
            if (format == ProbabilityFormat.UINT8) {
                probability.setNoData(ProbabilityFormat.UINT8_NO_DATA);
                probability.setScaleOffset(1, 1.0 / ProbabilityFormat.UINT8_SCALE, 0);
            } else {
                probability.setNoData(Double.NaN);
            }
            mask.setNoData(ProbabilityFormat.UINT8_NO_DATA);
            for (Map.Entry<String, String> item : metadata.entrySet()) {
                probability.setMetadata(item.getKey(), item.getValue());
                mask.setMetadata(item.getKey(), item.getValue());
            }
            vectors =
                    VesselVectors.create(
                            folder.resolve(VESSELS_GEOJSON), folder.resolve(VESSELS_CSV), grid);
            return new PredictionOutputs(
                    region,
                    threshold,
                    format,
                    probability,
                    mask,
                    vectors,
                    new Overview(region, grid, colourBands));
        } catch (IOException | RuntimeException e) {
            for (AutoCloseable partial : new AutoCloseable[] {probability, mask, vectors}) {
                try {
                    if (partial != null) {
                        partial.close();
                    }
                } catch (Exception cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    @Override
    public void accept(Strip strip) throws IOException {
        PixelWindow rows = strip.rows();
        PixelWindow target =
                new PixelWindow(0, rows.row() - region.row(), rows.width(), rows.height());
        float[] p = strip.probability();
        boolean[] valid = strip.valid();
        byte[] vessel = threshold.apply(p, valid);
        if (maskBytes == null || maskBytes.length != p.length) {
            maskBytes = new byte[p.length];
            ignore = new boolean[p.length];
            stored = new byte[p.length];
        }
        for (int i = 0; i < p.length; i++) {
            ignore[i] = !valid[i];
            maskBytes[i] = valid[i] ? vessel[i] : (byte) ProbabilityFormat.UINT8_NO_DATA;
            validPixels += valid[i] ? 1 : 0;
            vesselPixels += vessel[i];
        }
        if (format == ProbabilityFormat.UINT8) {
            for (int i = 0; i < p.length; i++) {
                stored[i] = ProbabilityFormat.toByte(p[i]);
            }
            probability.write(1, target, stored);
        } else {
            probability.write(1, target, p);
        }
        mask.write(1, target, maskBytes);
        try {
            tracker.addRows(vessel, ignore, p, rows.height());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        overview.add(strip, vessel);
    }

    /**
     * Completes the rasters (overviews) and the vessels; the files appear under their names.
     *
     * @throws IOException when a file cannot be finished
     */
    void finish() throws IOException {
        try {
            tracker.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        probability.commit();
        mask.commit();
        vectors.commit();
    }

    /** Vessels found. */
    int vesselCount() {
        return vectors.count();
    }

    /** The vessels the map shows: the most probable ones, at most {@link #MAP_VESSELS}, by id. */
    List<Vessel> mapVessels() {
        List<Vessel> vessels = new ArrayList<>(mapVessels);
        vessels.sort(Comparator.comparingInt(Vessel::id));
        return vessels;
    }

    /** The overview for the map. */
    Overview overview() {
        return overview;
    }

    /** Pixels with data in every model band (inside the area). */
    long validPixels() {
        return validPixels;
    }

    /** Pixels at or above the threshold. */
    long vesselPixels() {
        return vesselPixels;
    }

    /** Without {@link #finish}, discards every partial file, each even if another fails. */
    @Override
    public void close() throws IOException {
        try {
            probability.close();
        } finally {
            try {
                mask.close();
            } finally {
                vectors.close();
            }
        }
    }
}
