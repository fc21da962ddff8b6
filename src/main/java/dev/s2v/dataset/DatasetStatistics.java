package dev.s2v.dataset;

import dev.s2v.dataset.BandHistograms.BandSummary;
import dev.s2v.dataset.DatasetDescriptor.NormalizationParameters;
import dev.s2v.files.AtomicFiles;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * The class-imbalance statistics of a dataset, per split and overall, as Tablesaw tables: tile and
 * pixel counts, the distribution of the vessel share per tile, vessel objects by length, and per
 * band and class reflectance statistics. Vessels are about one pixel in a hundred: these numbers
 * drive the choice of loss, class weight and negative sampling.
 */
public final class DatasetStatistics {
    /** Length bins of vessel objects, in metres: the bins the evaluation reports by. */
    public static final double[] LENGTH_BIN_EDGES_M = {25, 50, 100};

    private static final String ALL = "all";

    private final List<SpectralBand> bands;
    private final int tileSize;
    private final Table tiles;
    private final BandHistograms histograms;
    private final Map<Split, List<Double>> objectLengthsM;

    /**
     * Statistics of a dataset's tiles.
     *
     * @param objectLengthsM lengths of the vessel objects of each split's tiles
     */
    DatasetStatistics(
            List<SpectralBand> bands,
            int tileSize,
            List<TileRecord> records,
            BandHistograms histograms,
            Map<Split, List<Double>> objectLengthsM) {
        this.bands = List.copyOf(bands);
        this.tileSize = tileSize;
        this.histograms = histograms;
        this.objectLengthsM = objectLengthsM;
        this.tiles = tileTable(records, tileSize);
    }

    private static Table tileTable(List<TileRecord> records, int tileSize) {
        StringColumn split = StringColumn.create("split");
        IntColumn vessel = IntColumn.create("vessel_pixels");
        IntColumn valid = IntColumn.create("valid_pixels");
        IntColumn objects = IntColumn.create("vessel_objects");
        DoubleColumn fraction = DoubleColumn.create("vessel_fraction");
        for (TileRecord r : records) {
            int validPixels = tileSize * tileSize - r.nodataPixels();
            split.append(r.split().key());
            vessel.append(r.vesselPixels());
            valid.append(validPixels);
            objects.append(r.vesselObjects());
            fraction.append(validPixels == 0 ? 0 : r.vesselPixels() / (double) validPixels);
        }
        return Table.create("tiles", split, vessel, valid, objects, fraction);
    }

    private Table tilesOf(String splitKey) {
        return splitKey.equals(ALL)
                ? tiles
                : tiles.where(tiles.stringColumn("split").isEqualTo(splitKey));
    }

    private static List<String> splitKeys() {
        List<String> keys = new ArrayList<>();
        for (Split s : Split.values()) {
            keys.add(s.key());
        }
        keys.add(ALL);
        return keys;
    }

    private static Split[] splitsOf(String key) {
        return key.equals(ALL) ? Split.values() : new Split[] {Split.parse(key)};
    }

    /**
     * Tiles, pixels and the vessel share per split, with the positive-class weight (background
     * pixels per vessel pixel) that would balance a cross-entropy loss.
     */
    public Table classBalance() {
        StringColumn split = StringColumn.create("split");
        IntColumn tileCount = IntColumn.create("tiles");
        IntColumn withVessels = IntColumn.create("tiles_with_vessels");
        IntColumn without = IntColumn.create("tiles_without_vessels");
        LongColumn pixels = LongColumn.create("valid_pixels");
        LongColumn vesselPixels = LongColumn.create("vessel_pixels");
        DoubleColumn fraction = DoubleColumn.create("vessel_fraction");
        DoubleColumn weight = DoubleColumn.create("positive_class_weight");
        LongColumn objects = LongColumn.create("vessel_objects");
        for (String key : splitKeys()) {
            Table part = tilesOf(key);
            long vessel = (long) part.intColumn("vessel_pixels").sum();
            long valid = (long) part.intColumn("valid_pixels").sum();
            int positive = part.where(part.intColumn("vessel_pixels").isGreaterThan(0)).rowCount();
            split.append(key);
            tileCount.append(part.rowCount());
            withVessels.append(positive);
            without.append(part.rowCount() - positive);
            pixels.append(valid);
            vesselPixels.append(vessel);
            fraction.append(valid == 0 ? Double.NaN : vessel / (double) valid);
            weight.append(vessel == 0 ? Double.NaN : (valid - vessel) / (double) vessel);
            objects.append((long) part.intColumn("vessel_objects").sum());
        }
        return Table.create(
                "class balance",
                split,
                tileCount,
                withVessels,
                without,
                pixels,
                vesselPixels,
                fraction,
                weight,
                objects);
    }

