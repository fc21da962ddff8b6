package dev.s2v.inference;

import dev.s2v.dataset.DatasetDescriptor;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.LabelledScene;
import dev.s2v.dataset.Split;
import dev.s2v.evaluation.ConfusionMatrix;
import dev.s2v.evaluation.Evaluation;
import dev.s2v.evaluation.EvaluationSummary;
import dev.s2v.evaluation.ObjectMatching;
import dev.s2v.evaluation.ObjectScores;
import dev.s2v.evaluation.PredictorResult;
import dev.s2v.evaluation.SceneRow;
import dev.s2v.files.AtomicFiles;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TrainedModel;
import dev.s2v.raster.ScaleRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code s2v compare}: several models scored on the same held-out scenes of a dataset (the scenes
 * its split rule gave to validation or test), each predicted whole as {@code s2v predict} predicts
 * and scored at the model's own threshold (the one its {@code model.xml} carries, chosen on its own
 * validation data), beside the spectral-threshold baseline fitted on the dataset's training tiles:
 * one table of vessel precision, recall and F1 per scene and overall, and pixel F1. Each model's
 * whole-scene report is kept beside the table.
 */
public final class Comparison {
    /** The table as Markdown. */
    public static final String MARKDOWN = "comparison.md";

    /** The table as CSV: one row per predictor and scene, and one per predictor overall. */
    public static final String CSV = "comparison.csv";

    private static final String SPECTRAL = "spectral threshold";

    private Comparison() {}

    /**
     * What to compare.
     *
     * @param dataset the dataset whose held-out scenes are scored
     * @param split the held-out split ({@code val} or {@code test}) whose scenes are scored
     * @param models the model folders, in table order
     * @param matching how predicted vessels are matched to true ones
     * @param windows how the scenes are cut into windows
     * @param out the folder of the table and the models' reports
     * @param overwrite whether earlier reports there are replaced
     */
    public record Request(
            Path dataset,
            Split split,
            List<Path> models,
            ObjectMatching matching,
            WindowSettings windows,
            Path out,
            boolean overwrite) {
        /** Validates and copies. */
        public Request {
            if (dataset == null
                    || split == null
                    || matching == null
                    || windows == null
                    || out == null) {
                throw new IllegalArgumentException(
                        "a comparison needs a dataset, a split, a matching rule, window settings"
                                + " and a folder");
            }
            if (models == null || models.isEmpty()) {
                throw new IllegalArgumentException("give at least one --model to compare");
            }
            models = List.copyOf(models);
        }
    }

    /**
     * One predictor's line of the table.
     *
     * @param name the model's folder name, or the baseline's name
     * @param threshold the probability threshold it was scored at (NaN for the baseline)
     * @param result its scores
     */
    public record Row(String name, double threshold, PredictorResult result) {}

