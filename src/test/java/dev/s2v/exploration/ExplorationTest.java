package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.charts.Charts;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.TestDatasets;
import dev.s2v.raster.Natives;
import dev.s2v.raster.SpectralBand;
import java.awt.image.BufferedImage;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("native")
class ExplorationTest {
    @TempDir static Path shared;
    private static DatasetFolder withVessels;
    private static DatasetFolder withoutVessels;
    private static DatasetFolder shifted;

    @TempDir Path dir;

    private static synchronized DatasetFolder withVessels() throws Exception {
        Natives.assumeGdal();
        if (withVessels == null) {
            withVessels = TestDatasets.write(shared.resolve("with"), 3, 96, 32, 21);
        }
        return withVessels;
    }

    private static synchronized DatasetFolder withoutVessels() throws Exception {
        Natives.assumeGdal();
        if (withoutVessels == null) {
            withoutVessels = TestDatasets.write(shared.resolve("without"), 3, 64, 32, 22, false);
        }
        return withoutVessels;
    }

    /**
     * The tiles of {@link #withVessels()} again, holding only B08 and B03, in that order, with B08
     * made 0.03 brighter: compared by name, B03 is identical and B08 shifted.
     */
    private static synchronized DatasetFolder shifted() throws Exception {
        Natives.assumeGdal();
        if (shifted == null) {
            DatasetFolder d =
                    TestDatasets.write(
                            shared.resolve("shifted"),
                            3,
                            96,
                            32,
                            21,
                            true,
                            List.of(SpectralBand.B08, SpectralBand.B03));
            for (Split split : Split.values()) {
                TestDatasets.rewrite(
                        d,
                        split,
                        (tile, stored, mask) -> {
                            for (int p = 0; p < stored[0].length; p++) {
                                stored[0][p] += 300;
                            }
                        });
            }
            shifted = d;
        }
        return shifted;
    }

    private static ExploreOptions options(DatasetFolder dataset, Path out, SplitSelection split) {
        return options(dataset, out, split, List.of());
    }

    /** Options charting only the given bands (all when empty): fewer charts, quicker tests. */
    private static ExploreOptions options(
            DatasetFolder dataset, Path out, SplitSelection split, List<SpectralBand> bands) {
        return options(dataset, out, split, bands, Optional.empty(), Optional.empty());
    }

    private static ExploreOptions options(
            DatasetFolder dataset,
            Path out,
            SplitSelection split,
            List<SpectralBand> bands,
            Optional<Path> compare,
            Optional<String> compareName) {
        ExploreOptions d = ExploreOptions.defaults(dataset.folder());
        return new ExploreOptions(
                d.dataset(),
                split,
                2000,
                d.maxTiles(),
                d.seed(),
                out,
                bands,
                d.scatterX(),
                d.scatterY(),
                false,
                d.bandwidthRule(),
                compare,
                compareName);
    }

