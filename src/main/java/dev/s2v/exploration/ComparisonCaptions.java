package dev.s2v.exploration;

import static dev.s2v.exploration.ExplorationCharts.reflectance;

import dev.s2v.exploration.DatasetComparison.BandPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The captions of an exploration's comparison with another dataset: how to read each figure and, in
 * words, where the two datasets disagree.
 */
final class ComparisonCaptions {
    /**
     * Medians closer than this are called about equal: ten reflectance steps, well under the spread
     * of any class, so that a word like "darker" never rests on rounding.
     */
    static final double SAME_MEDIAN = 10 * BandAnalysis.RESOLUTION;

    /** Interquartile ranges whose ratio stays within this factor either way are not remarked on. */
    private static final double SAME_SPREAD = 1.5;

    private static final Comparator<ClassComparison> BY_DISTANCE =
            Comparator.comparingDouble(r -> r.distance().wasserstein1());

    private ComparisonCaptions() {}

    /** Why the comparison ranks by the Wasserstein-1 distance and shows the KS statistic too. */
    static String distanceChoice() {
        return "Both distances are computed on the samples themselves (their empirical"
                + " distribution functions), not on the density curves, so no bandwidth or bin"
                + " enters them. The Wasserstein-1 distance is the area between the two"
                + " cumulative distributions: how far, on average, a pixel's reflectance must move"
                + " to turn one dataset's distribution into the other's, in reflectance units, the"
                + " unit of any threshold a model learns. It ranks the bands and classes here,"
                + " because the Kolmogorov-Smirnov statistic (the largest difference, over all"
                + " thresholds, between the shares of the two datasets below the threshold) stops"
                + " at 1 as soon as two samples no longer overlap, however far apart they are."
                + " The Kolmogorov-Smirnov statistic is shown beside it as the scale-free share"
                + " of pixels a single threshold would treat differently.";
    }

