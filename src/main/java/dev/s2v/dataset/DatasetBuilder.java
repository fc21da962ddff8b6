package dev.s2v.dataset;

import dev.s2v.config.BuildInfo;
import dev.s2v.config.YamlFiles;
import dev.s2v.dataset.DatasetDescriptor.Dropped;
import dev.s2v.dataset.DatasetDescriptor.Encoding;
import dev.s2v.dataset.DatasetDescriptor.Source;
import dev.s2v.dataset.DatasetDescriptor.SplitInfo;
import dev.s2v.files.AtomicFiles;
import dev.s2v.raster.BandSource;
import dev.s2v.raster.BandSources;
import dev.s2v.raster.BandWindow;
import dev.s2v.raster.ConnectedComponents;
import dev.s2v.raster.InstanceObjects;
import dev.s2v.raster.MaskObject;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.WindowGrid;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Cuts labelled products into a dataset folder ({@code dataset.yaml}, {@code manifest.csv}, {@code
 * tiles/}, {@code stats/}). Products are streamed in strips of tile rows, so no scene is ever whole
 * in memory; the folder is built under a temporary name and appears only when complete.
 */
public final class DatasetBuilder {
    /** Rows read at once: about 1024, whole tile rows, so JPEG2000 blocks are decoded once. */
    private static final int STRIP_TARGET_ROWS = 1024;

    private DatasetBuilder() {}

    /**
     * How tiles are cut and kept.
     *
     * @param bands bands in the tiles' order
     * @param tileSize tile side in pixels, a multiple of 16
     * @param negatives share of tiles without vessels to keep, 0..1
     * @param maxNodataShare tiles with more no-data than this share are dropped, 0..1
     * @param split how tiles are split
     * @param seed seed of negative sampling
     * @param allowEmpty accept labels that do not overlap their product
     * @param overwrite replace an existing dataset folder
     */
    public record Options(
            List<SpectralBand> bands,
            int tileSize,
            double negatives,
            double maxNodataShare,
            SplitPlan split,
            long seed,
            boolean allowEmpty,
            boolean overwrite) {
        /** Validates the numbers. */
        public Options {
            if (bands.isEmpty()) {
                throw new IllegalArgumentException("--bands must name at least one band");
            }
            if (tileSize < 16 || tileSize % 16 != 0) {
                throw new IllegalArgumentException(
                        "--tile must be a positive multiple of 16 (the UNET halves it four times),"
                                + " got "
                                + tileSize);
            }
            if (!(negatives >= 0 && negatives <= 1)) {
                throw new IllegalArgumentException(
                        "--negatives must be a share between 0 and 1, got " + negatives);
            }
            if (!(maxNodataShare >= 0 && maxNodataShare <= 1)) {
                throw new IllegalArgumentException(
                        "--max-nodata must be a share between 0 and 1, got " + maxNodataShare);
            }
            bands = List.copyOf(bands);
        }
    }

    /**
     * What was built.
     *
     * @param folder the dataset folder
     * @param descriptor its dataset.yaml
     * @param statistics its class statistics
     */
    public record Result(Path folder, DatasetDescriptor descriptor, DatasetStatistics statistics) {}

