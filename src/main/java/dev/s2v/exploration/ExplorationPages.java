package dev.s2v.exploration;

import static dev.s2v.exploration.ExplorationCharts.count;

import dev.s2v.charts.Pages;
import dev.s2v.config.BuildInfo;
import dev.s2v.files.AtomicFiles;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Writes an exploration's pages: {@value #HTML} shows every chart with its caption, {@value
 * #MARKDOWN} holds the same text and tables and links the charts, {@value #SEPARABILITY} the
 * separability table as CSV, and {@value #COMPARISON} the comparison with another dataset.
 */
public final class ExplorationPages {
    /** The page that shows every chart. */
    public static final String HTML = "index.html";

    /** The Markdown summary. */
    public static final String MARKDOWN = "summary.md";

    /** The separability table as CSV. */
    public static final String SEPARABILITY = "separability.csv";

    /** The comparison with another dataset as CSV, when one was asked for. */
    public static final String COMPARISON = "comparison.csv";

    private static final String CSS =
            Pages.BASE_CSS
                    + """
                    figure { margin: 1.5em 0; }
                    figcaption { font-size: 0.95em; color: #333; max-width: 1200px; }
                    """;

    /** Cells that read as numbers align right, the others left. */
    private static final Pattern NUMBER =
            Pattern.compile("[-0-9.,]+( %)?|n/a|infinite \\(no overlap\\)");

    private ExplorationPages() {}

    /**
     * Writes the pages of a result into a folder holding its charts.
     *
     * @param classBalance the dataset's {@code class_balance.csv}
     * @throws IOException when a file cannot be written
     */
    public static void write(Path dir, ExplorationResult result, Table classBalance)
            throws IOException {
        AtomicFiles.writeString(dir.resolve(SEPARABILITY), separabilityCsv(result));
        if (result.comparison().isPresent()) {
            StringWriter csv = new StringWriter();
            result.comparison().get().table().write().csv(csv);
            AtomicFiles.writeString(dir.resolve(COMPARISON), csv.toString());
        }
        AtomicFiles.writeString(dir.resolve(MARKDOWN), markdown(result, classBalance));
        AtomicFiles.writeString(dir.resolve(HTML), html(result, classBalance));
    }

    /** The separability table as Markdown, as the pages and the command print it. */
    public static String separabilityTable(ExplorationResult result) {
        return markdownTable(separabilityRows(result));
    }

    /** Where a compared dataset differs most and least, per class, as the command prints it. */
    public static String comparisonSummary(DatasetComparison comparison) {
        return comparisonTitle(comparison) + ": " + ComparisonCaptions.verdict(comparison);
    }

    private static List<List<String>> separabilityRows(ExplorationResult result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(
                List.of(
                        "band",
                        "region",
                        "vessels are",
                        "AUC (best threshold)",
                        "Bhattacharyya distance",
                        "vessel px",
                        "background px"));
        for (BandSeparability s : result.separability()) {
            rows.add(
                    List.of(
                            s.band().label(),
                            s.band().description(),
                            s.vesselsAre(),
                            s.defined()
                                    ? String.format(Locale.ROOT, "%.3f", s.thresholdAuc())
                                    : "n/a",
                            ExplorationCaptions.distance(s.bhattacharyya()),
                            count(s.vesselPixels()),
                            count(s.backgroundPixels())));
        }
        return rows;
    }

    private static String separabilityCsv(ExplorationResult result) {
        StringBuilder csv =
                new StringBuilder(
                        "band,wavelength_nm,auc_vessel_brighter,auc_best_threshold,"
                                + "bhattacharyya_distance,vessel_pixels,background_pixels\n");
        for (BandSeparability s : result.separability()) {
            csv.append(
                    String.join(
                            ",",
                            s.band().name(),
                            Integer.toString(s.band().wavelengthNm()),
                            csvNumber(s.auc()),
                            csvNumber(s.thresholdAuc()),
                            csvNumber(s.bhattacharyya()),
                            Integer.toString(s.vesselPixels()),
                            Integer.toString(s.backgroundPixels())));
            csv.append('\n');
        }
        return csv.toString();
    }

    private static String csvNumber(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return Double.isInfinite(v) ? "inf" : String.format(Locale.ROOT, "%.6f", v);
    }

    /** What was read and kept, in sentences. */
    static String samplingText(ExplorationResult result) {
        return sampling(
                        result.sampling(),
                        result.split().phrase(),
                        result.sampled(PixelClass.BACKGROUND),
                        result.sampled(PixelClass.VESSEL))
                + String.format(
                        Locale.ROOT,
                        " Reading and sampling took %.1f s; the whole exploration %.1f s.",
                        result.sampling().seconds(),
                        result.seconds());
    }

    /**
     * What was read of a dataset and kept, in sentences.
     *
     * @param where the split of which dataset, e.g. "the train split" or "the train split of real"
     */
    private static String sampling(SamplingSummary s, String where, int background, int vessel) {
        String tiles =
                s.readAll()
                        ? String.format(
                                Locale.ROOT,
                                "All %s tiles of %s were read (%s with vessels, %s without).",
                                count(s.tiles()),
                                where,
                                count(s.vesselTiles()),
                                count(s.otherTiles()))
                        : String.format(
                                Locale.ROOT,
                                "Of the %s tiles of %s, %s of the %s with vessels and %s of the"
                                        + " %s without were read, chosen at random with the seed."
                                        + " Background pixels entered the sample weighted by the"
                                        + " tiles of their group each tile read stands for, so the"
                                        + " sample represents all tiles.",
                                count(s.tiles()),
                                where,
                                count(s.vesselTilesRead()),
                                count(s.vesselTiles()),
                                count(s.otherTilesRead()),
                                count(s.otherTiles()));
        return tiles
                + String.format(
                        Locale.ROOT,
                        " Every valid pixel read was offered to a reservoir of %s per class"
                                + " (A-Res weighted reservoir sampling, seed %d): %s of %s"
                                + " background pixels and %s of %s vessel pixels were kept."
                                + " %s.",
                        count(s.samplesPerClass()),
                        s.seed(),
                        count(background),
                        count(s.backgroundPixelsRead()),
                        count(vessel),
                        count(s.vesselPixelsRead()),
                        s.noDataPixels() == 0
                                ? "Every pixel read had data in every band"
                                : count(s.noDataPixels())
                                        + " pixels without data in some band were left out");
    }

    private static List<List<String>> classBalanceRows(Table classBalance) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(
                List.of(
                        "split",
                        "tiles",
                        "with vessels",
                        "valid px",
                        "vessel px",
                        "vessel share",
                        "background px per vessel px",
                        "vessel objects"));
        for (int r = 0; r < classBalance.rowCount(); r++) {
            double valid = ExplorationCharts.number(classBalance, "valid_pixels", r);
            double vessel = ExplorationCharts.number(classBalance, "vessel_pixels", r);
            rows.add(
                    List.of(
                            classBalance.stringColumn("split").get(r),
                            count((long) ExplorationCharts.number(classBalance, "tiles", r)),
                            count(
                                    (long)
                                            ExplorationCharts.number(
                                                    classBalance, "tiles_with_vessels", r)),
                            count((long) valid),
                            count((long) vessel),
                            valid > 0
                                    ? String.format(Locale.ROOT, "%.3f %%", 100 * vessel / valid)
                                    : "n/a",
                            vessel > 0
                                    ? String.format(Locale.ROOT, "%.1f", (valid - vessel) / vessel)
                                    : "n/a",
                            count(
                                    (long)
                                            ExplorationCharts.number(
                                                    classBalance, "vessel_objects", r))));
        }
        return rows;
    }

    private static String title(ExplorationResult result) {
        return "Exploration of " + result.dataset() + ", " + result.split().label();
    }

    private static String meta(ExplorationResult result) {
        return String.format(
                Locale.ROOT,
                "Dataset %s (%s; %d x %d px tiles; bands %s; values: %s). Densities: Gaussian"
                        + " kernels, %s, never below the tiles' reflectance step of %s. Written by"
                        + " s2v %s.",
                result.dataset(),
                result.datasetFolder(),
                result.tileSize(),
                result.tileSize(),
                String.join(", ", result.bands().stream().map(Enum::name).toList()),
                result.quantity(),
                result.rule().formula(),
                ExplorationCharts.reflectance(BandAnalysis.RESOLUTION),
                BuildInfo.version());
    }

    private static String markdown(ExplorationResult result, Table classBalance) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title(result)).append("\n\n");
        md.append(meta(result)).append("\n\n");
        md.append("## What was sampled\n\n").append(samplingText(result)).append("\n\n");
        md.append("## Separability per band\n\n");
        md.append(
                "How well one band alone tells vessel pixels from background pixels, measured on"
                        + " the sample. AUC: probability that a threshold on the band ranks a"
                        + " random vessel pixel above a random background pixel, in the better"
                        + " direction (0.5: no signal, 1: perfect). Bhattacharyya distance:"
                        + " -ln of the overlap integral of the two classes' kernel densities (0:"
                        + " identical).\n\n");
        md.append(markdownTable(separabilityRows(result))).append('\n');
        md.append("## Class balance (all tiles, from stats/class_balance.csv)\n\n");
        md.append(markdownTable(classBalanceRows(classBalance))).append('\n');
        md.append("## Charts\n\n");
        md.append(markdownFigures(result.figures()));
        if (result.comparison().isPresent()) {
            md.append(comparisonMarkdown(result, result.comparison().get()));
        }
        return md.toString();
    }

    private static String markdownTable(List<List<String>> rows) {
        StringBuilder md = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            md.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                md.append("|");
                for (int c = 0; c < rows.get(0).size(); c++) {
                    md.append(c == 0 ? " --- |" : " ---: |");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static String html(ExplorationResult result, Table classBalance) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<title>").append(Pages.escape(title(result))).append("</title>\n");
        h.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(Pages.escape(title(result))).append("</h1>\n");
        h.append("<p class=\"meta\">").append(Pages.escape(meta(result))).append("</p>\n");
        if (result.comparison().isPresent()) {
            h.append("<p>Compared with <a href=\"#compared\">")
                    .append(Pages.escape(result.comparison().get().b().dataset()))
                    .append("</a> at the end of this page.</p>\n");
        }
        h.append("<h2>What was sampled</h2>\n<p>")
                .append(Pages.escape(samplingText(result)))
                .append("</p>\n");
        h.append("<h2>Separability per band</h2>\n");
        h.append(
                "<p>How well one band alone tells vessel pixels from background pixels, on the"
                        + " sample: the ROC AUC of the best single-band threshold (0.5: no"
                        + " signal, 1: perfect) and the Bhattacharyya distance between the"
                        + " classes' densities (0: identical).</p>\n");
        h.append(htmlTable(separabilityRows(result)));
        h.append("<h2>Class balance</h2>\n<p>All tiles of the dataset, from its statistics.</p>\n");
        h.append(htmlTable(classBalanceRows(classBalance)));
        h.append("<h2>Charts</h2>\n");
        h.append(htmlFigures(result.figures()));
        if (result.comparison().isPresent()) {
            h.append(comparisonHtml(result, result.comparison().get()));
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String markdownFigures(List<Figure> figures) {
        StringBuilder md = new StringBuilder();
        for (Figure f : figures) {
            md.append("### ").append(f.title()).append("\n\n");
            md.append("![").append(f.title()).append("](").append(f.file()).append(".png)\n\n");
            md.append(f.caption()).append(" ([SVG](").append(f.file()).append(".svg))\n\n");
        }
        return md.toString();
    }

    private static String htmlFigures(List<Figure> figures) {
        StringBuilder h = new StringBuilder();
        for (Figure f : figures) {
            String file = Pages.escape(f.file());
            h.append("<figure id=\"").append(file).append("\">\n");
            h.append("<h3>").append(Pages.escape(f.title())).append("</h3>\n");
            h.append("<a href=\"")
                    .append(file)
                    .append(".svg\"><img src=\"")
                    .append(file)
                    .append(".png\" alt=\"")
                    .append(Pages.escape(f.title()))
                    .append("\"></a>\n");
            h.append("<figcaption>")
                    .append(Pages.escape(f.caption()))
                    .append(" <a href=\"")
                    .append(file)
                    .append(".png\">PNG</a> · <a href=\"")
                    .append(file)
                    .append(".svg\">SVG</a></figcaption>\n</figure>\n");
        }
        return h.toString();
    }

    private static String comparisonTitle(DatasetComparison comparison) {
        return "Compared with " + comparison.b().dataset();
    }

    /** What was compared with what, how B was sampled, and how far apart is measured. */
    private static List<String> comparisonParagraphs(
            ExplorationResult result, DatasetComparison comparison) {
        String a = comparison.a().dataset();
        String b = comparison.b().dataset();
        List<SpectralBand> compared =
                comparison.bands().stream().map(DatasetComparison.BandPair::band).toList();
        List<String> left = new ArrayList<>();
        for (SpectralBand band : result.bands()) {
            if (!compared.contains(band)) {
                left.add(band.name());
            }
        }
        StringBuilder what =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "Each band %s and %s both have, matched by name (%s), is compared"
                                        + " class by class: solid lines and a_ columns are %s,"
                                        + " dashed lines and b_ columns %s. The pixels of %s"
                                        + " were drawn as those of %s: from %s, up to %s per"
                                        + " class, seed %d. Background is every pixel outside"
                                        + " the vessel masks (water, land, cloud) in the mix"
                                        + " each dataset's tiles hold, so a wider or two-humped"
                                        + " background may mean more land rather than different"
                                        + " water.",
                                a,
                                b,
                                String.join(", ", compared.stream().map(Enum::name).toList()),
                                a,
                                b,
                                b,
                                a,
                                result.split().phrase(),
                                count(comparison.b().sampling().samplesPerClass()),
                                comparison.b().sampling().seed()));
        if (!left.isEmpty()) {
            what.append(" ")
                    .append(b)
                    .append(" lacks ")
                    .append(String.join(", ", left))
                    .append(", left out here.");
        }
        if (!comparison.a().quantity().equals(comparison.b().quantity())) {
            what.append(
                    String.format(
                            Locale.ROOT,
                            " The two may not hold the same quantity: %s holds %s, %s %s. If"
                                    + " one is top-of-atmosphere and the other surface"
                                    + " reflectance, part of every difference below is the"
                                    + " atmosphere (largest in the blue and over dark water),"
                                    + " not the scenes.",
                            a,
                            comparison.a().quantity(),
                            b,
                            comparison.b().quantity()));
        }
        SamplingSummary sb = comparison.b().sampling();
        DatasetComparison.BandPair first = comparison.bands().get(0);
        String sampled =
                sampling(
                                sb,
                                result.split().phrase() + " of " + b,
                                first.b().sample(PixelClass.BACKGROUND).size(),
                                first.b().sample(PixelClass.VESSEL).size())
                        + String.format(
                                Locale.ROOT, " Reading and sampling took %.1f s.", sb.seconds());
        return List.of(
                what.toString(),
                sampled,
                ComparisonCaptions.distanceChoice(),
                ComparisonCaptions.verdict(comparison));
    }

    /**
     * A class's rows of the comparison table, from the Tablesaw table: per band a row of A and a
     * row of B, the distances on A's row.
     */
    private static List<List<String>> comparisonRows(
            DatasetComparison comparison, PixelClass pixelClass) {
        Table table = comparison.table();
        Table rows = table.where(table.stringColumn("class").isEqualTo(pixelClass.label()));
        List<String> header = new ArrayList<>(List.of("band", "dataset", "pixels"));
        header.addAll(Quantiles.NAMES);
        header.addAll(List.of("Kolmogorov-Smirnov", "Wasserstein-1"));
        List<List<String>> out = new ArrayList<>();
        out.add(header);
        for (Row row : rows) {
            for (String side : List.of("a", "b")) {
                boolean first = side.equals("a");
                List<String> cells = new ArrayList<>();
                cells.add(first ? SpectralBand.parse(row.getString("band")).label() : "");
                cells.add(first ? comparison.a().dataset() : comparison.b().dataset());
                cells.add(count(row.getInt(side + "_pixels")));
                for (String q : Quantiles.NAMES) {
                    cells.add(tableNumber(row.getDouble(side + "_" + q), "%.4f"));
                }
                cells.add(first ? tableNumber(row.getDouble("kolmogorov_smirnov"), "%.3f") : "");
                cells.add(first ? tableNumber(row.getDouble("wasserstein_1"), "%.4f") : "");
                out.add(cells);
            }
        }
        return out;
    }

    private static String tableNumber(double v, String format) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, format, v);
    }

    private static String comparisonMarkdown(
            ExplorationResult result, DatasetComparison comparison) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(comparisonTitle(comparison)).append("\n\n");
        for (String paragraph : comparisonParagraphs(result, comparison)) {
            md.append(paragraph).append("\n\n");
        }
        for (PixelClass c : PixelClass.values()) {
            md.append("### ")
                    .append(ComparisonCaptions.capitalised(c.label()))
                    .append(" pixels\n\n");
            md.append(markdownTable(comparisonRows(comparison, c))).append('\n');
        }
        md.append("The same as CSV: [").append(COMPARISON).append("](").append(COMPARISON);
        md.append(").\n\n");
        md.append(markdownFigures(result.comparisonFigures()));
        return md.toString();
    }

    private static String comparisonHtml(ExplorationResult result, DatasetComparison comparison) {
        StringBuilder h = new StringBuilder();
        h.append("<h2 id=\"compared\">")
                .append(Pages.escape(comparisonTitle(comparison)))
                .append("</h2>\n");
        for (String paragraph : comparisonParagraphs(result, comparison)) {
            h.append("<p>").append(Pages.escape(paragraph)).append("</p>\n");
        }
        for (PixelClass c : PixelClass.values()) {
            h.append("<h3>")
                    .append(ComparisonCaptions.capitalised(c.label()))
                    .append(" pixels</h3>\n");
            h.append(htmlTable(comparisonRows(comparison, c)));
        }
        h.append("<p>The same as CSV: <a href=\"")
                .append(COMPARISON)
                .append("\">")
                .append(COMPARISON)
                .append("</a>.</p>\n");
        h.append(htmlFigures(result.comparisonFigures()));
        return h.toString();
    }

    private static String htmlTable(List<List<String>> rows) {
        StringBuilder h = new StringBuilder("<table>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cell = r == 0 ? "th" : "td";
            h.append("<tr>");
            for (String value : rows.get(r)) {
                h.append('<').append(cell);
                if (!NUMBER.matcher(value).matches()) {
                    h.append(" class=\"text\"");
                }
                h.append('>');
                h.append(Pages.escape(value));
                h.append("</").append(cell).append('>');
            }
            h.append("</tr>\n");
        }
        return h.append("</table>\n").toString();
    }
}
