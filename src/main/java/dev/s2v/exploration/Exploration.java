package dev.s2v.exploration;

import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.DatasetStatistics;
import dev.s2v.files.AtomicFiles;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/**
 * {@code s2v explore}: samples a dataset's pixels per class, charts each band's distributions,
 * violins, a two-band scatter, the class imbalance and the per-band separability, optionally
 * compares each band's classes with those of another dataset, and writes it all with {@code
 * index.html} and {@code summary.md} into a folder that appears whole or not at all.
 */
public final class Exploration {
    private Exploration() {}

    /**
     * Runs an exploration.
     *
     * @param progress receives one line per step
     * @throws java.nio.file.NoSuchFileException when the dataset, the dataset to compare with, or a
     *     file of them is missing
     * @throws FileAlreadyExistsException when the output folder exists and is not an exploration
     * @throws IllegalArgumentException when a band is not in the dataset, the split has no tiles,
     *     or the dataset to compare with has none of the bands explored or the same name
     * @throws IOException when a tile cannot be read or a file written
     */
    public static ExplorationResult run(ExploreOptions options, Consumer<String> progress)
            throws IOException {
        long start = System.nanoTime();
        DatasetFolder dataset = DatasetFolder.open(options.dataset());
        List<SpectralBand> bands = chartedBands(options.bands(), dataset.bands());
        for (SpectralBand b : List.of(options.scatterX(), options.scatterY())) {
            requireBand(b, dataset.bands(), "--scatter");
        }
        Table classBalance = dataset.statistics(DatasetStatistics.CLASS_BALANCE);
        Table objects = dataset.statistics(DatasetStatistics.OBJECTS_BY_LENGTH);
        Path target = options.out().toAbsolutePath().normalize();
        requireReplaceable(target);
        Optional<DatasetFolder> other = openCompared(options, dataset, bands);

        PixelSample sample = sample(dataset, options, progress);
        SamplingSummary s = sample.summary();
        Map<SpectralBand, BandAnalysis> analyses = new LinkedHashMap<>();
        for (SpectralBand b : dataset.bands()) {
            if (bands.contains(b) || b == options.scatterX() || b == options.scatterY()) {
                analyses.put(b, BandAnalysis.of(b, sample, options.bandwidthRule()));
            }
        }
        List<BandAnalysis> charted = bands.stream().map(analyses::get).toList();
        ChartContext context =
                new ChartContext(
                        dataset.descriptor().name(),
                        options.split(),
                        s,
                        options.bandwidthRule(),
                        ChartContext.quantity(dataset.descriptor().inputLevel()));
        Optional<DatasetComparison> comparison = Optional.empty();
        if (other.isPresent()) {
            comparison = Optional.of(compare(other.get(), options, context, charted, progress));
        }

        Path staging = AtomicFiles.stagingFolder(target, "tmp");
        try {
            List<Figure> figures =
                    writeCharts(
                            staging,
                            sample,
                            charted,
                            analyses,
                            options,
                            context,
                            classBalance,
                            objects);
            List<Figure> comparisonFigures = List.of();
            if (comparison.isPresent()) {
                comparisonFigures = writeComparisonCharts(staging, comparison.get());
            }
            List<BandSeparability> separability =
                    charted.stream().map(BandAnalysis::separability).toList();
            ExplorationResult result =
                    new ExplorationResult(
                            dataset.descriptor().name(),
                            dataset.folder(),
                            target,
                            options.split(),
                            bands,
                            dataset.tileSize(),
                            s,
                            new int[] {
                                sample.size(PixelClass.BACKGROUND), sample.size(PixelClass.VESSEL)
                            },
                            separability,
                            figures,
                            options.bandwidthRule(),
                            context.quantity(),
                            comparison,
                            comparisonFigures,
                            (System.nanoTime() - start) / 1e9);
            ExplorationPages.write(staging, result, classBalance);
            AtomicFiles.replaceFolder(staging, target);
            progress.accept(
                    String.format(
                            Locale.ROOT,
                            "wrote %d charts (PNG and SVG), index.html and summary.md to %s",
                            figures.size() + comparisonFigures.size(),
                            target));
            return result;
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteRecursively(staging);
            throw e;
        }
    }

