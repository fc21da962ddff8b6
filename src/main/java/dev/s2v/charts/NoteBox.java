package dev.s2v.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * A box of text lines in a top corner of the plot area, for what a chart must state besides its
 * legend (sample sizes, the bandwidth rule). It sits a few pixels inside the plot whatever the
 * axes' widths; the caller leaves room for it above the data.
 */
public final class NoteBox extends Annotation {
    private static final int INSET = 8;
    private static final int PADDING = 8;
    private static final int LINE_GAP = 4;
    private static final Color BORDER = new Color(160, 160, 160);
    private static final Color FILL = new Color(255, 255, 255, 235);

    private final List<String> lines;
    private final boolean right;

    /**
     * A note.
     *
     * @param lines the text, one entry per line
     * @param right whether it sits in the top right corner (else the top left)
     */
    public NoteBox(List<String> lines, boolean right) {
        super(true);
        this.lines = lines.stream().filter(l -> !l.isBlank()).toList();
        this.right = right;
    }

    /** The lines shown. */
    public List<String> lines() {
        return lines;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible || lines.isEmpty()) {
            return;
        }
        Font font = styler.getAnnotationTextPanelFont();
        FontRenderContext frc = new FontRenderContext(null, true, false);
        double width = 0;
        double ascent = 0;
        double lineHeight = 0;
        for (String line : lines) {
            TextLayout layout = new TextLayout(line, font, frc);
            width = Math.max(width, layout.getAdvance());
            ascent = Math.max(ascent, layout.getAscent());
            lineHeight = Math.max(lineHeight, layout.getAscent() + layout.getDescent());
        }
        double boxWidth = width + 2 * PADDING;
        double boxHeight = lines.size() * lineHeight + (lines.size() - 1) * LINE_GAP + 2 * PADDING;
        double x =
                right
                        ? getXAxisScreenValueForMax() - INSET - boxWidth
                        : getXAxisScreenValueForMin() + INSET;
        double y = getYAxisScreenValueForMin() + INSET;
        bounds = new Rectangle2D.Double(x, y, boxWidth, boxHeight);
        Object antialias = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(FILL);
        g.fill(bounds);
        g.setColor(BORDER);
        g.setStroke(SOLID_STROKE);
        g.draw(bounds);
        g.setColor(styler.getAnnotationTextPanelFontColor());
        double baseline = y + PADDING + ascent;
        for (String line : lines) {
            // Outlines, as XChart draws its own text: vector output then matches the bitmap.
            g.fill(
                    new TextLayout(line, font, frc)
                            .getOutline(
                                    AffineTransform.getTranslateInstance(x + PADDING, baseline)));
            baseline += lineHeight + LINE_GAP;
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialias);
    }
}
