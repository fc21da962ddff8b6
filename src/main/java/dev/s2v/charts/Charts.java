package dev.s2v.charts;

import dev.s2v.raster.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
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

    /**
     * Saves a chart as PNG (and SVG when asked) under {@code base} plus the extension.
     *
     * @throws IOException when a file cannot be written
     */
    public static void save(Chart<?, ?> chart, Path base, boolean svg) throws IOException {
        writePng(
                BitmapEncoder.getBufferedImage(chart),
                base.resolveSibling(base.getFileName() + ".png"));
        if (svg) {
            Path target = base.resolveSibling(base.getFileName() + ".svg");
            Path temporary = target.resolveSibling("." + target.getFileName() + ".partial");
            try {
                // XChart appends the extension itself.
                VectorGraphicsEncoder.saveVectorGraphic(
                        chart,
                        temporary.toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                Files.move(
                        temporary.resolveSibling(temporary.getFileName() + ".svg"),
                        target,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary.resolveSibling(temporary.getFileName() + ".svg"));
            }
        }
    }

    /**
     * Writes an image as PNG under a temporary name, then renames it.
     *
     * @throws IOException when it cannot be written
     */
    public static void writePng(BufferedImage image, Path target) throws IOException {
        AtomicFiles.write(
                target,
                temporary -> {
                    if (!ImageIO.write(image, "png", temporary.toFile())) {
                        throw new IOException(target + ": no PNG writer available");
                    }
                });
    }

    /** The images side by side on white, for a figure of several panels. */
    public static BufferedImage sideBySide(BufferedImage... panels) {
        int width = 0;
        int height = 0;
        for (BufferedImage p : panels) {
            width += p.getWidth();
            height = Math.max(height, p.getHeight());
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int x = 0;
        for (BufferedImage p : panels) {
            g.drawImage(p, x, 0, null);
            x += p.getWidth();
        }
        g.dispose();
        return out;
    }
}
