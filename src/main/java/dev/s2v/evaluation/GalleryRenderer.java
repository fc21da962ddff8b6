package dev.s2v.evaluation;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Draws a {@link GalleryTile} as four panels side by side: true colour, the true vessels outlined,
 * the predicted vessels outlined, and the probability. Pixels are enlarged by an integer factor
 * (nearest neighbour, so no pixel is invented) until a panel is about {@value #PANEL_TARGET_PX}
 * pixels wide.
 */
final class GalleryRenderer {
    /** The size a panel is enlarged towards. */
    static final int PANEL_TARGET_PX = 256;

    /** Outline of true vessels. */
    static final Color TRUTH = new Color(255, 215, 0);

    /** Outline of predicted vessels. */
    static final Color PREDICTION = new Color(255, 0, 255);

    /** Space around and between panels. */
    static final int GAP = 10;

    /** Height of the caption line above the panels. */
    static final int CAPTION = 26;

    /** Height of the panel titles. */
    static final int TITLE = 22;

    private static final String[] TITLES = {
        "true colour (B04 B03 B02)", "truth (yellow)", "prediction (magenta)", "probability 0-1"
    };

    /** Viridis at 0, 1/4, 1/2, 3/4 and 1: perceptually even, readable in grey. */
    private static final int[] VIRIDIS = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};

    private GalleryRenderer() {}

    /** The enlargement factor of a tile. */
    static int scale(GalleryTile tile) {
        return Math.max(1, PANEL_TARGET_PX / Math.max(tile.width(), tile.height()));
    }

    /** Left edge of panel {@code index} (0..3). */
    static int panelX(GalleryTile tile, int index) {
        return GAP + index * (tile.width() * scale(tile) + GAP);
    }

    /** Top edge of the panels. */
    static int panelY() {
        return GAP + CAPTION + TITLE;
    }

    /**
     * The four-panel image.
     *
     * @param caption one line above the panels, e.g. the tile's id and scores
     */
    static BufferedImage render(GalleryTile tile, String caption) {
        int s = scale(tile);
        int panelW = tile.width() * s;
        int panelH = tile.height() * s;
        BufferedImage image =
                new BufferedImage(
                        panelX(tile, 4), panelY() + panelH + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(caption, GAP, GAP + 16);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            for (int i = 0; i < TITLES.length; i++) {
                g.drawString(TITLES[i], panelX(tile, i), GAP + CAPTION + 14);
            }
        } finally {
            g.dispose();
        }
        int[] rgb = trueColour(tile);
        int[] probability = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            probability[i] = viridis(tile.probability()[i]);
        }
        paint(image, tile, 0, rgb);
        paint(image, tile, 1, rgb);
        paint(image, tile, 2, rgb);
        paint(image, tile, 3, probability);
        outline(image, tile, 1, tile.truth(), TRUTH);
        outline(image, tile, 2, tile.predicted(), PREDICTION);
        return image;
    }

    /**
     * True colour with a 2-98 % stretch shared by the three bands (so water keeps its hue and a
     * dark tile is still readable); no data is black.
     */
    private static int[] trueColour(GalleryTile tile) {
        float[][] bands = {tile.red(), tile.green(), tile.blue()};
        float[] finite = new float[bands[0].length * 3];
        int n = 0;
        for (float[] band : bands) {
            for (float v : band) {
                if (Float.isFinite(v)) {
                    finite[n++] = v;
                }
            }
        }
        Arrays.sort(finite, 0, n);
        double lo = n == 0 ? 0 : finite[(int) (0.02 * (n - 1))];
        double hi = n == 0 ? 1 : finite[(int) Math.ceil(0.98 * (n - 1))];
        double range = hi > lo ? hi - lo : 1e-6;
        int[] rgb = new int[bands[0].length];
        for (int i = 0; i < rgb.length; i++) {
            int colour = 0;
            for (float[] band : bands) {
                float v = band[i];
                int level =
                        Float.isFinite(v)
                                ? (int) Math.round(255 * Math.min(1, Math.max(0, (v - lo) / range)))
                                : 0;
                colour = (colour << 8) | level;
            }
            rgb[i] = colour;
        }
        return rgb;
    }

    /** The viridis colour of a probability (linear between the anchors). */
    static int viridis(float probability) {
        double x = Math.min(1, Math.max(0, Float.isNaN(probability) ? 0 : probability)) * 4;
        int k = Math.min(3, (int) x);
        double f = x - k;
        int a = VIRIDIS[k];
        int b = VIRIDIS[k + 1];
        int colour = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int ca = (a >> shift) & 0xff;
            int cb = (b >> shift) & 0xff;
            colour |= (int) Math.round(ca + f * (cb - ca)) << shift;
        }
        return colour;
    }

    private static void paint(BufferedImage image, GalleryTile tile, int panel, int[] rgb) {
        int s = scale(tile);
        int x0 = panelX(tile, panel);
        int y0 = panelY();
        for (int r = 0; r < tile.height(); r++) {
            for (int c = 0; c < tile.width(); c++) {
                int colour = rgb[r * tile.width() + c];
                for (int dy = 0; dy < s; dy++) {
                    for (int dx = 0; dx < s; dx++) {
                        image.setRGB(x0 + c * s + dx, y0 + r * s + dy, colour);
                    }
                }
            }
        }
    }

    /**
     * Marks, inside each mask pixel, every side it shares with a pixel outside the mask: the
     * outline follows pixel edges exactly and never hides the pixels next to the object.
     */
    private static void outline(
            BufferedImage image, GalleryTile tile, int panel, byte[] mask, Color colour) {
        int s = scale(tile);
        int t = Math.max(1, s / 3);
        int w = tile.width();
        int h = tile.height();
        int x0 = panelX(tile, panel);
        int y0 = panelY();
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(colour);
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    if (mask[r * w + c] == 0) {
                        continue;
                    }
                    int x = x0 + c * s;
                    int y = y0 + r * s;
                    if (r == 0 || mask[(r - 1) * w + c] == 0) {
                        g.fillRect(x, y, s, t);
                    }
                    if (r == h - 1 || mask[(r + 1) * w + c] == 0) {
                        g.fillRect(x, y + s - t, s, t);
                    }
                    if (c == 0 || mask[r * w + c - 1] == 0) {
                        g.fillRect(x, y, t, s);
                    }
                    if (c == w - 1 || mask[r * w + c + 1] == 0) {
                        g.fillRect(x + s - t, y, t, s);
                    }
                }
            }
        } finally {
            g.dispose();
        }
    }
}