    /**
     * Builds a dataset.
     *
     * @param out the dataset folder to create; its name is the dataset's name
     * @param log receives one line per scene
     * @throws FileAlreadyExistsException when {@code out} exists and overwriting was not asked for
     * @throws IllegalArgumentException for inputs that cannot make a dataset (missing band, labels
     *     off the product, tile larger than a scene, too few scenes for the split)
     * @throws IOException when a product or labels file cannot be read or the folder written
     */
    public static Result build(
            Path out, List<LabelledScene> scenes, Options options, Consumer<String> log)
            throws IOException {
        if (scenes.isEmpty()) {
            throw new IllegalArgumentException(
                    "no products given: pass --product/--labels or --from");
        }
        if (Files.exists(out) && !options.overwrite()) {
            throw new FileAlreadyExistsException(
                    out.toString(), null, "refusing to mix old and new tiles; pass --overwrite");
        }
        List<SplitPlan.Scene> extents = checkInputs(scenes, options);
        SplitPlan.Assignment assignment = options.split().assign(extents, options.tileSize());

        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = AtomicFiles.stagingFolder(out, "partial");
        try {
            Files.createDirectories(staging.resolve("tiles"));
            Tiler tiler = new Tiler(staging, options, assignment);
            List<Source> sources = new ArrayList<>();
            for (int i = 0; i < scenes.size(); i++) {
                LabelledScene scene = scenes.get(i);
                long start = System.nanoTime();
                Tiler.SceneResult r = tiler.cut(scene);
                sources.add(
                        new Source(
                                r.sceneId(),
                                scene.product().toString(),
                                scene.labels().toString(),
                                scene.stackScale().toString(),
                                assignment.sceneSplit(r.sceneId()).map(Split::key).orElse("mixed"),
                                r.grid().width(),
                                r.grid().height(),
                                r.grid().crsLabel(),
                                r.level().map(ProductLevel::key).orElse(DatasetDescriptor.UNKNOWN),
                                r.kept()));
                log.accept(
                        String.format(
                                Locale.ROOT,
                                "scene %d/%d %s: %d tiles kept (%d with vessels), %.1f s",
                                i + 1,
                                scenes.size(),
                                r.sceneId(),
                                r.kept(),
                                r.positive(),
                                (System.nanoTime() - start) / 1e9));
            }
            List<TileRecord> records = tiler.records();
            if (options.split().trains()
                    && records.stream().noneMatch(t -> t.split() == Split.TRAIN)) {
                throw new IllegalArgumentException(
                        "no tile was kept for the training split (all dropped as no-data or"
                                + " unsampled negatives?)");
            }
            Manifest.write(staging.resolve(Manifest.FILE), records);
            DatasetStatistics statistics =
                    new DatasetStatistics(
                            options.bands(),
                            options.tileSize(),
                            records,
                            tiler.histograms(),
                            tiler.objectLengths());
            statistics.write(staging.resolve("stats"));
            Map<String, Integer> perSplit = new LinkedHashMap<>();
            for (Split s : Split.values()) {
                perSplit.put(s.key(), (int) records.stream().filter(t -> t.split() == s).count());
            }
            DatasetDescriptor descriptor =
                    new DatasetDescriptor(
                            DatasetDescriptor.FORMAT,
                            out.getFileName().toString(),
                            BuildInfo.version(),
                            options.bands().stream().map(Enum::name).toList(),
                            options.tileSize(),
                            Encoding.current(),
                            options.seed(),
                            options.negatives(),
                            options.maxNodataShare(),
                            new SplitInfo(
                                    options.split().rule().key(),
                                    options.split().valFraction(),
                                    options.split().testFraction(),
                                    options.split().rule() == SplitPlan.Rule.BLOCK
                                            ? options.split().blockKm()
                                            : 0,
                                    tiler.droppedAtBlockEdges()),
                            sources,
                            perSplit,
                            new Dropped(
                                    tiler.droppedNodata(),
                                    tiler.negativesNotSampled(),
                                    tiler.droppedAtBlockEdges()),
                            statistics.normalization(),
                            statistics.positiveClassWeight());
            YamlFiles.write(staging.resolve(DatasetFolder.DESCRIPTOR), descriptor);
            AtomicFiles.replaceFolder(staging, out);
            return new Result(out, descriptor, statistics);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.discardAfter(staging, e);
            throw e;
        }
    }