    private static List<Figure> writeCharts(
            Path dir,
            PixelSample sample,
            List<BandAnalysis> charted,
            Map<SpectralBand, BandAnalysis> analyses,
            ExploreOptions options,
            ChartContext context,
            Table classBalance,
            Table objects)
            throws IOException {
        ChartWriter charts = new ChartWriter(dir);
        // Overview first, then each band's detail.
        charts.add(
                new Figure(
                        "class_imbalance",
                        "Class imbalance",
                        ExplorationCaptions.classImbalance(classBalance)),
                ExplorationCharts.classImbalance(classBalance, objects));
        charts.add(
                new Figure(
                        "separability",
                        "Separability per band",
                        ExplorationCaptions.separability(charted)),
                ExplorationCharts.separability(charted, context));
        charts.add(
                new Figure(
                        "violins_all_bands",
                        "Violins of every band",
                        ExplorationCaptions.violins(charted, options.split())),
                ExplorationCharts.violins(charted, context));
        charts.add(
                new Figure(
                        "spectra",
                        "Reflectance spectra by class",
                        ExplorationCaptions.spectra(charted)),
                ExplorationCharts.spectra(charted, context));
        BandAnalysis x = analyses.get(options.scatterX());
        BandAnalysis y = analyses.get(options.scatterY());
        charts.add(
                new Figure(
                        "scatter_" + x.band().name() + "_" + y.band().name(),
                        "Scatter: " + x.band().label() + " against " + y.band().label(),
                        ExplorationCaptions.scatter(x, y)),
                ExplorationCharts.scatter(sample, x, y, context));
        for (BandAnalysis b : charted) {
            charts.add(
                    new Figure(
                            "distribution_" + b.band().name(),
                            "Distribution: " + ExplorationCharts.bandName(b.band()),
                            ExplorationCaptions.distribution(b, context)),
                    ExplorationCharts.distribution(b, context, options.logY()));
            charts.add(
                    new Figure(
                            "violin_" + b.band().name(),
                            "Violins: " + ExplorationCharts.bandName(b.band()),
                            ExplorationCaptions.violin(b)),
                    ExplorationCharts.violin(b, context));
        }
        return charts.writeAll();
    }

    /** Draws a dataset's sample as the options say, reporting what it reads and keeps. */
    private static PixelSample sample(
            DatasetFolder dataset, ExploreOptions options, Consumer<String> progress)
            throws IOException {
        progress.accept(
                String.format(
                        Locale.ROOT,
                        "sampling up to %,d pixels per class from the %s of %s (at most %,d tiles,"
                                + " seed %d)",
                        options.samplesPerClass(),
                        options.split().label(),
                        dataset.folder(),
                        options.maxTiles(),
                        options.seed()));
        PixelSample sample =
                PixelSampler.draw(
                        dataset,
                        options.split().splits(),
                        options.samplesPerClass(),
                        options.maxTiles(),
                        options.seed());
        SamplingSummary s = sample.summary();
        progress.accept(
                String.format(
                        Locale.ROOT,
                        "read %,d of %,d tiles in %.1f s: %,d background and %,d vessel pixels"
                                + " sampled",
                        s.tilesRead(),
                        s.tiles(),
                        s.seconds(),
                        sample.size(PixelClass.BACKGROUND),
                        sample.size(PixelClass.VESSEL)));
        return sample;
    }

