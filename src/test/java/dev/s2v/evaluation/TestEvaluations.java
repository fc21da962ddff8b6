package dev.s2v.evaluation;

import dev.s2v.raster.SpectralBand;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small evaluation run end to end on synthetic 16 x 16 tiles: bright rectangular vessels on dark
 * water, a noisy "model", threshold from validation tiles, test tiles scored for the model and both
 * baselines.
 */
final class TestEvaluations {
    static final int SIZE = 16;
    static final List<SpectralBand> BANDS =
            List.of(SpectralBand.B02, SpectralBand.B03, SpectralBand.B04, SpectralBand.B08);

    /** One synthetic tile: reflectances, truth and the model's probabilities. */
    record Tile(
            String sceneId, String tileId, float[][] bands, byte[] truth, float[] probability) {}

    /** A result and its gallery: the two worst tiles and two with far false alarms. */
    record Run(EvaluationResult result, Gallery gallery) {}

    private TestEvaluations() {}

    static Tile tile(Random random, String sceneId, String tileId, int vessels) {
        int n = SIZE * SIZE;
        float[][] bands = new float[BANDS.size()][n];
        byte[] truth = new byte[n];
        for (int v = 0; v < vessels; v++) {
            int r0 = random.nextInt(SIZE - 3);
            int c0 = random.nextInt(SIZE - 2);
            for (int r = r0; r < r0 + 3; r++) {
                for (int c = c0; c < c0 + 2; c++) {
                    truth[r * SIZE + c] = 1;
                }
            }
        }
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            boolean vessel = truth[i] != 0;
            for (int b = 0; b < bands.length; b++) {
                bands[b][i] =
                        (float)
                                ((vessel ? 0.12 : 0.03) * (1 + b * 0.3)
                                        + 0.02 * random.nextGaussian());
            }
            p[i] =
                    (float)
                            Math.min(
                                    1,
                                    Math.max(
                                            0,
                                            (vessel ? 0.7 : 0.15) + 0.2 * random.nextGaussian()));
        }
        return new Tile(sceneId, tileId, bands, truth, p);
    }

    static Run run() {
        Random random = new Random(2024);
        ValidationScores validation = new ValidationScores();
        for (int i = 0; i < 6; i++) {
            Tile t = tile(random, "val", "v" + i, 2);
            validation.add(t.probability(), t.truth(), null);
        }
        ThresholdChoice choice = ThresholdSelection.f1Best(validation);

        Tile training = tile(random, "train", "t0", 3);
        PixelBaseline spectral =
                SpectralThresholdBaseline.fit(BANDS, training.bands(), training.truth());
        PixelBaseline background = new AllBackgroundBaseline();

        ObjectMatching matching = ObjectMatching.defaults();
        EvaluationScores model = new EvaluationScores(choice.threshold(), matching, 10);
        EvaluationScores spectralScores =
                new EvaluationScores(EvaluationScores.BINARY, matching, 10);
        EvaluationScores backgroundScores =
                new EvaluationScores(EvaluationScores.BINARY, matching, 10);
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Tile t = tile(random, i < 3 ? "S2A_scene,1" : "S2B <scene> 2", "tile/" + i, i % 3);
            tiles.add(t);
            model.add(t.sceneId(), t.tileId(), SIZE, t.probability(), t.truth(), null);
            spectralScores.add(
                    t.sceneId(), t.tileId(), SIZE, spectral.scores(t.bands()), t.truth(), null);
            backgroundScores.add(
                    t.sceneId(), t.tileId(), SIZE, background.scores(t.bands()), t.truth(), null);
        }
        EvaluationResult result =
                new EvaluationResult(
                        new EvaluationSettings("unet-16", "synthetic-demo", "test", 10, matching),
                        choice,
                        model.result("model", "UNET, 16 filters"),
                        List.of(
                                spectralScores.result(spectral.name(), spectral.description()),
                                backgroundScores.result(
                                        background.name(), background.description())),
                        model.sceneRows(),
                        model.tileRows(),
                        List.of("The spectral baseline was fitted on one training tile."));
        EvaluationScores.GallerySelection chosen = model.gallery(2, 2);
        Gallery gallery =
                new Gallery(
                        render(chosen.worst(), tiles, choice.threshold()),
                        render(chosen.farFalseAlarms(), tiles, choice.threshold()));
        return new Run(result, gallery);
    }

    private static List<GalleryTile> render(
            List<TileRow> rows, List<Tile> tiles, Threshold threshold) {
        List<GalleryTile> gallery = new ArrayList<>();
        for (TileRow row : rows) {
            Tile t =
                    tiles.stream()
                            .filter(x -> x.tileId().equals(row.tileId()))
                            .findFirst()
                            .orElseThrow();
            gallery.add(
                    new GalleryTile(
                            t.sceneId(),
                            t.tileId(),
                            SIZE,
                            SIZE,
                            t.bands()[2],
                            t.bands()[1],
                            t.bands()[0],
                            t.truth(),
                            threshold.apply(t.probability(), null),
                            t.probability()));
        }
        return gallery;
    }
}
