package dev.s2v.charts;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.s2v.files.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * How s2v's figures look and are saved: the Okabe-Ito palette (distinguishable with the common
 * colour-vision deficiencies), readable fonts, white backgrounds, and files written under a
 * temporary name then renamed.
 */
public final class Charts {
    /** Width of a standard figure in pixels. */
    public static final int WIDTH = 1200;

    /** Height of a standard figure in pixels. */
    public static final int HEIGHT = 800;

    /** Okabe-Ito colours, in the order series use them. */
    public static final Color[] PALETTE = {
        new Color(0, 114, 178), // blue
        new Color(213, 94, 0), // vermillion
        new Color(0, 158, 115), // bluish green
        new Color(230, 159, 0), // orange
        new Color(204, 121, 167), // reddish purple
        new Color(86, 180, 233), // sky blue
        new Color(240, 228, 66), // yellow
        new Color(0, 0, 0) // black
    };

    /** The colour of background (non-vessel) data. */
    public static final Color BACKGROUND_CLASS = PALETTE[0];

    /** The colour of vessel data. */
    public static final Color VESSEL_CLASS = PALETTE[1];

    private Charts() {}

    /** Applies the house style to a chart's styler. */
    public static void style(Styler styler) {
        styler.setSeriesColors(PALETTE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        styler.setAntiAlias(true);
    }

    /** The house style plus readable axis titles and tick labels, for charts with axes. */
    public static void styleAxes(AxesChartStyler styler) {
        style(styler);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        styler.setAnnotationTextPanelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAnnotationTextPanelBackgroundColor(new Color(255, 255, 255, 230));
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
    }

    /** A colour of the palette made see-through, for filled areas that overlap. */
    public static Color translucent(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }

    /**
     * Saves a chart as PNG (and SVG when asked) under {@code base} plus the extension.
     *
     * @throws IOException when a file cannot be written
     */
    public static void save(Chart<?, ?> chart, Path base, boolean svg) throws IOException {
        saveGrid(List.of(List.of(chart)), base, svg);
    }

    /**
     * Saves a figure of several charts as PNG (and SVG when asked) under {@code base} plus the
     * extension: each row's charts side by side at their own sizes, rows one under the other.
     *
     * @throws IOException when a file cannot be written
     */
    public static void saveGrid(
            List<? extends List<? extends Chart<?, ?>>> rows, Path base, boolean svg)
            throws IOException {
        writePng(paintGrid(rows), base.resolveSibling(base.getFileName() + ".png"));
        if (svg) {
            VectorGraphics2D vector = new VectorGraphics2D();
            int[] size = paint(rows, vector);
            Path target = base.resolveSibling(base.getFileName() + ".svg");
            writeAtomically(
                    target,
                    out ->
                            new SVGProcessor()
                                    .getDocument(
                                            vector.getCommands(),
                                            new PageSize(0, 0, size[0], size[1]))
                                    .writeTo(out));
        }
    }

    /** The charts laid out as {@link #saveGrid} does, painted on a white image. */
    public static BufferedImage paintGrid(List<? extends List<? extends Chart<?, ?>>> rows) {
        int[] size = gridSize(rows);
        BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size[0], size[1]);
            paint(rows, g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static int[] gridSize(List<? extends List<? extends Chart<?, ?>>> rows) {
        int width = 0;
        int height = 0;
        for (List<? extends Chart<?, ?>> row : rows) {
            int rowWidth = 0;
            int rowHeight = 0;
            for (Chart<?, ?> chart : row) {
                rowWidth += chart.getWidth();
                rowHeight = Math.max(rowHeight, chart.getHeight());
            }
            width = Math.max(width, rowWidth);
            height += rowHeight;
        }
        if (width == 0 || height == 0) {
            throw new IllegalArgumentException("a figure needs at least one chart");
        }
        return new int[] {width, height};
    }

    private static int[] paint(List<? extends List<? extends Chart<?, ?>>> rows, Graphics2D g) {
        int y = 0;
        for (List<? extends Chart<?, ?>> row : rows) {
            int x = 0;
            int rowHeight = 0;
            for (Chart<?, ?> chart : row) {
                Graphics2D panel = (Graphics2D) g.create();
                try {
                    panel.translate(x, y);
                    panel.clipRect(0, 0, chart.getWidth(), chart.getHeight());
                    chart.paint(panel, chart.getWidth(), chart.getHeight());
                } finally {
                    panel.dispose();
                }
                x += chart.getWidth();
                rowHeight = Math.max(rowHeight, chart.getHeight());
            }
            y += rowHeight;
        }
        return gridSize(rows);
    }

    /** Writes what a writer produces under a temporary name, then renames it. */
    private static void writeAtomically(Path target, StreamWriter writer) throws IOException {
        AtomicFiles.write(
                target,
                temporary -> {
                    try (OutputStream out = Files.newOutputStream(temporary)) {
                        writer.write(out);
                    }
                });
    }

    /** Writes content to a stream it does not close. */
    private interface StreamWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes an image as PNG under a temporary name, then renames it.
     *
     * @throws IOException when it cannot be written
     */
    public static void writePng(BufferedImage image, Path target) throws IOException {
        writeAtomically(
                target,
                out -> {
                    if (!ImageIO.write(image, "png", out)) {
                        throw new IOException(target + ": no PNG writer available");
                    }
                });
    }
}