    /**
     * Scores every model and writes the table.
     *
     * @param log receives progress lines
     * @return the rows: the models in order, then the spectral baseline when it could be fitted
     * @throws IllegalArgumentException when two models share a folder name, or the split has no
     *     scene
     * @throws IOException when a file cannot be read or written
     */
    public static List<Row> run(Request request, Consumer<String> log) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (Path model : request.models()) {
            if (!names.add(Prediction.folderName(model))) {
                throw new IllegalArgumentException(
                        model + ": two compared models are named " + Prediction.folderName(model));
            }
        }
        DatasetFolder dataset = DatasetFolder.open(request.dataset());
        List<LabelledScene> scenes = heldOutScenes(dataset, request.split());
        List<Row> rows = new ArrayList<>();
        PredictorResult spectral = null;
        for (Path model : request.models()) {
            ModelDescriptor d = ModelDescriptor.read(model.resolve(TrainedModel.DESCRIPTOR_FILE));
            Evaluation.FittedBaseline fitted = Evaluation.fitSpectralBaseline(dataset, d.bands());
            log.accept("scoring " + model + " at its threshold " + d.threshold());
            EvaluationSummary summary =
                    SceneEvaluation.run(
                            new SceneEvaluation.Request(
                                    model,
                                    scenes,
                                    Prediction.folderName(request.dataset())
                                            + " "
                                            + request.split().key(),
                                    OptionalDouble.empty(),
                                    request.matching(),
                                    request.windows(),
                                    request.out().resolve(Prediction.folderName(model)),
                                    request.overwrite(),
                                    fitted.baseline()
                                            .map(
                                                    b ->
                                                            new SceneEvaluation.Baseline(
                                                                    b, fitted.note()))
                                            .orElse(null)),
                            log,
                            ProgressMeter.silent());
            rows.add(
                    new Row(Prediction.folderName(model), d.threshold(), summary.result().model()));
            for (PredictorResult b : summary.result().baselines()) {
                if (b.name().equals(SPECTRAL) && spectral == null) {
                    spectral = b;
                }
            }
        }
        if (spectral != null) {
            rows.add(new Row(SPECTRAL, Double.NaN, spectral));
        }
        AtomicFiles.writeString(request.out().resolve(MARKDOWN), markdown(rows, request));
        AtomicFiles.writeString(request.out().resolve(CSV), csv(rows));
        return rows;
    }

    /**
     * The labelled scenes the dataset's split rule gave to a split, as its {@code dataset.yaml}
     * records them.
     *
     * @throws IllegalArgumentException when the split holds no whole scene
     */
    static List<LabelledScene> heldOutScenes(DatasetFolder dataset, Split split) {
        List<LabelledScene> scenes = new ArrayList<>();
        for (DatasetDescriptor.Source s : dataset.descriptor().sources()) {
            if (s.split().equals(split.key())) {
                scenes.add(
                        new LabelledScene(
                                Path.of(s.product()),
                                Path.of(s.labels()),
                                ScaleRule.parse(s.scale())));
            }
        }
        if (scenes.isEmpty()) {
            throw new IllegalArgumentException(
                    dataset.folder()
                            + ": no scene was given wholly to the "
                            + split.key()
                            + " split (split by scene with --val/--test to compare on whole"
                            + " scenes)");
        }
        return scenes;
    }

    /** The table: overall first, then one block per scene. */
    static String markdown(List<Row> rows, Request request) {
        StringBuilder md = new StringBuilder();
        md.append(
                String.format(
                        Locale.ROOT,
                        "# Vessels on the %s scenes of %s%n%nWhole scenes, each model at its own"
                                + " threshold; vessels matched within %s px; predicted objects"
                                + " under %s m set aside and shorter true vessels optional.%n%n",
                        request.split().key(),
                        Prediction.folderName(request.dataset()),
                        request.matching().radiusPx(),
                        request.matching().minLengthM()));
        header(md);
        for (Row r : rows) {
            md.append(
                    line(
                            r.name(),
                            r.threshold(),
                            r.result().objects().overall(),
                            r.result().pixels().confusion()));
        }
        for (SceneRow scene : rows.get(0).result().scenes()) {
            md.append("\n**").append(scene.sceneId()).append("**\n\n");
            header(md);
            for (Row r : rows) {
                for (SceneRow s : r.result().scenes()) {
                    if (s.sceneId().equals(scene.sceneId())) {
                        md.append(line(r.name(), r.threshold(), s.objects(), s.confusion()));
                    }
                }
            }
        }
        return md.toString();
    }

    private static void header(StringBuilder md) {
        md.append(
                "| predictor | threshold | true vessels | predicted | vessel P | vessel R | vessel"
                        + " F1 | pixel F1 |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
    }

    private static String line(
            String name, double threshold, ObjectScores o, ConfusionMatrix pixels) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n",
                name,
                Double.isNaN(threshold) ? "-" : String.format(Locale.ROOT, "%.4f", threshold),
                o.trueObjects(),
                o.predictedObjects(),
                o.precision(),
                o.recall(),
                o.f1(),
                pixels.f1());
    }

    private static String csv(List<Row> rows) {
        StringBuilder s =
                new StringBuilder(
                        "predictor,scene,true_vessels,predicted_vessels,matched,vessel_precision,"
                                + "vessel_recall,vessel_f1,pixel_f1\n");
        for (Row r : rows) {
            for (SceneRow scene : r.result().scenes()) {
                s.append(csvLine(r.name(), scene.sceneId(), scene.objects(), scene.confusion()));
            }
            s.append(
                    csvLine(
                            r.name(),
                            "all",
                            r.result().objects().overall(),
                            r.result().pixels().confusion()));
        }
        return s.toString();
    }

    private static String csvLine(
            String name, String scene, ObjectScores o, ConfusionMatrix pixels) {
        return String.format(
                Locale.ROOT,
                "%s,%s,%d,%d,%d,%.4f,%.4f,%.4f,%.4f%n",
                name,
                scene,
                o.trueObjects(),
                o.predictedObjects(),
                o.matchedPredicted(),
                o.precision(),
                o.recall(),
                o.f1(),
                pixels.f1());
    }
}