    /** The caption of one band's figure. */
    static String band(DatasetComparison comparison, BandPair pair) {
        String a = comparison.a().dataset();
        String b = comparison.b().dataset();
        StringBuilder text =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "%s reflectance of background (left) and vessel (right) pixels,"
                                        + " %s solid and filled, %s dashed. Top: kernel densities,"
                                        + " each with unit area. Bottom: the share of pixels at"
                                        + " or below each reflectance, with p5, p25, median, p75"
                                        + " and p95 marked; the black bar is the largest"
                                        + " vertical gap (the Kolmogorov-Smirnov statistic, KS)"
                                        + " and the grey area between the curves the"
                                        + " Wasserstein-1 distance (W1). ",
                                pair.band().label(),
                                a,
                                b));
        List<ClassComparison> rows = new ArrayList<>();
        for (PixelClass c : PixelClass.values()) {
            ClassComparison row = pair.compare(c);
            rows.add(row);
            text.append(sentence(comparison, pair, row)).append(' ');
        }
        List<ClassComparison> defined = rows.stream().filter(ClassComparison::defined).toList();
        if (defined.size() == 2) {
            ClassComparison larger = defined.stream().max(BY_DISTANCE).get();
            text.append("By W1, the ")
                    .append(larger.pixelClass().label())
                    .append(" pixels disagree more in ")
                    .append(pair.band().name())
                    .append('.');
        }
        return text.toString().strip();
    }

    /** The caption of the overview of distances. */
    static String distances(DatasetComparison comparison) {
        return String.format(
                        Locale.ROOT,
                        "How far apart %s and %s lie, per band and class. Top: the Wasserstein-1"
                                + " distance, in reflectance (how far, on average, a pixel's"
                                + " reflectance must move to turn one distribution into the"
                                + " other). Bottom: the Kolmogorov-Smirnov statistic (0: the"
                                + " same distribution, 1: no overlap at all). ",
                        comparison.a().dataset(),
                        comparison.b().dataset())
                + verdict(comparison);
    }

    /** Per class, the bands where the datasets differ most and least, by Wasserstein-1. */
    static String verdict(DatasetComparison comparison) {
        StringBuilder text = new StringBuilder();
        for (PixelClass c : PixelClass.values()) {
            List<ClassComparison> rows =
                    comparison.rows().stream()
                            .filter(r -> r.pixelClass() == c && r.defined())
                            .toList();
            if (rows.isEmpty()) {
                text.append(capitalised(c.label()))
                        .append(" pixels cannot be compared: a dataset has none. ");
                continue;
            }
            ClassComparison most = rows.stream().max(BY_DISTANCE).get();
            ClassComparison least = rows.stream().min(BY_DISTANCE).get();
            text.append(capitalised(c.label()))
                    .append(" pixels differ most in ")
                    .append(measured(most));
            if (least != most) {
                text.append(" and least in ").append(measured(least));
            }
            text.append(". ");
        }
        return text.toString().strip();
    }

    /** The caption of the spectra of both datasets. */
    static String spectra(DatasetComparison comparison) {
        String b = comparison.b().dataset();
        StringBuilder text =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "Median reflectance of each class at each band's central"
                                        + " wavelength, %s solid and %s dashed; the range"
                                        + " between the quartiles is shaded for %s and outlined"
                                        + " in thin dashes for %s. ",
                                comparison.a().dataset(),
                                b,
                                comparison.a().dataset(),
                                b));
        for (PixelClass c : PixelClass.values()) {
            List<String> darker = new ArrayList<>();
            List<String> brighter = new ArrayList<>();
            List<String> same = new ArrayList<>();
            for (ClassComparison r : comparison.rows()) {
                if (r.pixelClass() != c || !r.defined()) {
                    continue;
                }
                String band = r.band().name();
                if (Math.abs(r.medianShift()) < SAME_MEDIAN) {
                    same.add(band);
                } else {
                    (r.medianShift() < 0 ? darker : brighter).add(band);
                }
            }
            if (darker.isEmpty() && brighter.isEmpty() && same.isEmpty()) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (!darker.isEmpty()) {
                parts.add("darker in " + String.join(", ", darker));
            }
            if (!brighter.isEmpty()) {
                parts.add("brighter in " + String.join(", ", brighter));
            }
            if (!same.isEmpty()) {
                parts.add("about as bright in " + String.join(", ", same));
            }
            text.append(
                    String.format(
                            Locale.ROOT,
                            "At the median, the %s pixels of %s are %s. ",
                            c.label(),
                            b,
                            String.join("; ", parts)));
        }
        return text.toString().strip();
    }

    /** One class in one band, in words: which dataset is brighter, how wide, how far apart. */
    static String sentence(DatasetComparison comparison, BandPair pair, ClassComparison row) {
        String a = comparison.a().dataset();
        String b = comparison.b().dataset();
        String label = capitalised(row.pixelClass().label());
        if (!row.defined()) {
            List<String> without = new ArrayList<>();
            if (row.pixelsA() == 0) {
                without.add(a);
            }
            if (row.pixelsB() == 0) {
                without.add(b);
            }
            return String.format(
                    Locale.ROOT,
                    "%s: %s %s no %s pixels in %s; nothing to compare.",
                    label,
                    String.join(" and ", without),
                    without.size() == 1 ? "has" : "have",
                    row.pixelClass().label(),
                    comparison.a().split().phrase());
        }
        double shift = row.medianShift();
        String direction =
                Math.abs(shift) < SAME_MEDIAN
                        ? "about as bright as"
                        : (shift < 0 ? "darker than" : "brighter than");
        StringBuilder text =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "%s: %s is %s %s (median %s against %s)",
                                label,
                                b,
                                direction,
                                a,
                                reflectance(row.b().median()),
                                reflectance(row.a().median())));
        double iqrA = row.a().p75() - row.a().p25();
        double iqrB = row.b().p75() - row.b().p25();
        if (iqrA > 0 && iqrB > 0) {
            double ratio = iqrB / iqrA;
            if (ratio >= SAME_SPREAD || ratio <= 1 / SAME_SPREAD) {
                text.append(
                        String.format(
                                Locale.ROOT,
                                " and its middle half spans %s the range (interquartile range"
                                        + " %s against %s)",
                                ratio >= 1
                                        ? String.format(Locale.ROOT, "%.1f times", ratio)
                                        : String.format(Locale.ROOT, "%.0f %% of", 100 * ratio),
                                reflectance(iqrB),
                                reflectance(iqrA)));
            }
        }
        SampleDistance d = row.distance();
        double at = d.kolmogorovSmirnovAt();
        text.append(
                String.format(
                        Locale.ROOT,
                        "; at %s, %.0f %% of %s and %.0f %% of %s lie at or below it"
                                + " (KS %.2f); W1 %s.",
                        reflectance(at),
                        100 * pair.a().sample(row.pixelClass()).shareAtOrBelow(at),
                        a,
                        100 * pair.b().sample(row.pixelClass()).shareAtOrBelow(at),
                        b,
                        d.kolmogorovSmirnov(),
                        reflectance(d.wasserstein1())));
        return text.toString();
    }

    private static String measured(ClassComparison row) {
        return String.format(
                Locale.ROOT,
                "%s (Wasserstein-1 %s, Kolmogorov-Smirnov %.2f)",
                row.band().name(),
                reflectance(row.distance().wasserstein1()),
                row.distance().kolmogorovSmirnov());
    }

    /** A label with its first letter in upper case, to open a sentence or heading. */
    static String capitalised(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
