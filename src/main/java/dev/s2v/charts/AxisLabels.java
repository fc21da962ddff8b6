package dev.s2v.charts;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Labels under the plot at chosen x positions, for an x axis of categories drawn on a numeric chart
 * (violins): XChart's number axis puts ticks where its step falls, not where the categories are.
 * Hide the x tick labels and give the axis title padding of {@link #height(int)} for them.
 */
public final class AxisLabels extends Annotation {
    private static final int GAP = 6;

    private final double[] positions;
    private final List<List<String>> labels;

    /**
     * Labels.
     *
     * @param positions the x of each label, in data units
     * @param labels each label's lines, top first
     */
    public AxisLabels(double[] positions, List<List<String>> labels) {
        super(false);
        if (positions.length != labels.size()) {
            throw new IllegalArgumentException(
                    positions.length + " positions for " + labels.size() + " labels");
        }
        this.positions = positions.clone();
        this.labels = List.copyOf(labels);
    }

    /** The labels, in position order. */
    public List<List<String>> labels() {
        return labels;
    }

    /** The room labels of {@code lines} lines need under the plot, in pixels, at a font size. */
    public static int height(int lines, Font font) {
        return GAP + (int) Math.ceil(lines * font.getSize2D() * 1.35) + GAP;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        AxesChartStyler axes = (AxesChartStyler) styler;
        Font font = axes.getAxisTickLabelsFont();
        FontRenderContext frc = new FontRenderContext(null, true, false);
        Object antialias = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(axes.getAxisTickLabelsColor());
        double top = getYAxisScreenValueForMax() + GAP;
        bounds = new Rectangle2D.Double(getXAxisScreenValueForMin(), top, 0, 0);
        for (int i = 0; i < positions.length; i++) {
            double x = getXAxisScreenValue(positions[i]);
            double baseline = top;
            for (String line : labels.get(i)) {
                TextLayout layout = new TextLayout(line, font, frc);
                baseline += font.getSize2D() * 1.35;
                // Outlines, as XChart draws its own text: vector output then matches the bitmap.
                g.fill(
                        layout.getOutline(
                                AffineTransform.getTranslateInstance(
                                        x - layout.getAdvance() / 2,
                                        baseline - layout.getDescent())));
            }
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialias);
    }
}