    /**
     * Opens every input once before anything is written, so that a bad input fails the build at
     * once with its own message.
     */
    private static List<SplitPlan.Scene> checkInputs(List<LabelledScene> scenes, Options options)
            throws IOException {
        List<SplitPlan.Scene> extents = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (LabelledScene scene : scenes) {
            try (BandSource source = BandSources.open(scene.product(), scene.stackScale())) {
                for (SpectralBand band : options.bands()) {
                    if (!source.bands().contains(band)) {
                        throw new IllegalArgumentException(
                                scene.product()
                                        + ": has no "
                                        + band
                                        + "; its bands: "
                                        + source.bands()
                                        + " (choose --bands among them)");
                    }
                }
                RasterGrid grid = source.grid();
                if (grid.width() < options.tileSize() || grid.height() < options.tileSize()) {
                    throw new IllegalArgumentException(
                            scene.product()
                                    + ": the scene is "
                                    + grid.width()
                                    + " x "
                                    + grid.height()
                                    + " px, smaller than the "
                                    + options.tileSize()
                                    + " px tile");
                }
                if (!ids.add(source.sceneId())) {
                    throw new IllegalArgumentException(
                            scene.product() + ": scene " + source.sceneId() + " is given twice");
                }
                try (SceneLabels labels = SceneLabels.open(scene, grid, options.allowEmpty())) {
                    extents.add(new SplitPlan.Scene(source.sceneId(), grid));
                }
            }
        }
        return extents;
    }

    /** Cuts scenes into tiles and keeps the tallies. */
    private static final class Tiler {
        private final Path folder;
        private final Options options;
        private final SplitPlan.Assignment assignment;
        private final List<TileRecord> records = new ArrayList<>();
        private final BandHistograms histograms;
        private final Map<Split, List<Double>> objectLengths = new EnumMap<>(Split.class);
        private int droppedNodata;
        private int negativesNotSampled;
        private int droppedAtBlockEdges;

        Tiler(Path folder, Options options, SplitPlan.Assignment assignment) {
            this.folder = folder;
            this.options = options;
            this.assignment = assignment;
            this.histograms = new BandHistograms(options.bands().size());
        }

        record SceneResult(
                String sceneId,
                RasterGrid grid,
                Optional<ProductLevel> level,
                int kept,
                int positive) {}

        SceneResult cut(LabelledScene scene) throws IOException {
            int tile = options.tileSize();
            int bandCount = options.bands().size();
            try (BandSource source = BandSources.open(scene.product(), scene.stackScale());
                    SceneLabels labels = SceneLabels.open(scene, source.grid(), true)) {
                RasterGrid grid = source.grid();
                String sceneId = source.sceneId();
                WindowGrid tiles = WindowGrid.tiles(grid.width(), grid.height(), tile);
                int stripTiles = Math.max(1, STRIP_TARGET_ROWS / tile);
                int kept = 0;
                int positive = 0;
                short[][] stored = new short[bandCount][tile * tile];
                for (int tileRow0 = 0; tileRow0 < tiles.rows(); tileRow0 += stripTiles) {
                    int rowsOfTiles = Math.min(stripTiles, tiles.rows() - tileRow0);
                    PixelWindow strip = tiles.span(tileRow0, rowsOfTiles);
                    BandWindow pixels = source.read(options.bands(), strip);
                    byte[] stripMask = labels.read(strip);
                    int[] stripIds = labels.hasInstances() ? labels.readInstances(strip) : null;
                    for (int tr = 0; tr < rowsOfTiles; tr++) {
                        for (int tc = 0; tc < tiles.columns(); tc++) {
                            PixelWindow window = tiles.window(tileRow0 + tr, tc);
                            byte[] mask = new byte[tile * tile];
                            int[] instances = new int[tile * tile];
                            int nodata =
                                    extract(
                                            pixels, stripMask, stripIds, strip, window, stored,
                                            mask, instances);
                            int vessel = count(mask);
                            java.util.Optional<Split> split = assignment.splitOf(sceneId, window);
                            if (split.isEmpty()) {
                                droppedAtBlockEdges++;
                            } else if (nodata > options.maxNodataShare() * tile * tile) {
                                droppedNodata++;
                            } else if (vessel == 0 && !sampled(sceneId, window)) {
                                negativesNotSampled++;
                            } else {
                                keep(
                                        sceneId,
                                        grid,
                                        window,
                                        split.get(),
                                        stored,
                                        mask,
                                        instances,
                                        vessel,
                                        nodata);
                                kept++;
                                positive += vessel > 0 ? 1 : 0;
                            }
                        }
                    }
                }
                return new SceneResult(sceneId, grid, source.level(), kept, positive);
            }
        }