    @Test
    void writesEveryChartAsReadablePngAndSvgWithItsPages() throws Exception {
        Path out = dir.resolve("explore");
        List<String> progress = new ArrayList<>();
        ExplorationResult result =
                Exploration.run(options(withVessels(), out, SplitSelection.ALL), progress::add);
        assertEquals(out.toAbsolutePath().normalize(), result.out());
        assertEquals(TestDatasets.BANDS, result.bands());
        // Four bands: a distribution and a violin each, then five figures of all bands.
        assertEquals(2 * 4 + 5, result.figures().size());
        String html = Files.readString(out.resolve(ExplorationPages.HTML));
        String markdown = Files.readString(out.resolve(ExplorationPages.MARKDOWN));
        for (Figure f : result.figures()) {
            BufferedImage png = ImageIO.read(out.resolve(f.file() + ".png").toFile());
            assertEquals(Charts.WIDTH, png.getWidth(), f.file());
            assertEquals(Charts.HEIGHT, png.getHeight(), f.file());
            assertTrue(Files.readString(out.resolve(f.file() + ".svg")).contains("<svg"), f.file());
            assertTrue(html.contains("<img src=\"" + f.file() + ".png\""), f.file());
            assertTrue(markdown.contains("](" + f.file() + ".png)"), f.file());
            assertFalse(f.caption().isBlank());
        }
        assertTrue(Files.exists(out.resolve("scatter_B04_B08.png")));
        // The test scenes: vessels near 0.25, water near 0.05, noise +-0.01: no overlap at all.
        for (BandSeparability s : result.separability()) {
            assertEquals(1.0, s.auc(), s.band().name());
            assertEquals(Double.POSITIVE_INFINITY, s.bhattacharyya(), s.band().name());
        }
        assertTrue(
                markdown.contains(
                        "| B02 490 nm | blue | brighter | 1.000 | infinite (no overlap) |"),
                markdown);
        List<String> csv = Files.readAllLines(out.resolve(ExplorationPages.SEPARABILITY));
        assertEquals(5, csv.size());
        assertTrue(csv.get(1).startsWith("B02,490,1.000000,1.000000,inf,"), csv.get(1));
        assertTrue(
                progress.get(0)
                        .startsWith("sampling up to 2,000 pixels per class from the all splits"),
                progress.get(0));
        assertTrue(result.sampling().readAll());
        assertEquals(2000, result.sampled(PixelClass.BACKGROUND));
    }

    @Test
    void comparesTheBandsBothDatasetsHaveByNameAndShowsWhereTheyDiffer() throws Exception {
        Path out = dir.resolve("compared");
        List<String> progress = new ArrayList<>();
        ExplorationResult result =
                Exploration.run(
                        options(
                                withVessels(),
                                out,
                                SplitSelection.ALL,
                                List.of(),
                                Optional.of(shifted().folder()),
                                Optional.of("shifted")),
                        progress::add);
        DatasetComparison comparison = result.comparison().orElseThrow();
        assertEquals(
                List.of(SpectralBand.B03, SpectralBand.B08),
                comparison.bands().stream().map(DatasetComparison.BandPair::band).toList());
        // The same tiles and seed draw the same pixels: B03 is identical, B08 0.03 brighter, so
        // far that the samples no longer overlap (water 0.05 +- 0.01, vessels 0.25 +- 0.01).
        for (PixelClass c : PixelClass.values()) {
            SampleDistance same = comparison.bands().get(0).compare(c).distance();
            assertEquals(0, same.kolmogorovSmirnov(), c.label());
            assertEquals(0, same.wasserstein1(), c.label());
            SampleDistance apart = comparison.bands().get(1).compare(c).distance();
            assertEquals(1, apart.kolmogorovSmirnov(), c.label());
            assertEquals(0.03, apart.wasserstein1(), 1e-6, c.label());
        }
        assertEquals(
                List.of("compare_distances", "compare_spectra", "compare_B03", "compare_B08"),
                result.comparisonFigures().stream().map(Figure::file).toList());
        String html = Files.readString(out.resolve(ExplorationPages.HTML));
        for (Figure f : result.comparisonFigures()) {
            BufferedImage png = ImageIO.read(out.resolve(f.file() + ".png").toFile());
            assertEquals(Charts.WIDTH, png.getWidth(), f.file());
            assertEquals(Charts.HEIGHT, png.getHeight(), f.file());
            assertTrue(Files.exists(out.resolve(f.file() + ".svg")), f.file());
            assertTrue(html.contains("<img src=\"" + f.file() + ".png\""), f.file());
        }
        assertTrue(html.contains("<h2 id=\"compared\">Compared with shifted</h2>"), html);
        assertTrue(html.contains("shifted lacks B02, B04, left out here."), html);
        assertTrue(
                html.contains(
                        "Background pixels differ most in B08 (Wasserstein-1 0.0300,"
                                + " Kolmogorov-Smirnov 1.00) and least in B03 (Wasserstein-1"
                                + " 0.0000, Kolmogorov-Smirnov 0.00)."),
                html);
        List<String> csv = Files.readAllLines(out.resolve(ExplorationPages.COMPARISON));
        assertEquals(5, csv.size());
        assertTrue(csv.get(0).startsWith("band,wavelength_nm,class,a_pixels,a_p5,"), csv.get(0));
        assertTrue(csv.get(3).startsWith("B08,842,background,2000,"), csv.get(3));
        assertTrue(csv.get(3).endsWith(",1.0,0.03"), csv.get(3));
        String markdown = Files.readString(out.resolve(ExplorationPages.MARKDOWN));
        assertTrue(markdown.contains("| B03 560 nm | dataset | 2,000 |"), markdown);
        assertTrue(markdown.contains("|  | shifted | 2,000 |"), markdown);
        assertTrue(
                progress.get(2).startsWith("sampling up to 2,000 pixels per class from the all"),
                progress.get(2));
        assertTrue(progress.get(2).contains("shifted"), progress.get(2));
    }