    /**
     * The distribution of the vessel share of a tile among tiles with vessels (Tablesaw's
     * percentiles, interpolated as Apache Commons Math does by default), and its mean over all
     * tiles.
     */
    public Table tileVesselFraction() {
        double[] percentiles = {10, 25, 50, 75, 90};
        StringColumn split = StringColumn.create("split");
        IntColumn count = IntColumn.create("tiles_with_vessels");
        DoubleColumn meanAll = DoubleColumn.create("mean_all_tiles");
        List<DoubleColumn> quantiles = new ArrayList<>();
        for (double p : percentiles) {
            quantiles.add(DoubleColumn.create("p" + (int) p));
        }
        DoubleColumn max = DoubleColumn.create("max");
        for (String key : splitKeys()) {
            Table part = tilesOf(key);
            DoubleColumn positive =
                    part.where(part.intColumn("vessel_pixels").isGreaterThan(0))
                            .doubleColumn("vessel_fraction");
            split.append(key);
            count.append(positive.size());
            meanAll.append(
                    part.rowCount() == 0
                            ? Double.NaN
                            : part.doubleColumn("vessel_fraction").mean());
            for (int i = 0; i < percentiles.length; i++) {
                quantiles
                        .get(i)
                        .append(
                                positive.isEmpty()
                                        ? Double.NaN
                                        : positive.percentile(percentiles[i]));
            }
            max.append(positive.isEmpty() ? Double.NaN : positive.max());
        }
        Table table = Table.create("vessel share per tile", split, count, meanAll);
        quantiles.forEach(table::addColumns);
        table.addColumns(max);
        return table;
    }

    /** Vessel objects (as tiles show them) per length bin and split. */
    public Table objectSizes() {
        StringColumn split = StringColumn.create("split");
        StringColumn bin = StringColumn.create("length_bin");
        IntColumn objects = IntColumn.create("objects");
        for (String key : splitKeys()) {
            int[] counts = new int[LENGTH_BIN_EDGES_M.length + 1];
            for (Split s : splitsOf(key)) {
                for (double length : objectLengthsM.getOrDefault(s, List.of())) {
                    counts[lengthBin(length)]++;
                }
            }
            for (int b = 0; b < counts.length; b++) {
                split.append(key);
                bin.append(lengthBinLabel(b));
                objects.append(counts[b]);
            }
        }
        return Table.create("vessel objects by length", split, bin, objects);
    }

    /** The bin of a length: 0 for below the first edge, and so on. */
    static int lengthBin(double lengthM) {
        int bin = 0;
        while (bin < LENGTH_BIN_EDGES_M.length && lengthM >= LENGTH_BIN_EDGES_M[bin]) {
            bin++;
        }
        return bin;
    }

    /** A bin's label, e.g. {@code <25 m}, {@code 25-50 m}, {@code >=100 m}. */
    static String lengthBinLabel(int bin) {
        double[] e = LENGTH_BIN_EDGES_M;
        if (bin == 0) {
            return "<" + (int) e[0] + " m";
        }
        if (bin == e.length) {
            return ">=" + (int) e[e.length - 1] + " m";
        }
        return (int) e[bin - 1] + "-" + (int) e[bin] + " m";
    }

    /** Reflectance statistics per split, band and class (background, vessel). */
    public Table bandStatistics() {
        StringColumn split = StringColumn.create("split");
        StringColumn band = StringColumn.create("band");
        StringColumn cls = StringColumn.create("class");
        LongColumn pixels = LongColumn.create("pixels");
        DoubleColumn mean = DoubleColumn.create("mean");
        DoubleColumn std = DoubleColumn.create("std");
        DoubleColumn min = DoubleColumn.create("min");
        List<DoubleColumn> percentiles = new ArrayList<>();
        for (double p : BandSummary.PERCENTILES) {
            percentiles.add(DoubleColumn.create("p" + (int) p));
        }
        DoubleColumn max = DoubleColumn.create("max");
        for (String key : splitKeys()) {
            for (int b = 0; b < bands.size(); b++) {
                for (int c : new int[] {BandHistograms.BACKGROUND, BandHistograms.VESSEL}) {
                    BandSummary s = histograms.summary(b, splitsOf(key), c);
                    split.append(key);
                    band.append(bands.get(b).name());
                    cls.append(c == BandHistograms.VESSEL ? "vessel" : "background");
                    pixels.append(s.pixels());
                    mean.append(s.mean());
                    std.append(s.std());
                    min.append(s.min());
                    for (int i = 0; i < percentiles.size(); i++) {
                        percentiles.get(i).append(s.percentiles()[i]);
                    }
                    max.append(s.max());
                }
            }
        }
        Table table = Table.create("reflectance by band and class", split, band, cls, pixels);
        table.addColumns(mean, std, min);
        percentiles.forEach(table::addColumns);
        table.addColumns(max);
        return table;
    }

