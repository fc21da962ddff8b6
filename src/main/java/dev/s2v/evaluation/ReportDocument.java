package dev.s2v.evaluation;

import dev.s2v.config.BuildInfo;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The text of the report, once, rendered as Markdown or as self-contained HTML: the same tables and
 * sentences in both.
 */
final class ReportDocument {
    private final EvaluationResult result;
    private final List<ReportWriter.GalleryImage> worst;
    private final List<ReportWriter.GalleryImage> farFalseAlarms;

    ReportDocument(
            EvaluationResult result,
            List<ReportWriter.GalleryImage> worst,
            List<ReportWriter.GalleryImage> farFalseAlarms) {
        this.result = result;
        this.worst = worst;
        this.farFalseAlarms = farFalseAlarms;
    }

    private static void markdownGallery(
            StringBuilder md, List<ReportWriter.GalleryImage> images, String whenEmpty) {
        if (images.isEmpty()) {
            md.append(whenEmpty).append("\n\n");
        }
        for (ReportWriter.GalleryImage image : images) {
            md.append("![")
                    .append(ReportText.markdown(image.caption()))
                    .append("](")
                    .append(image.file())
                    .append(")\n\n")
                    .append(ReportText.markdown(image.caption()))
                    .append("\n\n");
        }
    }

    private void htmlGallery(
            StringBuilder h, List<ReportWriter.GalleryImage> images, String whenEmpty) {
        if (images.isEmpty()) {
            h.append("<p>").append(ReportText.html(whenEmpty)).append("</p>\n");
        }
        for (ReportWriter.GalleryImage g : images) {
            h.append("<figure>")
                    .append(image(g.png(), g.caption()))
                    .append("<figcaption>")
                    .append(ReportText.html(g.caption()))
                    .append("</figcaption></figure>\n");
        }
    }

    private String farFalseAlarmsNote() {
        ObjectMatching m = result.settings().matching();
        return String.format(
                Locale.ROOT,
                "The tiles (beyond the worst ones above) with the most predicted objects matched to"
                        + " no vessel and farther than %s m from every labelled one. Labels that"
                        + " outline ships only leave small craft out, so some of these are boats"
                        + " the model found rightly; the others are clutter on quays, roofs or"
                        + " water.",
                ReportText.metres(m.nearPx() * result.settings().pixelSizeM()));
    }

    /** A table: a header and rows of cells; the first column is text, the others numbers. */
    private record Table(List<String> header, List<List<String>> rows, int highlightedRow) {}

