package dev.s2v.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.Normalization;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.LabelledScene;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.TestDatasets;
import dev.s2v.evaluation.Evaluation;
import dev.s2v.evaluation.EvaluationResult;
import dev.s2v.evaluation.EvaluationSummary;
import dev.s2v.evaluation.ObjectMatching;
import dev.s2v.evaluation.Threshold;
import dev.s2v.evaluation.ThresholdSpec;
import dev.s2v.model.TestModels;
import dev.s2v.raster.ConnectedComponents;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.ScaleRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole labelled scenes scored by the tile report's code. */
@Tag("native")
class SceneEvaluationTest {
    @TempDir Path dir;

    @BeforeAll
    static void natives() {
        Natives.assumeGdal();
    }

    @Test
    void whenTheWindowsAreTheTilesTheScenePixelsScoreAsTheTilesDo() throws IOException {
        DatasetFolder dataset = TestDatasets.write(dir.resolve("d"), 1, 96, 32, 5);
        Path products = dir.resolve("d").resolve("products");
        Path product;
        Path labels;
        try (Stream<Path> files = Files.list(products)) {
            List<Path> all = files.sorted().toList();
            product =
                    all.stream()
                            .filter(f -> f.toString().endsWith(".SAFE"))
                            .findFirst()
                            .orElseThrow();
            labels =
                    all.stream()
                            .filter(f -> f.toString().endsWith("_mask.tif"))
                            .findFirst()
                            .orElseThrow();
        }
        Path model =
                TestModels.export(
                        dir.resolve("m"),
                        TestDatasets.BANDS,
                        32,
                        Normalization.max(new double[] {0.12, 0.1, 0.09, 0.2}));

        EvaluationSummary tiles =
                Evaluation.run(
                        new Evaluation.Request(
                                model,
                                dataset.folder(),
                                Split.TRAIN,
                                new ThresholdSpec.Fixed(Threshold.of(0.5)),
                                ObjectMatching.defaults(),
                                dir.resolve("tiles-report"),
                                false),
                        line -> {});
        EvaluationSummary scenes =
                SceneEvaluation.run(
                        new SceneEvaluation.Request(
                                model,
                                List.of(new LabelledScene(product, labels, ScaleRule.auto())),
                                "one scene",
                                OptionalDouble.of(0.5),
                                ObjectMatching.defaults(),
                                new WindowSettings(32, 0, 4),
                                dir.resolve("scene-report"),
                                false,
                                null),
                        line -> {},
                        ProgressMeter.silent());

        EvaluationResult t = tiles.result();
        EvaluationResult s = scenes.result();
        assertEquals(t.model().pixels().confusion(), s.model().pixels().confusion());
        assertEquals(t.model().pixels().averagePrecision(), s.model().pixels().averagePrecision());
        assertEquals(9, s.tiles().size(), "nine 32 px cells");
        assertEquals(
                t.tiles().stream().map(r -> r.confusion()).toList(),
                s.tiles().stream().map(r -> r.confusion()).toList(),
                "the cells are the tiles, in the same order");

        byte[] mask = new byte[96 * 96];
        try (RasterDataset raster = RasterDataset.open(labels)) {
            raster.readByte(1, PixelWindow.of(96, 96), mask);
        }
        assertEquals(
                ConnectedComponents.label(mask, 96, 96, 10).count(),
                s.model().objects().overall().trueObjects(),
                "true vessels counted once each over the whole scene");

        Path report = dir.resolve("scene-report");
        assertTrue(Files.isRegularFile(report.resolve("report.html")));
        assertTrue(Files.readString(report.resolve("report.md")).contains("(whole scenes)"));
        try (Stream<Path> folders = Files.list(report.resolve(SceneEvaluation.SCENES))) {
            Path scene = folders.findFirst().orElseThrow();
            assertTrue(Files.isRegularFile(scene.resolve("map.html")));
            assertTrue(Files.isRegularFile(scene.resolve("probability.tif")));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.getFileName().toString().startsWith(".")).toList(),
                    "no staging folder is left");
        }
    }
}
