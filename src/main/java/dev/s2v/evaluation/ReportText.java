package dev.s2v.evaluation;

import dev.s2v.charts.Pages;
import java.util.Locale;

/** How numbers and text appear in the report files. */
final class ReportText {
    /** What an undefined (NaN) metric prints as. */
    static final String NOT_AVAILABLE = "n/a";

    private ReportText() {}

    /** A ratio with three decimals, or "n/a". */
    static String ratio(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : NOT_AVAILABLE;
    }

    /** What a ratio with an empty denominator prints as in the report's tables. */
    static final String EMPTY = "–";

    /**
     * A ratio with three decimals; {@link #EMPTY} when its denominator is 0, so that a conventional
     * 1 (e.g. the recall of a length class without vessels) is not read as a result.
     */
    static String ratio(double value, long denominator) {
        return denominator == 0 ? EMPTY : ratio(value);
    }

    /** A length in metres with one decimal, or "n/a". */
    static String metres(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f", value) : NOT_AVAILABLE;
    }

    /** A plain number for CSV files: shortest exact form, or "n/a". */
    static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : NOT_AVAILABLE;
    }

    /** Text safe inside HTML elements and attribute values. */
    static String html(String text) {
        return Pages.escape(text);
    }

    /** Text safe in a Markdown table cell. */
    static String markdown(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    /** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
    static String csv(String text) {
        if (text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /**
     * The sentence on the set-aside short predictions and on where the false alarms lie, for a
     * predictor's vessel results.
     */
    static String falseAlarms(ObjectMetrics objects, EvaluationSettings settings) {
        FalseAlarms f = objects.falseAlarms();
        ObjectMatching m = settings.matching();
        String shortRule =
                m.minLengthM() > 0
                        ? String.format(
                                Locale.ROOT,
                                "Predicted objects shorter than %s m were set aside (%d of them)"
                                        + " and true vessels shorter than that are optional. ",
                                metres(m.minLengthM()),
                                f.setAsideShort())
                        : "";
        return shortRule
                + String.format(
                        Locale.ROOT,
                        "Of the %d false alarms, %d lie within %s m of a labelled vessel (fragments"
                                + " or doubles of it) and %d farther (clutter, or craft the labels"
                                + " leave out: see the gallery of far false alarms); counting only the far ones,"
                                + " vessel precision would be %s.",
                        f.total(),
                        f.near(),
                        metres(m.nearPx() * settings.pixelSizeM()),
                        f.far(),
                        ratio(f.precisionCountingFarOnly(objects.overall().matchedPredicted())));
    }
}
