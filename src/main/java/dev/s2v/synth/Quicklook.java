package dev.s2v.synth;

import dev.s2v.files.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A true-colour PNG of a product (B04, B03, B02) with the vessel outlines drawn on it, shrunk by
 * area-averaging to at most {@value #MAX_SIZE} pixels a side.
 */
final class Quicklook {
    static final int MAX_SIZE = 2048;

    // Reflectance 0..0.3 spans the display range, with a gamma that lifts dark water out of black
    // (L1C water sits at 0.03-0.10, L2A water at 0.01-0.05), as ESA's true-colour previews do.
    private static final double WHITE_POINT = 0.3;
    private static final double GAMMA = 1 / 1.6;
    private static final Color OUTLINE = new Color(255, 225, 0);

    private Quicklook() {}

    /**
     * Writes the quicklook under a temporary name and renames it.
     *
     * @param red B04 DNs, {@code width * height}
     * @param green B03 DNs
     * @param blue B02 DNs
     * @param radioAddOffset the product's RADIO_ADD_OFFSET (reflectance = (DN + offset) / 10000; 0
     *     for an L2A stack)
     * @param outlines vessel hulls in scene metres
     */
    static void write(
            Path target,
            int width,
            int height,
            short[] red,
            short[] green,
            short[] blue,
            int radioAddOffset,
            List<ConvexPolygon> outlines)
            throws IOException {
        int factor = Math.max(1, (Math.max(width, height) + MAX_SIZE - 1) / MAX_SIZE);
        int w = (width + factor - 1) / factor;
        int h = (height + factor - 1) / factor;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        short[][] channels = {red, green, blue};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = 0;
                for (short[] channel : channels) {
                    rgb = (rgb << 8) | level(channel, x, y, factor, width, height, radioAddOffset);
                }
                image.setRGB(x, y, rgb);
            }
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(OUTLINE);
            g.setStroke(new BasicStroke(1));
            double scale = 1 / (ConvexPolygon.PIXEL_M * factor);
            for (ConvexPolygon hull : outlines) {
                Polygon p = new Polygon();
                for (int i = 0; i < hull.size(); i++) {
                    p.addPoint(
                            (int) Math.floor(hull.x(i) * scale),
                            (int) Math.floor(hull.y(i) * scale));
                }
                g.drawPolygon(p);
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.write(
                target,
                temporary -> {
                    if (!ImageIO.write(image, "png", temporary.toFile())) {
                        throw new IOException(target + ": no PNG writer in this Java runtime");
                    }
                });
    }

    /** The display level 0..255 of an output pixel: the mean valid reflectance of its block. */
    private static int level(
            short[] dn, int x, int y, int factor, int width, int height, int offset) {
        double sum = 0;
        int count = 0;
        for (int r = y * factor; r < Math.min(height, (y + 1) * factor); r++) {
            for (int c = x * factor; c < Math.min(width, (x + 1) * factor); c++) {
                int value = dn[r * width + c] & 0xFFFF;
                if (value != 0) {
                    sum += (value + offset) / 10000.0;
                    count++;
                }
            }
        }
        if (count == 0) {
            return 0;
        }
        double v = Math.max(0, sum / count / WHITE_POINT);
        return (int) Math.round(255 * Math.min(1, StrictMath.pow(v, GAMMA)));
    }
}
