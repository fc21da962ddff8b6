package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuicklookTest {
    @TempDir Path dir;

    /** DNs of baseline 04.00+ (offset -1000) for a reflectance. */
    private static short dn(double reflectance) {
        return (short) Math.round(reflectance * 10000 + 1000);
    }

    @Test
    void stretchesReflectanceZeroToPointThreeWithGammaAndDrawsOutlines() throws IOException {
        int w = 8;
        int h = 4;
        short[] red = new short[w * h];
        short[] green = new short[w * h];
        short[] blue = new short[w * h];
        for (int i = 0; i < w * h; i++) {
            red[i] = dn(0.3);
            green[i] = dn(0.1);
            blue[i] = dn(0.0);
        }
        red[w * h - 1] = 0;
        green[w * h - 1] = 0;
        blue[w * h - 1] = 0;
        // A hull over pixels (5..6, 1..2): its outline runs through those pixels.
        ConvexPolygon hull =
                new ConvexPolygon(new double[] {51, 69, 69, 51}, new double[] {11, 11, 29, 29});
        Path png = dir.resolve("quicklook.png");
        Quicklook.write(png, w, h, red, green, blue, -1000, List.of(hull));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(w, image.getWidth());
        assertEquals(h, image.getHeight());
        // 255 * (0.1 / 0.3)^(1 / 1.6) = 255 * 0.5034 = 128.4
        assertEquals(0xFF8000, image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x000000, image.getRGB(w - 1, h - 1) & 0xFFFFFF, "no-data is black");
        assertEquals(0xFFE100, image.getRGB(5, 1) & 0xFFFFFF, "the outline's corner");
        assertFalse(Files.exists(dir.resolve(".quicklook.png.partial")));
    }
}