    /**
     * Per-band maximum, mean and standard deviation of the training split (both classes); of all
     * tiles in a dataset made only to evaluate, which has no training split (a model brings its own
     * normalisation there: these only describe the data).
     */
    public NormalizationParameters normalization() {
        List<Double> max = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        List<Double> std = new ArrayList<>();
        boolean trains = tilesOf(Split.TRAIN.key()).rowCount() > 0;
        Split[] splits = trains ? new Split[] {Split.TRAIN} : Split.values();
        for (int b = 0; b < bands.size(); b++) {
            BandSummary s =
                    histograms.summary(b, splits, BandHistograms.BACKGROUND, BandHistograms.VESSEL);
            if (s.pixels() == 0) {
                throw new IllegalArgumentException(
                        (trains ? "the training split" : "the dataset")
                                + " has no valid pixels of "
                                + bands.get(b)
                                + ": cannot derive its normalisation");
            }
            max.add(s.max());
            mean.add(s.mean());
            // A constant band would divide by zero; one quantisation step is its true resolution.
            std.add(Math.max(s.std(), 1 / TileCodec.QUANTIFICATION));
        }
        return new NormalizationParameters(max, mean, std);
    }

    /** Background pixels per vessel pixel in the training split (NaN without vessel pixels). */
    public double positiveClassWeight() {
        Table part = tilesOf(Split.TRAIN.key());
        double vessel = part.intColumn("vessel_pixels").sum();
        double valid = part.intColumn("valid_pixels").sum();
        return vessel == 0 ? Double.NaN : (valid - vessel) / vessel;
    }

    /** The tile size the statistics were computed for. */
    public int tileSize() {
        return tileSize;
    }

    /**
     * Writes every table as CSV into {@code dir} (class_balance, tile_vessel_fraction,
     * objects_by_length, band_statistics).
     *
     * @throws IOException when a file cannot be written
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeCsv(classBalance(), dir.resolve(CLASS_BALANCE));
        writeCsv(tileVesselFraction(), dir.resolve(TILE_VESSEL_FRACTION));
        writeCsv(objectSizes(), dir.resolve(OBJECTS_BY_LENGTH));
        writeCsv(bandStatistics(), dir.resolve(BAND_STATISTICS));
    }

    /** File names of the tables in {@code stats/}. */
    public static final String CLASS_BALANCE = "class_balance.csv";

    /** File name of the per-tile vessel share table. */
    public static final String TILE_VESSEL_FRACTION = "tile_vessel_fraction.csv";

    /** File name of the objects-by-length table. */
    public static final String OBJECTS_BY_LENGTH = "objects_by_length.csv";

    /** File name of the band statistics table. */
    public static final String BAND_STATISTICS = "band_statistics.csv";

    private static void writeCsv(Table table, Path file) throws IOException {
        StringWriter text = new StringWriter();
        table.write().csv(text);
        AtomicFiles.writeString(file, text.toString());
    }

    /** The summary printed after building. */
    public String summary() {
        return summary(classBalance(), tileVesselFraction(), objectSizes());
    }

    /**
     * The printed summary of the class balance, the vessel share per tile and the objects by length
     * (all splits pooled), from live tables or tables read back from {@code stats/}.
     */
    public static String summary(Table classBalance, Table tileVesselFraction, Table objectSizes) {
        Table objects = objectSizes.where(objectSizes.stringColumn("split").isEqualTo(ALL));
        return styled(classBalance).printAll()
                + "\n\n"
                + styled(tileVesselFraction).printAll()
                + "\n\n"
                + objects.printAll();
    }

    /**
     * Sets how a table's numbers print: shares as percentages, reflectances to four decimals,
     * weights to one.
     */
    public static Table styled(Table table) {
        boolean shares = table.columnNames().contains("mean_all_tiles");
        for (String name : table.columnNames()) {
            if (!(table.column(name) instanceof DoubleColumn column)) {
                continue;
            }
            if (name.equals("positive_class_weight")) {
                column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
            } else if (shares || name.equals("vessel_fraction")) {
                column.setPrintFormatter(NumberColumnFormatter.percent(3));
            } else {
                column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
            }
        }
        return table;
    }
}