    /** The Markdown report; images are linked as files of the report folder. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title()).append("\n\n");
        md.append(summary()).append("\n\n");
        md.append("> ").append(thresholdNote()).append("\n\n");
        for (String note : result.notes()) {
            md.append("- ").append(ReportText.markdown(note)).append('\n');
        }
        if (!result.notes().isEmpty()) {
            md.append('\n');
        }
        md.append("## Model and baselines\n\n").append(markdown(headline())).append('\n');
        for (String line : predictorDescriptions()) {
            md.append("- ").append(ReportText.markdown(line)).append('\n');
        }
        md.append("\n## Vessels by length (model)\n\n").append(byLengthNote()).append("\n\n");
        md.append(markdown(byLength())).append('\n').append(markdown(lengthError())).append('\n');
        md.append("## Confusion matrix (model, pixels)\n\n").append(markdown(confusion()));
        md.append("\n![Confusion matrix](").append(ReportWriter.CONFUSION).append(")\n\n");
        md.append("## Precision-recall curve\n\n");
        md.append("![Precision-recall curve](").append(ReportWriter.PR_CURVE).append(")\n\n");
        md.append("## Scenes (model)\n\n").append(markdown(scenes())).append('\n');
        md.append("## Worst tiles\n\n");
        markdownGallery(md, worst, "No tiles were rendered.");
        md.append("## False alarms far from labelled vessels\n\n")
                .append(ReportText.markdown(farFalseAlarmsNote()))
                .append("\n\n");
        markdownGallery(md, farFalseAlarms, "No other tile has one.");
        md.append("## Definitions\n\n");
        for (String line : definitions()) {
            md.append("- ").append(ReportText.markdown(line)).append('\n');
        }
        md.append('\n').append(footer()).append('\n');
        return md.toString();
    }

    /** The HTML report: inline CSS, every image a data URI, nothing fetched from anywhere. */
    String html(String css, byte[] prCurvePng, byte[] confusionPng) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<title>").append(ReportText.html(title())).append("</title>\n");
        h.append("<style>\n").append(css).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(ReportText.html(title())).append("</h1>\n");
        h.append("<p class=\"meta\">").append(ReportText.html(summary())).append("</p>\n");
        h.append("<p class=\"note\">").append(ReportText.html(thresholdNote())).append("</p>\n");
        if (!result.notes().isEmpty()) {
            h.append("<ul class=\"meta\">\n");
            for (String note : result.notes()) {
                h.append("<li>").append(ReportText.html(note)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<h2>Model and baselines</h2>\n").append(html(headline())).append("<ul>\n");
        for (String line : predictorDescriptions()) {
            h.append("<li>").append(ReportText.html(line)).append("</li>\n");
        }
        h.append("</ul>\n<h2>Vessels by length (model)</h2>\n<p>")
                .append(ReportText.html(byLengthNote()))
                .append("</p>\n")
                .append(html(byLength()))
                .append(html(lengthError()));
        h.append("<h2>Confusion matrix (model, pixels)</h2>\n").append(html(confusion()));
        h.append(image(confusionPng, "Confusion matrix of the model"));
        h.append("<h2>Precision-recall curve</h2>\n");
        h.append(image(prCurvePng, "Precision-recall curves of the model and the baselines"));
        h.append("<h2>Scenes (model)</h2>\n").append(html(scenes()));
        h.append("<h2>Worst tiles</h2>\n");
        htmlGallery(h, worst, "No tiles were rendered.");
        h.append("<h2>False alarms far from labelled vessels</h2>\n<p>")
                .append(ReportText.html(farFalseAlarmsNote()))
                .append("</p>\n");
        htmlGallery(h, farFalseAlarms, "No other tile has one.");
        h.append("<h2>Definitions</h2>\n<ul>\n");
        for (String line : definitions()) {
            h.append("<li>").append(ReportText.html(line)).append("</li>\n");
        }
        h.append("</ul>\n<footer>").append(ReportText.html(footer())).append("</footer>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String image(byte[] png, String alt) {
        return "<img alt=\""
                + ReportText.html(alt)
                + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png)
                + "\">\n";
    }

    private String title() {
        return "Vessel segmentation evaluation: "
                + result.settings().model()
                + " on "
                + result.settings().dataset()
                + " ("
                + result.settings().scope()
                + ")";
    }

    private String summary() {
        ConfusionMatrix m = result.model().pixels().confusion();
        return String.format(
                Locale.ROOT,
                "%d tiles from %d %s: %d valid pixels, of which %d (%.4f %%) are vessel pixels;"
                        + " %d true vessels. Pixel size %s m.",
                result.tiles().size(),
                result.scenes().size(),
                result.scenes().size() == 1 ? "scene" : "scenes",
                m.total(),
                m.positives(),
                m.total() == 0 ? 0.0 : 100.0 * m.positives() / m.total(),
                result.model().objects().overall().trueObjects(),
                ReportText.metres(result.settings().pixelSizeM()));
    }

    private String thresholdNote() {
        ThresholdChoice t = result.threshold();
        String matching =
                String.format(
                        Locale.ROOT,
                        " Vessels are matched one to one when their centroids lie within %s px (%s"
                                + " m).",
                        ReportText.metres(result.settings().matching().radiusPx()),
                        ReportText.metres(result.settings().matchRadiusM()));
        if (!t.rule().equals(ThresholdSelection.F1_BEST_RULE)) {
            String validation =
                    t.validation().total() == 0
                            ? result.settings().split().equals(EvaluationSettings.WHOLE_SCENES)
                                    ? "whole scenes are all scored, none is kept to check it on"
                                    : "the dataset has no validation pixels to check it on"
                            : String.format(
                                    Locale.ROOT,
                                    "validation F1 %s over %d validation pixels",
                                    ReportText.ratio(t.validation().f1()),
                                    t.validation().total());
            return String.format(
                            Locale.ROOT,
                            "Threshold %s, %s (%s), applied unchanged to %s.",
                            t.threshold(),
                            t.rule(),
                            validation,
                            result.settings().scope())
                    + matching;
        }
        return String.format(
                        Locale.ROOT,
                        "Threshold %s, chosen on the validation split only (%s: validation F1 %s"
                                + " over %d validation pixels) and applied unchanged to %s.",
                        t.threshold(),
                        t.rule(),
                        ReportText.ratio(t.validation().f1()),
                        t.validation().total(),
                        result.settings().scope())
                + matching;
    }

    private List<PredictorResult> predictors() {
        List<PredictorResult> all = new ArrayList<>();
        all.add(result.model());
        all.addAll(result.baselines());
        return all;
    }

    private Table headline() {
        List<List<String>> rows = new ArrayList<>();
        for (PredictorResult p : predictors()) {
            PixelMetrics px = p.pixels();
            ConfusionMatrix m = px.confusion();
            ObjectScores o = p.objects().overall();
            rows.add(
                    List.of(
                            p.name(),
                            precision(m),
                            recall(m),
                            f1(m),
                            ReportText.ratio(m.iou(), m.truePositives() + errors(m)),
                            ReportText.ratio(m.accuracy(), m.total()),
                            ReportText.ratio(px.averagePrecision()),
                            ReportText.ratio(px.rocAuc()),
                            ReportText.ratio(px.meanTileDice()),
                            precision(o),
                            recall(o),
                            f1(o)));
        }
        return new Table(
                List.of(
                        "predictor",
                        "pixel precision",
                        "pixel recall",
                        "pixel F1 (Dice)",
                        "IoU",
                        "accuracy",
                        "AP",
                        "ROC AUC",
                        "mean tile Dice",
                        "vessel precision",
                        "vessel recall",
                        "vessel F1"),
                rows,
                0);
    }

    private List<String> predictorDescriptions() {
        List<String> lines = new ArrayList<>();
        lines.add(
                result.model().name()
                        + ": "
                        + result.model().description()
                        + " (scored at threshold "
                        + result.model().pixels().threshold()
                        + ")");
        for (PredictorResult p : result.baselines()) {
            lines.add(p.name() + ": " + p.description() + " (a 0/1 mask, no threshold to tune)");
        }
        return lines;
    }

    private String byLengthNote() {
        return "Recall is binned by the true vessel's length, precision by the predicted object's"
                + " length, so a class's counts of true and predicted vessels differ; a class's"
                + " F1 is shown only when it has both. "
                + ReportText.falseAlarms(result.model().objects(), result.settings());
    }

    private Table byLength() {
        List<List<String>> rows = new ArrayList<>();
        for (LengthBinScores b : result.model().objects().byLength()) {
            ObjectScores o = b.scores();
            // Within a class, true and predicted vessels are counted apart, so the F1 of a class
            // missing either side would mix a result with a convention.
            String f1 =
                    o.trueObjects() == 0 || o.predictedObjects() == 0
                            ? ReportText.EMPTY
                            : ReportText.ratio(o.f1());
            rows.add(objectRow(b.bin().label(), o, f1));
        }
        ObjectScores overall = result.model().objects().overall();
        rows.add(objectRow("all", overall, f1(overall)));
        return new Table(
                List.of(
                        "length",
                        "true vessels",
                        "found",
                        "recall",
                        "predicted objects",
                        "correct",
                        "precision",
                        "F1"),
                rows,
                -1);
    }

    private static List<String> objectRow(String label, ObjectScores s, String f1) {
        return List.of(
                label,
                Long.toString(s.trueObjects()),
                Long.toString(s.matchedTrue()),
                recall(s),
                Long.toString(s.predictedObjects()),
                Long.toString(s.matchedPredicted()),
                precision(s),
                f1);
    }

    private Table lengthError() {
        LengthError e = result.model().objects().lengthError();
        return new Table(
                List.of(
                        "length error, predicted - true",
                        "matched vessels",
                        "mean (m)",
                        "median (m)",
                        "mean absolute (m)"),
                List.of(
                        List.of(
                                "model",
                                Long.toString(e.matched()),
                                ReportText.metres(e.meanM()),
                                ReportText.metres(e.medianM()),
                                ReportText.metres(e.meanAbsoluteM()))),
                -1);
    }

    private Table confusion() {
        ConfusionMatrix m = result.model().pixels().confusion();
        return new Table(
                List.of("", "predicted vessel", "predicted background"),
                List.of(
                        List.of(
                                "true vessel",
                                Long.toString(m.truePositives()),
                                Long.toString(m.falseNegatives())),
                        List.of(
                                "true background",
                                Long.toString(m.falsePositives()),
                                Long.toString(m.trueNegatives()))),
                -1);
    }

    private Table scenes() {
        List<List<String>> rows = new ArrayList<>();
        for (SceneRow s : result.scenes()) {
            ConfusionMatrix m = s.confusion();
            ObjectScores o = s.objects();
            rows.add(
                    List.of(
                            s.sceneId(),
                            Integer.toString(s.tiles()),
                            Long.toString(m.total()),
                            Long.toString(m.positives()),
                            precision(m),
                            recall(m),
                            f1(m),
                            ReportText.ratio(m.iou(), m.truePositives() + errors(m)),
                            Long.toString(o.trueObjects()),
                            Long.toString(o.predictedObjects()),
                            Long.toString(o.matchedTrue()),
                            precision(o),
                            recall(o),
                            f1(o)));
        }
        return new Table(
                List.of(
                        "scene",
                        "tiles",
                        "pixels",
                        "vessel px",
                        "precision",
                        "recall",
                        "F1",
                        "IoU",
                        "true vessels",
                        "predicted",
                        "matched",
                        "vessel precision",
                        "vessel recall",
                        "vessel F1"),
                rows,
                -1);
    }

    private static long errors(ConfusionMatrix m) {
        return m.falsePositives() + m.falseNegatives();
    }

    private static String precision(ConfusionMatrix m) {
        return ReportText.ratio(m.precision(), m.truePositives() + m.falsePositives());
    }

    private static String recall(ConfusionMatrix m) {
        return ReportText.ratio(m.recall(), m.positives());
    }

    private static String f1(ConfusionMatrix m) {
        return ReportText.ratio(m.f1(), m.truePositives() + errors(m));
    }

    private static String precision(ObjectScores o) {
        return ReportText.ratio(o.precision(), o.predictedObjects());
    }

    private static String recall(ObjectScores o) {
        return ReportText.ratio(o.recall(), o.trueObjects());
    }

    private static String f1(ObjectScores o) {
        return ReportText.ratio(o.f1(), o.trueObjects() + o.predictedObjects());
    }

    private List<String> definitions() {
        return List.of(
                "Pixel counts are summed over all tiles of the split before any ratio is taken;"
                        + " the mean tile Dice is the exception: the mean of each tile's Dice"
                        + " (the original notebook's metric), which weighs a tile with one vessel"
                        + " pixel as much as a harbour.",
                "Empty denominators: precision is 1 when nothing was predicted, recall 1 when"
                        + " there was nothing to find, F1 (Dice) and IoU are 1 when there were"
                        + " neither vessels nor predictions; so predicting no vessel scores F1 0"
                        + " as soon as there is one. In the tables above, "
                        + ReportText.EMPTY
                        + " marks such a ratio (e.g. the recall of a length class without true"
                        + " vessels); metrics.json and the CSV files carry its conventional"
                        + " value.",
                "AP is the average precision as scikit-learn defines it (step-wise area under"
                        + " the precision-recall curve, no interpolation); AP and ROC AUC come"
                        + " from a histogram of probabilities with bins 0.0001 wide, scores in"
                        + " one bin counting as tied. Undefined values print as "
                        + ReportText.NOT_AVAILABLE
                        + ".",
                "A pixel is a vessel when its probability is at least the threshold. A"
                        + " threshold chosen automatically maximises the pixel F1 on the"
                        + " validation split (the middle of the range of thresholds that reach"
                        + " it); the evaluated split never influences it.",
                "Predicted vessels are the 8-connected objects of the predicted mask. True"
                        + " vessels are the labelled ones by their instance ids where the labels"
                        + " keep them (ships moored side by side stay two), else the objects of the"
                        + " truth mask; no-data pixels are left out. Tile reports count a vessel"
                        + " cut by a tile edge once in each tile it reaches; whole-scene reports"
                        + " match vessels over the whole scene. Length and width are the sides of"
                        + " the smallest rectangle, at any angle, around the centres of an"
                        + " object's pixels, grown by one pixel (a 1 x 10 pixel line is 10 pixels"
                        + " long); a predicted object matches at most one true vessel (Hungarian"
                        + " method, most matches first, then the least total centroid distance).",
                "Baselines are scored exactly like the model, on the same tiles and pixels.");
    }

    private static String footer() {
        return "Written by s2v " + BuildInfo.version() + ".";
    }

    private static String markdown(Table t) {
        StringBuilder md = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < t.header().size(); c++) {
            md.append(' ').append(ReportText.markdown(t.header().get(c))).append(" |");
            rule.append(c == 0 ? " --- |" : " ---: |");
        }
        md.append('\n').append(rule).append('\n');
        for (int r = 0; r < t.rows().size(); r++) {
            md.append('|');
            for (String cell : t.rows().get(r)) {
                String text = ReportText.markdown(cell);
                md.append(' ')
                        .append(r == t.highlightedRow() ? "**" + text + "**" : text)
                        .append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String html(Table t) {
        StringBuilder h = new StringBuilder("<div class=\"wide\"><table>\n<tr>");
        for (int c = 0; c < t.header().size(); c++) {
            h.append(c == 0 ? "<th class=\"text\">" : "<th>")
                    .append(ReportText.html(t.header().get(c)))
                    .append("</th>");
        }
        h.append("</tr>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            h.append(r == t.highlightedRow() ? "<tr class=\"model\">" : "<tr>");
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                h.append(c == 0 ? "<td class=\"text\">" : "<td>")
                        .append(ReportText.html(row.get(c)))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        return h.append("</table></div>\n").toString();
    }
}
