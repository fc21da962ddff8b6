package dev.s2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.TestDatasets;
import dev.s2v.raster.Natives;
import dev.s2v.raster.SpectralBand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("native")
class ExploreCommandTest {
    @TempDir static Path shared;
    private static DatasetFolder dataset;
    private static DatasetFolder other;

    @TempDir Path dir;

    private static synchronized String dataset() throws Exception {
        Natives.assumeGdal();
        if (dataset == null) {
            dataset = TestDatasets.write(shared, 3, 64, 32, 31);
        }
        return dataset.folder().toString();
    }

    /** The same scenes holding only B08 and B03. */
    private static synchronized String other() throws Exception {
        Natives.assumeGdal();
        if (other == null) {
            other =
                    TestDatasets.write(
                            shared.resolve("other"),
                            3,
                            64,
                            32,
                            31,
                            true,
                            List.of(SpectralBand.B08, SpectralBand.B03));
        }
        return other.folder().toString();
    }

    @Test
    void comparesWithAnotherDatasetAndPrintsWhereTheyDiffer() throws Exception {
        Path out = dir.resolve("compared");
        CliRunner r =
                CliRunner.run(
                        "explore",
                        "--dataset",
                        dataset(),
                        "--compare",
                        other(),
                        "--compare-name",
                        "real",
                        "--bands",
                        "B03,B04",
                        "--samples",
                        "500",
                        "--out",
                        out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(out.resolve("compare_B03.png")));
        assertFalse(Files.exists(out.resolve("compare_B04.png")), "B04 is not in the other");
        assertTrue(Files.exists(out.resolve("comparison.csv")));
        assertTrue(
                r.out()
                        .contains(
                                "Compared with real: Background pixels differ most in B03"
                                        + " (Wasserstein-1 0.0000, Kolmogorov-Smirnov 0.00)."),
                r.out());
    }

    @Test
    void aComparisonThatCannotBeMadeExitsWithTwoAndOneLine() throws Exception {
        String[][] cases = {
            {"explore", "--dataset", dataset(), "--compare", dir.resolve("missing").toString()},
            {
                "explore",
                "--dataset",
                dataset(),
                "--compare",
                other(),
                "--compare-name",
                "real",
                "--bands",
                "B02,B04"
            },
            {"explore", "--dataset", dataset(), "--compare", other()},
            {"explore", "--dataset", dataset(), "--compare-name", "real"}
        };
        String[] expected = {
            "missing: no such dataset folder to compare with (--compare)",
            "has no band in common with the bands explored: it has B08, B03, the bands explored"
                    + " are B02, B04",
            "--compare: both datasets are named 'dataset'",
            "--compare-name 'real' needs --compare DIR"
        };
        for (int i = 0; i < cases.length; i++) {
            CliRunner r = CliRunner.run(cases[i]);
            assertEquals(2, r.exitCode(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.errIsOneLine(), r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
        }
    }

    @Test
    void writesIntoTheDatasetAndPrintsTheSeparabilityTable() throws Exception {
        CliRunner r =
                CliRunner.run(
                        "explore", "--dataset", dataset(), "--bands", "B08", "--samples", "500");
        assertEquals(0, r.exitCode(), r.err());
        Path out = Path.of(dataset()).resolve("explore");
        assertTrue(Files.exists(out.resolve("index.html")));
        assertTrue(Files.exists(out.resolve("distribution_B08.svg")));
        assertTrue(r.out().contains("| B08 842 nm | near infrared | brighter | 1.000 |"), r.out());
        assertTrue(r.out().contains("explored dataset (train split) in "), r.out());
        assertTrue(r.out().contains("500 background"), r.out());
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws Exception {
        String[][] cases = {
            {"explore", "--dataset", dir.resolve("missing").toString()},
            {"explore", "--dataset", dataset(), "--bands", "B99"},
            {"explore", "--dataset", dataset(), "--bands", "B12"},
            {"explore", "--dataset", dataset(), "--scatter", "B04"},
            {"explore", "--dataset", dataset(), "--split", "holdout"},
            {"explore", "--dataset", dataset(), "--bandwidth", "sheather"},
            {"explore", "--dataset", dataset(), "--samples", "10"},
            {"explore"}
        };
        String[] expected = {
            "missing: no such dataset folder (build one with s2v tiles)",
            "unknown band 'B99'",
            "band B12 is not in the dataset; it has B02, B03, B04, B08",
            "--scatter needs two bands",
            "unknown split 'holdout'; allowed: train, val, test, all",
            "unknown bandwidth rule 'sheather'",
            "samples must be at least 100",
            "Missing required option: '--dataset=DIR'"
        };
        for (int i = 0; i < cases.length; i++) {
            CliRunner r = CliRunner.run(cases[i]);
            assertEquals(2, r.exitCode(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.errIsOneLine(), r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
        }
    }

    @Test
    void anIncompleteDatasetNamesWhatIsMissing() throws Exception {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken.resolve("tiles"));
        Files.copy(Path.of(dataset()).resolve("dataset.yaml"), broken.resolve("dataset.yaml"));
        CliRunner r = CliRunner.run("explore", "--dataset", broken.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.errIsOneLine(), r.err());
        assertTrue(r.err().contains(broken.resolve("manifest.csv").toString()), r.err());
    }
}
