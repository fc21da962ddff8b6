package dev.s2v.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The four panels of a gallery tile, checked pixel by pixel where it matters. */
class GalleryRendererTest {

    /**
     * A 4 x 4 tile: one true vessel pixel at (1, 1), nothing predicted, probability 1 at (3, 3).
     */
    private static GalleryTile tile() {
        float[] red = new float[16];
        float[] green = new float[16];
        float[] blue = new float[16];
        for (int i = 0; i < 16; i++) {
            red[i] = green[i] = blue[i] = 0.01f * i;
        }
        red[0] = Float.NaN;
        byte[] truth = new byte[16];
        truth[5] = 1;
        float[] p = new float[16];
        p[15] = 1f;
        return new GalleryTile("S", "T", 4, 4, red, green, blue, truth, new byte[16], p);
    }

    @Test
    void truthIsOutlinedAndNothingPredictedIsDrawn() {
        GalleryTile t = tile();
        BufferedImage image = GalleryRenderer.render(t, "caption");
        int s = GalleryRenderer.scale(t);
        assertEquals(64, s);
        int truthPanel = GalleryRenderer.panelX(t, 1);
        int y = GalleryRenderer.panelY();
        // Top edge of pixel (1, 1) is outlined; its centre is not.
        assertEquals(GalleryRenderer.TRUTH.getRGB(), image.getRGB(truthPanel + s + s / 2, y + s));
        int centre = image.getRGB(truthPanel + s + s / 2, y + s + s / 2);
        assertFalse(centre == GalleryRenderer.TRUTH.getRGB());
        int predictionPanel = GalleryRenderer.panelX(t, 2);
        for (int yy = y; yy < y + 4 * s; yy++) {
            for (int xx = predictionPanel; xx < predictionPanel + 4 * s; xx++) {
                assertFalse(image.getRGB(xx, yy) == GalleryRenderer.PREDICTION.getRGB());
            }
        }
    }

    @Test
    void probabilityAndNoDataColours() {
        GalleryTile t = tile();
        BufferedImage image = GalleryRenderer.render(t, "caption");
        int s = GalleryRenderer.scale(t);
        int y = GalleryRenderer.panelY();
        int probabilityPanel = GalleryRenderer.panelX(t, 3);
        assertEquals(0xfde725, image.getRGB(probabilityPanel + 3 * s, y + 3 * s) & 0xffffff);
        assertEquals(0x440154, image.getRGB(probabilityPanel, y) & 0xffffff);
        assertEquals(0x21918c, GalleryRenderer.viridis(0.5f));
        // Pixel (0, 0) has no red: only green and blue are drawn there.
        assertEquals(0, (image.getRGB(GalleryRenderer.panelX(t, 0), y) >> 16) & 0xff);
    }
}
