package dev.s2v.exploration;

import static dev.s2v.exploration.ExplorationCharts.count;
import static dev.s2v.exploration.ExplorationCharts.reflectance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.tablesaw.api.Table;

/** The captions of the exploration pages: how to read each chart and what its numbers say. */
final class ExplorationCaptions {
    private ExplorationCaptions() {}

    static String distribution(BandAnalysis b, ChartContext context) {
        StringBuilder text =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "Histograms (bins %s wide) and kernel densities (%s) of %s"
                                        + " reflectance; each class has unit area, so the rare"
                                        + " vessel class is as visible as the background. ",
                                reflectance(b.histogram(PixelClass.BACKGROUND).binWidth()),
                                context.rule().formula(),
                                b.band().label()));
        text.append(comparison(b, context.split()));
        List<String> flattened = new ArrayList<>();
        for (PixelClass c : PixelClass.values()) {
            double flattening = flattening(b, c);
            if (flattening > 1.5) {
                flattened.add(String.format(Locale.ROOT, "%s (%.1f times)", c.label(), flattening));
            }
        }
        if (!flattened.isEmpty()) {
            text.append(" The curve flattens the narrowest peak of the ")
                    .append(String.join(" and the ", flattened))
                    .append(
                            ", where the histogram stands taller: a rule-of-thumb bandwidth"
                                    + " assumes one mode, and the class mixes a narrow mode (such"
                                    + " as calm water) with broad ones.");
        }
        return text.toString();
    }

    /**
     * How much taller a class's tallest histogram bin stands than its density curve's peak: near 1
     * when the bandwidth suits the data, large when it smooths a narrow mode away.
     */
    static double flattening(BandAnalysis b, PixelClass c) {
        if (b.sample(c).size() < 5000) {
            // Few pixels: the tallest of many bins stands high by chance, not for a mode.
            return 1;
        }
        Histogram h = b.histogram(c);
        double bins = 0;
        for (int i = 0; i < h.bins(); i++) {
            bins = Math.max(bins, h.density(i));
        }
        double curve = 0;
        for (double x : ExplorationCharts.grid(b.lower(), b.upper(), 4 * h.bins())) {
            curve = Math.max(curve, b.density(c).orElseThrow().at(x));
        }
        return curve > 0 ? bins / curve : 1;
    }

    static String violin(BandAnalysis b) {
        return "Each violin is its class's kernel density mirrored about a vertical line, widest"
                + " at the most common reflectance; solid line: median, dashed: quartiles. "
                + medians(b);
    }

    static String violins(List<BandAnalysis> bands, SplitSelection split) {
        Optional<BandAnalysis> best = best(bands);
        return "Every band on one reflectance axis, background left and vessel right of each"
                + " band's place; solid lines are medians, dashed lines quartiles. "
                + best.map(
                                b ->
                                        String.format(
                                                Locale.ROOT,
                                                "The classes differ most in %s (AUC %.3f).",
                                                b.band().label(),
                                                b.separability().thresholdAuc()))
                        .orElse("There are no vessel pixels in " + split.phrase() + ".");
    }

    static String separability(List<BandAnalysis> bands) {
        String how =
                "Top: ROC AUC of the best single-band threshold (0.5: no signal, 1: perfect"
                        + " separation). Bottom: Bhattacharyya distance between the classes'"
                        + " kernel densities (0: identical). ";
        Optional<BandAnalysis> best = best(bands);
        if (best.isEmpty()) {
            return how + "Both are undefined without vessel pixels.";
        }
        BandAnalysis worst =
                bands.stream()
                        .filter(b -> b.separability().defined())
                        .min(Comparator.comparingDouble(b -> b.separability().thresholdAuc()))
                        .orElseThrow();
        return how
                + String.format(
                        Locale.ROOT,
                        "Strongest: %s (AUC %.3f, distance %s); weakest: %s (AUC %.3f).",
                        best.get().band().label(),
                        best.get().separability().thresholdAuc(),
                        distance(best.get().separability().bhattacharyya()),
                        worst.band().label(),
                        worst.separability().thresholdAuc());
    }

    static String spectra(List<BandAnalysis> bands) {
        return "Median reflectance of each class at each band's central wavelength, the range"
                + " between the quartiles shaded: the spectral signature of hulls against the"
                + " background's mix of water, land and cloud, over "
                + bands.size()
                + " bands.";
    }

    static String scatter(BandAnalysis x, BandAnalysis y) {
        return String.format(
                Locale.ROOT,
                "One point per sampled pixel (up to %s per class, vessels drawn over background):"
                        + " where the two clouds of points part, a rule on %s and %s together"
                        + " would separate the classes. Axes hold all but the extreme %.1f %% of"
                        + " each class.",
                count(ExplorationCharts.SCATTER_POINTS),
                x.band().name(),
                y.band().name(),
                200 * BandAnalysis.TAIL);
    }

    static String classImbalance(Table classBalance) {
        StringBuilder text =
                new StringBuilder(
                        "From the dataset's statistics (all its tiles, not the sample). ");
        for (int r = 0; r < classBalance.rowCount(); r++) {
            String split = classBalance.stringColumn("split").get(r);
            double valid = ExplorationCharts.number(classBalance, "valid_pixels", r);
            double vessel = ExplorationCharts.number(classBalance, "vessel_pixels", r);
            if (!split.equals("all")) {
                continue;
            }
            text.append(
                    valid > 0 && vessel > 0
                            ? String.format(
                                    Locale.ROOT,
                                    "Vessels are %.3f %% of all valid pixels: one in %s. ",
                                    100 * vessel / valid,
                                    count(Math.round(valid / vessel)))
                            : "The dataset has no vessel pixels. ");
            text.append(
                    String.format(
                            Locale.ROOT,
                            "%s of %s tiles hold vessels. ",
                            count(
                                    (long)
                                            ExplorationCharts.number(
                                                    classBalance, "tiles_with_vessels", r)),
                            count((long) ExplorationCharts.number(classBalance, "tiles", r))));
        }
        text.append(
                "Objects are 8-connected groups of vessel pixels as tile borders cut them, binned"
                        + " by length.");
        return text.toString();
    }

    private static String comparison(BandAnalysis b, SplitSelection split) {
        BandSeparability s = b.separability();
        if (!s.defined()) {
            return "There are no "
                    + (s.vesselPixels() == 0 ? "vessel" : "background")
                    + " pixels in "
                    + split.phrase()
                    + ": nothing to compare.";
        }
        return String.format(
                Locale.ROOT,
                "Vessels are %s here: %s (AUC %.3f, Bhattacharyya distance %s).",
                s.vesselsAre(),
                medians(b).replace("Median", "median").replaceAll("\\.$", ""),
                s.thresholdAuc(),
                distance(s.bhattacharyya()));
    }

    private static String medians(BandAnalysis b) {
        StringBuilder text = new StringBuilder("Median reflectance");
        String sep = " ";
        for (PixelClass c : PixelClass.values()) {
            if (!b.sample(c).isEmpty()) {
                text.append(sep)
                        .append(c.label())
                        .append(' ')
                        .append(reflectance(b.sample(c).median()));
                sep = ", ";
            }
        }
        return text.append('.').toString();
    }

    private static Optional<BandAnalysis> best(List<BandAnalysis> bands) {
        return bands.stream()
                .filter(b -> b.separability().defined())
                .max(Comparator.comparingDouble(b -> b.separability().thresholdAuc()));
    }

    /** A Bhattacharyya distance for text: three decimals, "infinite" for no overlap. */
    static String distance(double d) {
        if (Double.isNaN(d)) {
            return "n/a";
        }
        return Double.isInfinite(d)
                ? "infinite (no overlap)"
                : String.format(Locale.ROOT, "%.3f", d);
    }
}
