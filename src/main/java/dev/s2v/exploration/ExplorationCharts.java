package dev.s2v.exploration;

import dev.s2v.charts.AxisLabels;
import dev.s2v.charts.Charts;
import dev.s2v.charts.NoteBox;
import dev.s2v.raster.SpectralBand;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * The charts of {@code s2v explore} as XChart objects (so tests can read their series), in the
 * house style of {@link Charts}: background blue, vessels vermillion, sample sizes in the legends.
 */
public final class ExplorationCharts {
    /** Points of a density curve or a violin outline. */
    static final int CURVE_POINTS = 400;

    /** Pixels per class drawn in the scatter plot: more would only hide each other. */
    public static final int SCATTER_POINTS = 4000;

    /** Where each class's violin sits on a single band's chart. */
    static final double[] VIOLIN_CENTRES = {1, 2};

    /** The y axis reaches this multiple of the data's span, leaving room for legend and note. */
    private static final double HEADROOM = 1.4;

    /** A density curve's line (XChart draws lines with their stroke, not their line width). */
    static final BasicStroke CURVE = new BasicStroke(3f);

    private static final BasicStroke MEDIAN = new BasicStroke(3f);
    private static final BasicStroke QUARTILE =
            new BasicStroke(
                    2f,
                    BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER,
                    10f,
                    new float[] {7f, 5f},
                    0f);

    private ExplorationCharts() {}

    /** The colour of a class. */
    static Color colour(PixelClass pixelClass) {
        return pixelClass == PixelClass.VESSEL ? Charts.VESSEL_CLASS : Charts.BACKGROUND_CLASS;
    }

    /** A band as charts name it: {@code B08 842 nm (near infrared)}. */
    static String bandName(SpectralBand band) {
        return band.label() + " (" + band.description() + ")";
    }

    /**
     * The distribution of a band's reflectance for both classes on one chart: each class's
     * histogram (as a share of its pixels per unit of reflectance, so classes of very different
     * sizes compare) under its kernel density estimate.
     *
     * @param logY whether the density axis is logarithmic (shows the rare bright tails)
     */
    public static XYChart distribution(BandAnalysis band, ChartContext context, boolean logY) {
        XYChart chart =
                xyChart(
                        bandName(band.band())
                                + ": reflectance of vessel and background pixels, "
                                + context.split().label(),
                        context.quantity(),
                        "probability density (per unit reflectance)" + (logY ? ", log scale" : ""));
        chart.getStyler().setXAxisMin(band.lower()).setXAxisMax(band.upper());
        chart.getStyler().setXAxisDecimalPattern("0.00##");
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        double peak = 0;
        // Histograms first, curves over them: a curve is never hidden by the other class's bars.
        for (PixelClass c : PixelClass.values()) {
            if (band.sample(c).isEmpty()) {
                continue;
            }
            double[][] outline = histogramOutline(band.histogram(c));
            peak = Math.max(peak, max(outline[1]));
            XYSeries bars =
                    chart.addSeries(
                            c.label() + " histogram, n = " + count(band.sample(c).size()) + " px",
                            outline[0],
                            outline[1]);
            bars.setXYSeriesRenderStyle(logY ? XYSeriesRenderStyle.Line : XYSeriesRenderStyle.Area);
            bars.setFillColor(Charts.translucent(colour(c), 60));
            bars.setLineColor(Charts.translucent(colour(c), 150));
            bars.setLineWidth(1f);
            bars.setMarker(SeriesMarkers.NONE);
        }
        for (PixelClass c : PixelClass.values()) {
            if (band.sample(c).isEmpty()) {
                continue;
            }
            KernelDensity kde = band.density(c).orElseThrow();
            XYSeries curve =
                    densityCurve(
                            chart,
                            c.label() + " kernel density, h = " + reflectance(kde.bandwidth()),
                            kde,
                            band.lower(),
                            band.upper(),
                            colour(c),
                            CURVE);
            peak = Math.max(peak, max(curve.getYData()));
        }
        if (peak == 0) {
            peak = 1;
        }
        if (logY) {
            // A log axis cannot show zero: drop what lies five decades under the peak.
            double floor = peak * 1e-5;
            for (XYSeries s : List.copyOf(chart.getSeriesMap().values())) {
                double[] y = s.getYData();
                for (int i = 0; i < y.length; i++) {
                    if (!(y[i] >= floor)) {
                        y[i] = Double.NaN;
                    }
                }
                chart.updateXYSeries(s.getName(), s.getXData(), y, null);
            }
            // Two decades of headroom keep the legend and the note clear of the curves.
            chart.getStyler().setYAxisMin(floor).setYAxisMax(peak * 100);
        } else {
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(peak * HEADROOM);
        }
        List<String> lines = new ArrayList<>(sampleLines(band, context));
        lines.add(
                "histogram bins "
                        + reflectance(band.histogram(PixelClass.BACKGROUND).binWidth())
                        + " wide; each class has unit area");
        lines.add("kernel: Gaussian, " + context.rule().formula());
        note(chart, lines);
        return chart;
    }

