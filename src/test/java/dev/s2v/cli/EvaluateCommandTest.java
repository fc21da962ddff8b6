package dev.s2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.Normalization;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.TestDatasets;
import dev.s2v.model.TestModels;
import dev.s2v.raster.Natives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("native")
class EvaluateCommandTest {
    @TempDir static Path dir;
    static String dataset;
    static String model;

    @BeforeAll
    static void datasetAndModel() throws IOException {
        Natives.assumeGdal();
        DatasetFolder d = TestDatasets.write(dir.resolve("data"), 3, 64, 32, 5);
        dataset = d.folder().toString();
        model =
                TestModels.export(
                                dir.resolve("models/tiny"),
                                TestDatasets.BANDS,
                                32,
                                d.descriptor().normalization().of(Normalization.Kind.MAX))
                        .toString();
    }

    @Test
    void writesTheReportIntoTheModelFolderAndPrintsTheHeadline() {
        CliRunner run = CliRunner.run("evaluate", "--model", model, "--dataset", dataset);
        assertEquals(0, run.exitCode(), run.err());
        Path report = Path.of(model, "eval-dataset-test");
        assertTrue(Files.isRegularFile(report.resolve("report.html")));
        assertTrue(run.out().contains("test split of dataset: "), run.out());
        assertTrue(run.out().contains("  model "), run.out());
        assertTrue(run.out().contains("  spectral threshold "), run.out());
        assertTrue(run.out().contains("  all background "), run.out());
        assertTrue(run.out().contains("report: " + report.resolve("report.html")), run.out());

        CliRunner again = CliRunner.run("evaluate", "--model", model, "--dataset", dataset);
        assertEquals(2, again.exitCode());
        assertTrue(again.errIsOneLine(), again.err());
        assertTrue(again.err().contains(report + ": already exists"), again.err());

        CliRunner replaced =
                CliRunner.run(
                        "evaluate",
                        "--model",
                        model,
                        "--dataset",
                        dataset,
                        "--threshold",
                        "0.4",
                        "--overwrite");
        assertEquals(0, replaced.exitCode(), replaced.err());
        assertTrue(replaced.out().contains("threshold 0.4000 (fixed beforehand"), replaced.out());
    }

    @Test
    void badInputsExitWithTwoAndOneLine() {
        Path out = dir.resolve("never");
        String[][] cases = {
            {"--threshold", "2"},
            {"--split", "holdout"},
            {"--match-radius-px", "0"},
        };
        for (String[] extra : cases) {
            String[] args = new String[7 + extra.length];
            String[] base = {
                "evaluate", "--model", model, "--dataset", dataset, "--out", out.toString()
            };
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(extra, 0, args, base.length, extra.length);
            CliRunner run = CliRunner.run(args);
            assertEquals(2, run.exitCode(), String.join(" ", extra) + ": " + run.err());
            assertTrue(run.errIsOneLine(), run.err());
        }
        CliRunner noModel =
                CliRunner.run(
                        "evaluate",
                        "--model",
                        dir.resolve("models/none").toString(),
                        "--dataset",
                        dataset,
                        "--out",
                        out.toString());
        assertEquals(2, noModel.exitCode());
        assertEquals(
                "s2v: " + dir.resolve("models/none") + ": no model folder", noModel.err().strip());
        CliRunner missingOption = CliRunner.run("evaluate", "--dataset", dataset);
        assertEquals(2, missingOption.exitCode());
        assertTrue(missingOption.errIsOneLine(), missingOption.err());
        assertTrue(Files.notExists(out));
    }
}