        /**
         * Copies a tile out of a strip: stored values per band, and the mask and vessel ids with
         * no-data pixels cleared (a label where there is no image teaches nothing). Where the
         * labels do not tell vessels apart, the tile's mask components are its vessels. Returns the
         * no-data count.
         */
        private static int extract(
                BandWindow pixels,
                byte[] stripMask,
                int[] stripIds,
                PixelWindow strip,
                PixelWindow window,
                short[][] stored,
                byte[] mask,
                int[] instances) {
            int tile = window.width();
            int nodata = 0;
            for (int r = 0; r < tile; r++) {
                int stripOffset = (window.row() - strip.row() + r) * strip.width() + window.col();
                for (int c = 0; c < tile; c++) {
                    int s = stripOffset + c;
                    int t = r * tile + c;
                    boolean valid = pixels.isValid(s);
                    for (int b = 0; b < stored.length; b++) {
                        stored[b][t] =
                                valid ? TileCodec.encode(pixels.band(b)[s]) : TileCodec.NO_DATA;
                    }
                    mask[t] = valid && stripMask[s] != 0 ? (byte) 1 : 0;
                    instances[t] = stripIds == null || mask[t] == 0 ? 0 : stripIds[s];
                    nodata += valid ? 0 : 1;
                }
            }
            if (stripIds == null) {
                int[] components = ConnectedComponents.label(mask, tile, tile, 1).labelImage();
                System.arraycopy(components, 0, instances, 0, components.length);
            }
            return nodata;
        }

        private static int count(byte[] mask) {
            int n = 0;
            for (byte m : mask) {
                n += m;
            }
            return n;
        }

        /** Whether a tile without vessels is kept: a seeded draw per tile, independent of order. */
        private boolean sampled(String sceneId, PixelWindow window) {
            long key =
                    ((long) sceneId.hashCode() << 32) ^ ((long) window.row() << 16) ^ window.col();
            return new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L ^ key).nextDouble()
                    < options.negatives();
        }

        private void keep(
                String sceneId,
                RasterGrid grid,
                PixelWindow window,
                Split split,
                short[][] stored,
                byte[] mask,
                int[] instances,
                int vessel,
                int nodata)
                throws IOException {
            String tileId =
                    String.format(
                            Locale.ROOT,
                            "%s_r%05d_c%05d",
                            sceneId.replaceAll("[^A-Za-z0-9_.-]", "_"),
                            window.row(),
                            window.col());
            List<Double> lengths =
                    InstanceObjects.of(
                                    instances,
                                    null,
                                    window.width(),
                                    window.height(),
                                    grid.pixelSizeX())
                            .stream()
                            .map(MaskObject::lengthM)
                            .toList();
            objectLengths.computeIfAbsent(split, s -> new ArrayList<>()).addAll(lengths);
            TileRecord record =
                    new TileRecord(
                            tileId,
                            sceneId,
                            split,
                            window.row(),
                            window.col(),
                            vessel,
                            nodata,
                            lengths.size());
            TileFile.write(
                    folder.resolve(record.file()),
                    grid.window(window),
                    options.bands(),
                    stored,
                    instances);
            histograms.add(split, stored, mask);
            records.add(record);
        }

        List<TileRecord> records() {
            return records;
        }

        BandHistograms histograms() {
            return histograms;
        }

        Map<Split, List<Double>> objectLengths() {
            return objectLengths;
        }

        int droppedNodata() {
            return droppedNodata;
        }

        int negativesNotSampled() {
            return negativesNotSampled;
        }

        int droppedAtBlockEdges() {
            return droppedAtBlockEdges;
        }
    }
}