    /**
     * The vertices of a histogram's outline: up from zero at the first edge, along each bin's top,
     * down to zero after the last edge. Non-decreasing in x, so it fills as an area.
     */
    static double[][] histogramOutline(Histogram h) {
        int bins = h.bins();
        double[] x = new double[2 * bins + 2];
        double[] y = new double[2 * bins + 2];
        x[0] = h.edge(0);
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = h.edge(b);
            y[2 * b + 1] = h.density(b);
            x[2 * b + 2] = h.edge(b + 1);
            y[2 * b + 2] = h.density(b);
        }
        x[2 * bins + 1] = h.edge(bins);
        return new double[][] {x, y};
    }

    /**
     * Adds a density estimate as a line of {@value #CURVE_POINTS} points from {@code lower} to
     * {@code upper}.
     */
    static XYSeries densityCurve(
            XYChart chart,
            String name,
            KernelDensity density,
            double lower,
            double upper,
            Color colour,
            BasicStroke stroke) {
        double[] x = grid(lower, upper, CURVE_POINTS);
        XYSeries curve = chart.addSeries(name, x, density.at(x));
        curve.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        curve.setLineColor(colour);
        curve.setLineStyle(stroke);
        curve.setMarker(SeriesMarkers.NONE);
        return curve;
    }

    /**
     * One band's violins, one per class: the density estimate mirrored about the class's centre
     * line, scaled to the class's densest reflectance, the median drawn solid and the quartiles
     * dashed across it.
     */
    public static XYChart violin(BandAnalysis band, ChartContext context) {
        XYChart chart =
                xyChart(
                        bandName(band.band())
                                + ": reflectance by class, "
                                + context.split().label(),
                        "class",
                        context.quantity());
        chart.getStyler().setXAxisMin(0.4).setXAxisMax(2.6);
        headroom(chart, band.lower(), band.upper());
        List<Violin> violins = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
        for (PixelClass c : PixelClass.values()) {
            int n = band.sample(c).size();
            labels.add(List.of(c.label(), n == 0 ? "no pixels" : "n = " + count(n) + " px"));
            if (n == 0) {
                continue;
            }
            Violin v =
                    Violin.of(
                            band.sample(c),
                            band.density(c).orElseThrow(),
                            VIOLIN_CENTRES[c.ordinal()],
                            0.4,
                            band.lower(),
                            band.upper(),
                            CURVE_POINTS);
            violins.add(v);
            addViolinSeries(chart, c.label(), c, List.of(v));
        }
        addMarks(chart, violins);
        categoryAxis(chart, VIOLIN_CENTRES, labels);
        List<String> lines = new ArrayList<>(sampleLines(band, context));
        lines.add("width: density, scaled to each class's peak");
        lines.add("kernel: Gaussian, " + context.rule().formula());
        note(chart, lines);
        return chart;
    }

    /**
     * Every band's violins on one chart, background left and vessel right of each band's place, on
     * a shared reflectance axis.
     */
    public static XYChart violins(List<BandAnalysis> bands, ChartContext context) {
        XYChart chart =
                xyChart(
                        "Reflectance by band and class, " + context.split().label(),
                        "band (central wavelength)",
                        context.quantity());
        double lower = Double.POSITIVE_INFINITY;
        double upper = Double.NEGATIVE_INFINITY;
        for (BandAnalysis b : bands) {
            lower = Math.min(lower, b.lower());
            upper = Math.max(upper, b.upper());
        }
        chart.getStyler().setXAxisMin(0.5).setXAxisMax(bands.size() + 0.5);
        headroom(chart, lower, upper);
        List<Violin> all = new ArrayList<>();
        for (PixelClass c : PixelClass.values()) {
            List<Violin> violins = new ArrayList<>();
            for (int i = 0; i < bands.size(); i++) {
                BandAnalysis b = bands.get(i);
                if (b.sample(c).isEmpty()) {
                    continue;
                }
                double centre = i + 1 + (c == PixelClass.VESSEL ? 0.2 : -0.2);
                violins.add(
                        Violin.of(
                                b.sample(c),
                                b.density(c).orElseThrow(),
                                centre,
                                0.18,
                                b.lower(),
                                b.upper(),
                                CURVE_POINTS / 2));
            }
            if (!violins.isEmpty()) {
                addViolinSeries(
                        chart,
                        c.label() + (c == PixelClass.VESSEL ? " (right)" : " (left)"),
                        c,
                        violins);
                all.addAll(violins);
            }
        }
        addMarks(chart, all);
        double[] positions = new double[bands.size()];
        List<List<String>> labels = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            positions[i] = i + 1;
            SpectralBand b = bands.get(i).band();
            labels.add(List.of(b.name(), b.wavelengthNm() + " nm"));
        }
        categoryAxis(chart, positions, labels);
        List<String> lines = new ArrayList<>(sampleLines(bands.get(0), context));
        lines.add("width: density, scaled to each violin's peak");
        note(chart, lines);
        return chart;
    }

    /**
     * Leaves the top quarter of the plot free for the note: the data span {@code lower..upper}, the
     * axis reaches a third of that span higher.
     */
    private static void headroom(XYChart chart, double lower, double upper) {
        chart.getStyler().setYAxisMin(lower).setYAxisMax(upper + (HEADROOM - 1) * (upper - lower));
        chart.getStyler().setYAxisDecimalPattern("0.00##");
    }

    /** Category labels under the plot at the given x, instead of numeric ticks. */
    private static void categoryAxis(XYChart chart, double[] positions, List<List<String>> labels) {
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        int lines = labels.stream().mapToInt(List::size).max().orElse(1);
        chart.getStyler()
                .setAxisTitlePadding(
                        AxisLabels.height(lines, chart.getStyler().getAxisTickLabelsFont()));
        chart.addAnnotation(new AxisLabels(positions, labels));
    }

    private static void addViolinSeries(
            XYChart chart, String name, PixelClass pixelClass, List<Violin> violins) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Violin v : violins) {
            if (!x.isEmpty()) {
                // NaN ends one polygon and starts the next.
                x.add(Double.NaN);
                y.add(Double.NaN);
            }
            for (double value : v.outlineX()) {
                x.add(value);
            }
            for (double value : v.outlineY()) {
                y.add(value);
            }
        }
        XYSeries series = chart.addSeries(name, toArray(x), toArray(y));
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        series.setFillColor(Charts.translucent(colour(pixelClass), 110));
        series.setLineColor(colour(pixelClass));
        series.setLineWidth(1.5f);
        series.setMarker(SeriesMarkers.NONE);
    }

    private static void addMarks(XYChart chart, List<Violin> violins) {
        if (violins.isEmpty()) {
            return;
        }
        List<Double> mx = new ArrayList<>();
        List<Double> my = new ArrayList<>();
        List<Double> qx = new ArrayList<>();
        List<Double> qy = new ArrayList<>();
        for (Violin v : violins) {
            segment(mx, my, v.centre(), v.median());
            segment(qx, qy, v.centre(), v.lowerQuartile());
            segment(qx, qy, v.centre(), v.upperQuartile());
        }
        XYSeries median = chart.addSeries("median", toArray(mx), toArray(my));
        median.setLineColor(Color.BLACK);
        median.setLineStyle(MEDIAN);
        median.setMarker(SeriesMarkers.NONE);
        XYSeries quartiles = chart.addSeries("quartiles (25 %, 75 %)", toArray(qx), toArray(qy));
        quartiles.setLineColor(Color.BLACK);
        quartiles.setLineStyle(QUARTILE);
        quartiles.setMarker(SeriesMarkers.NONE);
    }

    private static void segment(List<Double> x, List<Double> y, double centre, Violin.Mark mark) {
        if (!x.isEmpty()) {
            x.add(Double.NaN);
            y.add(Double.NaN);
        }
        x.add(centre - mark.halfWidth());
        y.add(mark.y());
        x.add(centre + mark.halfWidth());
        y.add(mark.y());
    }

    /**
     * Two bands against each other, one point per sampled pixel (up to {@value #SCATTER_POINTS} per
     * class, vessels drawn over background), on the range that holds all but the extreme {@value
     * BandAnalysis#TAIL} of each class in each band.
     */
    public static XYChart scatter(
            PixelSample sample, BandAnalysis xBand, BandAnalysis yBand, ChartContext context) {
        XYChart chart =
                xyChart(
                        xBand.band().label()
                                + " against "
                                + yBand.band().label()
                                + ", sampled pixels, "
                                + context.split().label(),
                        xBand.band().label() + " " + context.quantity(),
                        yBand.band().label() + " " + context.quantity());
        chart.getStyler().setXAxisMin(xBand.lower()).setXAxisMax(xBand.upper());
        chart.getStyler().setXAxisDecimalPattern("0.00##");
        headroom(chart, yBand.lower(), yBand.upper());
        chart.getStyler().setMarkerSize(6);
        List<String> lines = new ArrayList<>();
        for (PixelClass c : PixelClass.values()) {
            float[] x = sample.values(c, xBand.band());
            float[] y = sample.values(c, yBand.band());
            int shown = Math.min(SCATTER_POINTS, x.length);
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            int outside = 0;
            // The sample's order is random: its first pixels are a random subsample.
            for (int i = 0; i < shown; i++) {
                if (x[i] < xBand.lower()
                        || x[i] > xBand.upper()
                        || y[i] < yBand.lower()
                        || y[i] > yBand.upper()) {
                    outside++;
                } else {
                    px.add((double) x[i]);
                    py.add((double) y[i]);
                }
            }
            if (shown == 0) {
                lines.add("no " + c.label() + " pixels in " + context.split().phrase());
                continue;
            }
            XYSeries points =
                    chart.addSeries(
                            c.label()
                                    + ", "
                                    + count(shown)
                                    + " of "
                                    + count(x.length)
                                    + " sampled px",
                            toArray(px),
                            toArray(py));
            points.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            points.setMarker(SeriesMarkers.CIRCLE);
            points.setMarkerColor(Charts.translucent(colour(c), c == PixelClass.VESSEL ? 170 : 90));
            if (outside > 0) {
                lines.add(count(outside) + " " + c.label() + " px outside the axes");
            }
        }
        lines.add(0, "pixels drawn: a random subset of the sample");
        note(chart, lines);
        return chart;
    }

    /**
     * The class-imbalance figure, from the dataset's statistics: the vessel share of pixels per
     * split, the tiles with and without vessels per split, and the vessel objects per length bin
     * per split (objects as tiles cut them).
     *
     * @param classBalance the {@code class_balance.csv} table
     * @param objects the {@code objects_by_length.csv} table
     * @return the panels, by row
     */
    public static List<List<Chart<?, ?>>> classImbalance(Table classBalance, Table objects) {
        List<String> splits = new ArrayList<>();
        List<Double> share = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        List<String> noTiles = new ArrayList<>();
        List<String> noVessels = new ArrayList<>();
        for (int r = 0; r < classBalance.rowCount(); r++) {
            String split = classBalance.stringColumn("split").get(r);
            double vesselPixels = number(classBalance, "vessel_pixels", r);
            double valid = number(classBalance, "valid_pixels", r);
            if (number(classBalance, "tiles", r) == 0) {
                noTiles.add(split);
            } else if (vesselPixels == 0) {
                noVessels.add(split);
            }
            splits.add(split);
            share.add(valid > 0 ? 100 * vesselPixels / valid : 0);
            with.add(number(classBalance, "tiles_with_vessels", r));
            without.add(number(classBalance, "tiles_without_vessels", r));
        }
        CategoryChart shares =
                categoryChart(
                        Charts.WIDTH / 2,
                        Charts.HEIGHT / 2,
                        "Vessel share of valid pixels",
                        "split",
                        "vessel pixels (% of valid pixels)");
        shares.getStyler().setLabelsVisible(true);
        shares.getStyler().setYAxisDecimalPattern("0.0##");
        shares.getStyler().setLegendVisible(false);
        shares.addSeries("vessel pixels", splits, share).setFillColor(Charts.VESSEL_CLASS);
        List<String> missing = new ArrayList<>();
        if (!noVessels.isEmpty()) {
            missing.add("no vessel pixels: " + String.join(", ", noVessels));
        }
        if (!noTiles.isEmpty()) {
            missing.add("no tiles: " + String.join(", ", noTiles));
        }
        if (!missing.isEmpty()) {
            note(shares, missing);
        }
        floorAxis(shares, share, 0.01);

        CategoryChart tiles =
                categoryChart(
                        Charts.WIDTH / 2,
                        Charts.HEIGHT / 2,
                        "Tiles with and without vessels",
                        "split",
                        "tiles");
        tiles.getStyler().setStacked(true);
        tiles.getStyler().setLabelsVisible(true);
        tiles.getStyler().setYAxisDecimalPattern("#,##0");
        tiles.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        tiles.addSeries("with vessels", splits, with).setFillColor(Charts.VESSEL_CLASS);
        tiles.addSeries("without vessels", splits, without).setFillColor(Charts.BACKGROUND_CLASS);

        CategoryChart lengths =
                categoryChart(
                        Charts.WIDTH,
                        Charts.HEIGHT / 2,
                        "Vessel objects per length bin (8-connected pixel groups as tiles cut them)",
                        "object length",
                        "vessel objects");
        lengths.getStyler().setYAxisDecimalPattern("#,##0");
        lengths.getStyler().setLabelsVisible(true);
        lengths.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        Color[] splitColours = {Charts.PALETTE[2], Charts.PALETTE[3], Charts.PALETTE[4]};
        List<String> bins = new ArrayList<>();
        for (int r = 0; r < objects.rowCount(); r++) {
            String bin = objects.stringColumn("length_bin").get(r);
            if (!bins.contains(bin)) {
                bins.add(bin);
            }
        }
        int colour = 0;
        double total = 0;
        for (String split : List.of("train", "val", "test")) {
            List<Double> counts = new ArrayList<>();
            for (String bin : bins) {
                double n = 0;
                for (int r = 0; r < objects.rowCount(); r++) {
                    if (objects.stringColumn("split").get(r).equals(split)
                            && objects.stringColumn("length_bin").get(r).equals(bin)) {
                        n += number(objects, "objects", r);
                    }
                }
                counts.add(n);
            }
            CategorySeries s = lengths.addSeries(split, bins, counts);
            s.setFillColor(splitColours[colour++]);
            total += counts.stream().mapToDouble(Double::doubleValue).sum();
        }
        if (total == 0) {
            note(lengths, List.of("no vessel objects in the dataset"));
            lengths.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        }
        return List.of(List.of(shares, tiles), List.of(lengths));
    }

    /**
     * The separability figure: per band the AUC of the best single-band threshold (top) and the
     * Bhattacharyya distance between the classes (bottom).
     *
     * @return the panels, by row
     */
    public static List<List<Chart<?, ?>>> separability(
            List<BandAnalysis> bands, ChartContext context) {
        List<String> names = new ArrayList<>();
        List<Double> auc = new ArrayList<>();
        List<Double> distance = new ArrayList<>();
        List<String> darker = new ArrayList<>();
        List<String> disjoint = new ArrayList<>();
        for (BandAnalysis b : bands) {
            BandSeparability s = b.separability();
            names.add(b.band().label());
            auc.add(s.defined() ? s.thresholdAuc() : 0.5);
            distance.add(s.defined() && Double.isFinite(s.bhattacharyya()) ? s.bhattacharyya() : 0);
            if (s.defined() && s.auc() < 0.5) {
                darker.add(b.band().name());
            }
            if (s.defined() && Double.isInfinite(s.bhattacharyya())) {
                disjoint.add(b.band().name());
            }
        }
        CategoryChart aucChart =
                categoryChart(
                        Charts.WIDTH,
                        Charts.HEIGHT / 2,
                        "Single-band threshold: ROC AUC, vessel against background, "
                                + context.split().label(),
                        "band",
                        "AUC (0.5 = no signal, 1 = perfect)");
        aucChart.getStyler().setYAxisMin(0.5).setYAxisMax(1.0);
        aucChart.getStyler().setLabelsVisible(true);
        aucChart.getStyler().setYAxisDecimalPattern("0.00");
        aucChart.getStyler().setLegendVisible(false);
        aucChart.addSeries("AUC", names, auc).setFillColor(Charts.PALETTE[2]);
        CategoryChart distanceChart =
                categoryChart(
                        Charts.WIDTH,
                        Charts.HEIGHT / 2,
                        "Bhattacharyya distance between the class densities",
                        "band",
                        "distance (0 = same distribution)");
        distanceChart.getStyler().setYAxisMin(0.0);
        distanceChart.getStyler().setLabelsVisible(true);
        distanceChart.getStyler().setYAxisDecimalPattern("0.00");
        distanceChart.getStyler().setLegendVisible(false);
        distanceChart
                .addSeries("Bhattacharyya distance", names, distance)
                .setFillColor(Charts.PALETTE[5]);
        List<String> aucNote = new ArrayList<>();
        if (bands.stream().noneMatch(b -> b.separability().defined())) {
            aucNote.add("no vessel pixels in " + context.split().phrase() + ": undefined");
        } else {
            aucNote.add(
                    darker.isEmpty()
                            ? "vessels are brighter than background in every band"
                            : "vessels are darker than background in " + String.join(", ", darker));
        }
        note(aucChart, aucNote);
        floorAxis(distanceChart, distance, 0.1);
        if (!disjoint.isEmpty()) {
            note(
                    distanceChart,
                    List.of(
                            "no overlap (infinite distance, bar left empty): "
                                    + String.join(", ", disjoint)));
        }
        for (CategoryChart chart : List.of(aucChart, distanceChart)) {
            chart.getStyler().setLabelsPosition(1.0);
            if (bands.size() > 8) {
                chart.getStyler().setXAxisLabelRotation(30);
            }
        }
        return List.of(List.of(aucChart), List.of(distanceChart));
    }

    /**
     * The reflectance spectrum of each class: the median per band at its central wavelength, with
     * the band between the quartiles shaded.
     */
    public static XYChart spectra(List<BandAnalysis> bands, ChartContext context) {
        XYChart chart =
                spectraChart(
                        "Reflectance spectra by class (median, 25-75 % shaded), "
                                + context.split().label(),
                        context.quantity(),
                        bands);
        for (PixelClass c : PixelClass.values()) {
            addSpectrum(chart, bands, c, c.label(), CURVE, 60, SeriesLines.NONE);
        }
        List<String> lines = new ArrayList<>(sampleLines(bands.get(0), context));
        lines.add(
                "bands: " + String.join(", ", bands.stream().map(b -> b.band().label()).toList()));
        note(chart, lines);
        return chart;
    }

    /**
     * A chart without series whose axes hold the central wavelengths of the bands and the quartiles
     * of every class of the given analyses, with room above for a note.
     */
    static XYChart spectraChart(String title, String quantity, List<BandAnalysis> bands) {
        XYChart chart = xyChart(title, "central wavelength (nm)", quantity);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setMarkerSize(10);
        double lower = Double.POSITIVE_INFINITY;
        double upper = Double.NEGATIVE_INFINITY;
        for (BandAnalysis b : bands) {
            for (PixelClass c : PixelClass.values()) {
                if (!b.sample(c).isEmpty()) {
                    lower = Math.min(lower, b.sample(c).quantile(0.25));
                    upper = Math.max(upper, b.sample(c).quantile(0.75));
                }
            }
        }
        double margin = Math.max(0.05 * (upper - lower), 10 * BandAnalysis.RESOLUTION);
        headroom(chart, lower - margin, upper + margin);
        int shortest = bands.stream().mapToInt(b -> b.band().wavelengthNm()).min().orElse(400);
        int longest = bands.stream().mapToInt(b -> b.band().wavelengthNm()).max().orElse(2300);
        double pad = Math.max(30, 0.04 * (longest - shortest));
        chart.getStyler().setXAxisMin(shortest - pad).setXAxisMax(longest + pad);
        return chart;
    }

    /**
     * Adds a class's spectrum: its median in each band that has pixels of it, as a line with
     * markers, over the range between its quartiles, a polygon shaded with {@code shadeAlpha} and
     * outlined with {@code outline}. Nothing is added when no band has pixels of the class.
     *
     * @param name what the series' names start with, e.g. the class
     */
    static void addSpectrum(
            XYChart chart,
            List<BandAnalysis> bands,
            PixelClass pixelClass,
            String name,
            BasicStroke stroke,
            int shadeAlpha,
            BasicStroke outline) {
        List<BandAnalysis> present =
                bands.stream().filter(b -> !b.sample(pixelClass).isEmpty()).toList();
        if (present.isEmpty()) {
            return;
        }
        int n = present.size();
        double[] wavelength = new double[n];
        double[] median = new double[n];
        double[] outlineX = new double[2 * n + 1];
        double[] outlineY = new double[2 * n + 1];
        for (int i = 0; i < n; i++) {
            SortedSample s = present.get(i).sample(pixelClass);
            wavelength[i] = present.get(i).band().wavelengthNm();
            median[i] = s.median();
            outlineX[i] = wavelength[i];
            outlineY[i] = s.quantile(0.75);
            outlineX[2 * n - 1 - i] = wavelength[i];
            outlineY[2 * n - 1 - i] = s.quantile(0.25);
        }
        outlineX[2 * n] = outlineX[0];
        outlineY[2 * n] = outlineY[0];
        Color colour = colour(pixelClass);
        XYSeries spread = chart.addSeries(name + " 25-75 %", outlineX, outlineY);
        spread.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        spread.setFillColor(Charts.translucent(colour, shadeAlpha));
        spread.setLineColor(colour);
        spread.setLineStyle(outline);
        spread.setMarker(SeriesMarkers.NONE);
        XYSeries line =
                chart.addSeries(
                        name
                                + " median, n = "
                                + count(present.get(0).sample(pixelClass).size())
                                + " px",
                        wavelength,
                        median);
        line.setLineColor(colour);
        line.setLineStyle(stroke);
        line.setMarker(
                pixelClass == PixelClass.VESSEL ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        line.setMarkerColor(colour);
    }

    private static List<String> sampleLines(BandAnalysis band, ChartContext context) {
        SamplingSummary s = context.sampling();
        List<String> lines = new ArrayList<>();
        for (PixelClass c : PixelClass.values()) {
            int n = band.sample(c).size();
            lines.add(
                    n == 0
                            ? "no " + c.label() + " pixels in " + context.split().phrase()
                            : c.label()
                                    + ": "
                                    + count(n)
                                    + " px sampled of "
                                    + count(s.pixelsRead(c))
                                    + " read");
        }
        lines.add(
                "tiles read: "
                        + count(s.tilesRead())
                        + " of "
                        + count(s.tiles())
                        + ", seed "
                        + s.seed());
        return lines;
    }

    private static XYChart xyChart(String title, String xTitle, String yTitle) {
        return xyChart(Charts.WIDTH, Charts.HEIGHT, title, xTitle, yTitle);
    }

    /**
     * An XY chart in the house style, its legend under the plot and its axes ending at the data.
     */
    static XYChart xyChart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart =
                new XYChartBuilder()
                        .width(width)
                        .height(height)
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        Charts.styleAxes(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setLocale(Locale.ROOT);
        // The axes end where the ranges set end: no padding beyond the data's range.
        chart.getStyler().setPlotContentSize(1.0);
        return chart;
    }

    static CategoryChart categoryChart(
            int width, int height, String title, String xTitle, String yTitle) {
        CategoryChart chart =
                new CategoryChartBuilder()
                        .width(width)
                        .height(height)
                        .title(title)
                        .xAxisTitle(xTitle)
                        .yAxisTitle(yTitle)
                        .build();
        Charts.styleAxes(chart.getStyler());
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(18f));
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        chart.getStyler().setLabelsPosition(1.0);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        return chart;
    }

    /**
     * Gives a bar chart whose values are all zero a y axis from 0 to {@code minimumMax} (XChart
     * otherwise draws a degenerate axis of one tick), and room above the bars for a note.
     */
    static void floorAxis(CategoryChart chart, List<Double> values, double minimumMax) {
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(Math.max(minimumMax, 1.15 * max));
    }

    /** A box of text lines in the plot's top right corner. */
    static void note(Chart<?, ?> chart, List<String> lines) {
        chart.addAnnotation(new NoteBox(lines, true));
    }

    static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** A number of a statistics table, 0 where it is missing (an empty split). */
    static double number(Table table, String column, int row) {
        return table.numberColumn(column).isMissing(row)
                ? 0
                : table.numberColumn(column).getDouble(row);
    }

    static double[] grid(double from, double to, int points) {
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = from + (to - from) * i / (points - 1);
        }
        return x;
    }

    static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A count with thousands separators, e.g. 200,000. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A reflectance to four decimals, the tiles' resolution. */
    static String reflectance(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