    /**
     * Opens the dataset to compare with, before anything is sampled, and checks that it can be
     * compared: it exists, goes by another name than the dataset, and has a charted band.
     */
    private static Optional<DatasetFolder> openCompared(
            ExploreOptions options, DatasetFolder dataset, List<SpectralBand> charted)
            throws IOException {
        if (options.compare().isEmpty()) {
            return Optional.empty();
        }
        Path folder = options.compare().get();
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(
                    folder.toString(), null, "no such dataset folder to compare with (--compare)");
        }
        DatasetFolder other = DatasetFolder.open(folder);
        String name = options.compareName().orElse(other.descriptor().name());
        if (name.equals(dataset.descriptor().name())) {
            throw new IllegalArgumentException(
                    "--compare: both datasets are named '"
                            + name
                            + "'; call the compared one something else with --compare-name NAME");
        }
        if (DatasetComparison.commonBands(charted, other.bands()).isEmpty()) {
            throw new IllegalArgumentException(
                    "--compare: "
                            + folder
                            + " has no band in common with the bands explored: it has "
                            + String.join(", ", other.bands().stream().map(Enum::name).toList())
                            + ", the bands explored are "
                            + String.join(", ", charted.stream().map(Enum::name).toList()));
        }
        return Optional.of(other);
    }

    /** Samples the compared dataset as the explored one was and compares the charted bands. */
    private static DatasetComparison compare(
            DatasetFolder other,
            ExploreOptions options,
            ChartContext context,
            List<BandAnalysis> charted,
            Consumer<String> progress)
            throws IOException {
        PixelSample sample = sample(other, options, progress);
        ChartContext otherContext =
                new ChartContext(
                        options.compareName().orElse(other.descriptor().name()),
                        options.split(),
                        sample.summary(),
                        options.bandwidthRule(),
                        ChartContext.quantity(other.descriptor().inputLevel()));
        return DatasetComparison.of(context, charted, otherContext, sample);
    }

    private static List<Figure> writeComparisonCharts(Path dir, DatasetComparison comparison)
            throws IOException {
        ChartWriter charts = new ChartWriter(dir);
        charts.add(
                new Figure(
                        "compare_distances",
                        "Distances per band and class",
                        ComparisonCaptions.distances(comparison)),
                ComparisonCharts.distances(comparison));
        charts.add(
                new Figure(
                        "compare_spectra",
                        "Spectra of both datasets",
                        ComparisonCaptions.spectra(comparison)),
                ComparisonCharts.spectra(comparison));
        for (DatasetComparison.BandPair pair : comparison.bands()) {
            charts.add(
                    new Figure(
                            "compare_" + pair.band().name(),
                            "Compared: " + ExplorationCharts.bandName(pair.band()),
                            ComparisonCaptions.band(comparison, pair)),
                    ComparisonCharts.band(comparison, pair));
        }
        return charts.writeAll();
    }

    private static List<SpectralBand> chartedBands(
            List<SpectralBand> asked, List<SpectralBand> available) {
        if (asked.isEmpty()) {
            return available;
        }
        for (SpectralBand b : asked) {
            requireBand(b, available, "--bands");
        }
        return available.stream().filter(asked::contains).toList();
    }

    private static void requireBand(SpectralBand band, List<SpectralBand> available, String flag) {
        if (!available.contains(band)) {
            throw new IllegalArgumentException(
                    flag
                            + ": band "
                            + band
                            + " is not in the dataset; it has "
                            + String.join(", ", available.stream().map(Enum::name).toList()));
        }
    }

    /** Refuses to replace a folder unless it is empty or an earlier exploration. */
    private static void requireReplaceable(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(
                    target.toString(), null, "is not a folder; choose another --out");
        }
        boolean earlier =
                Files.exists(target.resolve(ExplorationPages.HTML))
                        && Files.exists(target.resolve(ExplorationPages.MARKDOWN));
        boolean empty;
        try (Stream<Path> entries = Files.list(target)) {
            empty = entries.findAny().isEmpty();
        }
        if (!earlier && !empty) {
            throw new FileAlreadyExistsException(
                    target.toString(),
                    null,
                    "holds files of something other than s2v explore; choose another --out");
        }
    }
}