    @Test
    void refusesAComparisonThatCannotBeMadeBeforeSamplingAnything() throws Exception {
        Path out = dir.resolve("refused");
        DatasetFolder dataset = withVessels();
        Path missing = dir.resolve("nowhere");
        NoSuchFileException none =
                assertThrows(
                        NoSuchFileException.class,
                        () ->
                                Exploration.run(
                                        options(
                                                dataset,
                                                out,
                                                SplitSelection.ALL,
                                                List.of(),
                                                Optional.of(missing),
                                                Optional.empty()),
                                        line -> {}));
        assertEquals(missing.toString(), none.getFile());
        assertEquals("no such dataset folder to compare with (--compare)", none.getReason());
        IllegalArgumentException sameName =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Exploration.run(
                                        options(
                                                dataset,
                                                out,
                                                SplitSelection.ALL,
                                                List.of(),
                                                Optional.of(shifted().folder()),
                                                Optional.empty()),
                                        line -> {}));
        assertEquals(
                "--compare: both datasets are named 'dataset'; call the compared one something"
                        + " else with --compare-name NAME",
                sameName.getMessage());
        List<String> progress = new ArrayList<>();
        IllegalArgumentException disjoint =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Exploration.run(
                                        options(
                                                dataset,
                                                out,
                                                SplitSelection.ALL,
                                                List.of(SpectralBand.B02, SpectralBand.B04),
                                                Optional.of(shifted().folder()),
                                                Optional.of("shifted")),
                                        progress::add));
        assertEquals(
                "--compare: "
                        + shifted().folder()
                        + " has no band in common with the bands explored: it has B08, B03, the"
                        + " bands explored are B02, B04",
                disjoint.getMessage());
        assertEquals(List.of(), progress, "refused before any sampling");
        assertFalse(Files.exists(out), "nothing written after a refusal");
    }

    @Test
    void replacesAnEarlierExplorationButNoOtherFolder() throws Exception {
        Path out = dir.resolve("explore");
        List<SpectralBand> red = List.of(SpectralBand.B04);
        Exploration.run(options(withVessels(), out, SplitSelection.TRAIN, red), line -> {});
        Files.writeString(out.resolve("stale.txt"), "from before");
        Exploration.run(options(withVessels(), out, SplitSelection.TEST, red), line -> {});
        assertFalse(Files.exists(out.resolve("stale.txt")));
        assertTrue(Files.readString(out.resolve(ExplorationPages.MARKDOWN)).contains("test split"));

        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        FileAlreadyExistsException e =
                assertThrows(
                        FileAlreadyExistsException.class,
                        () ->
                                Exploration.run(
                                        options(withVessels(), foreign, SplitSelection.TRAIN),
                                        line -> {}));
        assertTrue(e.getReason().contains("other than s2v explore"), e.getReason());
        assertEquals("precious", Files.readString(foreign.resolve("thesis.tex")));
    }

    @Test
    void aSplitWithoutVesselPixelsIsChartedAndSaysSo() throws Exception {
        Path out = dir.resolve("none");
        ExplorationResult result =
                Exploration.run(
                        options(
                                withoutVessels(),
                                out,
                                SplitSelection.VAL,
                                List.of(SpectralBand.B02)),
                        line -> {});
        assertEquals(0, result.sampled(PixelClass.VESSEL));
        for (BandSeparability s : result.separability()) {
            assertFalse(s.defined());
            assertEquals("n/a", s.vesselsAre());
        }
        String markdown = Files.readString(out.resolve(ExplorationPages.MARKDOWN));
        assertTrue(markdown.contains("| B02 490 nm | blue | n/a | n/a | n/a | 0 |"), markdown);
        assertTrue(markdown.contains("There are no vessel pixels in the val split"), markdown);
        assertTrue(markdown.contains("The dataset has no vessel pixels."), markdown);
        for (Figure f : result.figures()) {
            assertEquals(
                    Charts.WIDTH, ImageIO.read(out.resolve(f.file() + ".png").toFile()).getWidth());
        }
    }

    @Test
    void refusesBandsTheDatasetLacksAndMissingOrIncompleteDatasets() throws Exception {
        DatasetFolder dataset = withVessels();
        ExploreOptions d = options(dataset, dir.resolve("x"), SplitSelection.TRAIN);
        IllegalArgumentException band =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Exploration.run(
                                        new ExploreOptions(
                                                d.dataset(),
                                                d.split(),
                                                d.samplesPerClass(),
                                                d.maxTiles(),
                                                d.seed(),
                                                d.out(),
                                                List.of(SpectralBand.B11),
                                                d.scatterX(),
                                                d.scatterY(),
                                                false,
                                                d.bandwidthRule(),
                                                Optional.empty(),
                                                Optional.empty()),
                                        line -> {}));
        assertEquals(
                "--bands: band B11 is not in the dataset; it has B02, B03, B04, B08",
                band.getMessage());
        IllegalArgumentException scatter =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Exploration.run(
                                        new ExploreOptions(
                                                d.dataset(),
                                                d.split(),
                                                d.samplesPerClass(),
                                                d.maxTiles(),
                                                d.seed(),
                                                d.out(),
                                                List.of(),
                                                SpectralBand.B12,
                                                d.scatterY(),
                                                false,
                                                d.bandwidthRule(),
                                                Optional.empty(),
                                                Optional.empty()),
                                        line -> {}));
        assertTrue(scatter.getMessage().startsWith("--scatter: band B12 is not in the dataset"));
        assertFalse(Files.exists(d.out()), "nothing written after a refusal");

        NoSuchFileException missing =
                assertThrows(
                        NoSuchFileException.class,
                        () ->
                                Exploration.run(
                                        ExploreOptions.defaults(dir.resolve("nowhere")),
                                        line -> {}));
        assertEquals(dir.resolve("nowhere").toString(), missing.getFile());

        Path incomplete = dir.resolve("incomplete");
        Files.createDirectories(incomplete.resolve("tiles"));
        Files.copy(
                dataset.folder().resolve(DatasetFolder.DESCRIPTOR),
                incomplete.resolve(DatasetFolder.DESCRIPTOR));
        NoSuchFileException manifest =
                assertThrows(
                        NoSuchFileException.class,
                        () -> Exploration.run(ExploreOptions.defaults(incomplete), line -> {}));
        assertEquals(incomplete.resolve("manifest.csv").toString(), manifest.getFile());

        Files.copy(dataset.folder().resolve("manifest.csv"), incomplete.resolve("manifest.csv"));
        NoSuchFileException stats =
                assertThrows(
                        NoSuchFileException.class,
                        () -> Exploration.run(ExploreOptions.defaults(incomplete), line -> {}));
        assertTrue(stats.getFile().endsWith("class_balance.csv"), stats.getFile());
    }
}
