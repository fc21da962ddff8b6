package dev.s2v.inference;

import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.WarpedImage;
import dev.s2v.raster.WebMercator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Turns scene arrays (reflectance, probability, mask) into {@link MapLayer}s: coloured RGBA on the
 * scene's grid, warped to Web Mercator, encoded as PNG. Pixels without data are transparent.
 *
 * <p>The arrays are inlined into a web page, so they should be an overview of the scene (a few
 * thousand pixels a side at most), not a full 10980 px Sentinel-2 tile at 10 m.
 */
public final class MapImages {
    /** The largest grid side accepted: a larger image makes a page browsers struggle with. */
    public static final int MAX_SIDE_PX = 4096;

    /**
     * Top-of-atmosphere reflectance shown as white: the stretch is fixed so that colours mean the
     * same in every scene and clouds or sun glint do not darken the rest of the image, as a
     * per-scene percentile stretch would. It is the stretch of the synthetic products' quicklooks.
     */
    public static final double WHITE_REFLECTANCE = 0.3;

    /** Gamma of the true-colour stretch: lifts dark L1C water (0.03-0.10) out of black. */
    public static final double GAMMA = 1 / 1.6;

    /** Probabilities below this are transparent, so that the imagery shows through. */
    public static final double MIN_PROBABILITY = 0.05;

    /** The colour of vessel pixels in the mask layer, opaque magenta. */
    public static final int MASK_RGB = 0xff00ff;

    /**
     * Inferno (matplotlib's perceptually uniform ramp, dark purple to pale yellow) at 0, 0.1, ...,
     * 1.
     */
    private static final int[] INFERNO = {
        0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754, 0xdd513a, 0xf37819, 0xfca50a,
        0xf6d746, 0xfcffa4
    };

    /** The part of inferno probabilities use: its near-black start would vanish on dark water. */
    private static final double RAMP_START = 0.3;

    /** Opacity at {@link #MIN_PROBABILITY}; it grows linearly to 1 at probability 1. */
    private static final double MIN_OPACITY = 0.3;

    private static final byte MASK_VESSEL = 1;
    private static final byte MASK_BACKGROUND = 0;
    private static final byte MASK_NO_DATA = (byte) 255;

    private MapImages() {}

    /**
     * The scene in true colour: each reflectance is divided by {@link #WHITE_REFLECTANCE}, clipped
     * to 0..1 and raised to {@link #GAMMA}; a pixel with any band NaN (no data) is transparent.
     * Warped bilinearly.
     *
     * @param red B04 reflectance, row-major on {@code grid}
     * @param green B03 reflectance
     * @param blue B02 reflectance
     */
    public static MapLayer trueColour(
            String name, RasterGrid grid, float[] red, float[] green, float[] blue) {
        check(grid, red.length, "red");
        check(grid, green.length, "green");
        check(grid, blue.length, "blue");
        byte[][] rgba = new byte[4][red.length];
        for (int i = 0; i < red.length; i++) {
            if (Float.isNaN(red[i]) || Float.isNaN(green[i]) || Float.isNaN(blue[i])) {
                continue;
            }
            rgba[0][i] = level(red[i]);
            rgba[1][i] = level(green[i]);
            rgba[2][i] = level(blue[i]);
            rgba[3][i] = (byte) 255;
        }
        return layer(name, grid, rgba, "bilinear");
    }

    /**
     * Vessel probability on the inferno ramp: transparent below {@link #MIN_PROBABILITY} and where
     * NaN (no data), then from purple and faint to pale yellow and opaque at 1. Values outside 0..1
     * are clipped. Warped bilinearly.
     *
     * @param probability row-major on {@code grid}
     */
    public static MapLayer probability(String name, RasterGrid grid, float[] probability) {
        check(grid, probability.length, "probability");
        byte[][] rgba = new byte[4][probability.length];
        for (int i = 0; i < probability.length; i++) {
            float p = probability[i];
            if (Float.isNaN(p) || p < MIN_PROBABILITY) {
                continue;
            }
            double t = (Math.min(1, p) - MIN_PROBABILITY) / (1 - MIN_PROBABILITY);
            int rgb = inferno(RAMP_START + (1 - RAMP_START) * t);
            rgba[0][i] = (byte) (rgb >> 16);
            rgba[1][i] = (byte) (rgb >> 8);
            rgba[2][i] = (byte) rgb;
            rgba[3][i] = (byte) Math.round(255 * (MIN_OPACITY + (1 - MIN_OPACITY) * t));
        }
        return layer(name, grid, rgba, "bilinear");
    }

    /**
     * The vessel mask: 1 (vessel) opaque {@link #MASK_RGB}, 0 (background) and 255 (no data)
     * transparent. Warped with nearest neighbour, so no pixel is invented or blurred.
     *
     * @param mask row-major on {@code grid}
     * @throws IllegalArgumentException when a value is not 0, 1 or 255
     */
    public static MapLayer mask(String name, RasterGrid grid, byte[] mask) {
        check(grid, mask.length, "mask");
        byte[][] rgba = new byte[4][mask.length];
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == MASK_VESSEL) {
                rgba[0][i] = (byte) (MASK_RGB >> 16);
                rgba[1][i] = (byte) (MASK_RGB >> 8);
                rgba[2][i] = (byte) MASK_RGB;
                rgba[3][i] = (byte) 255;
            } else if (mask[i] != MASK_BACKGROUND && mask[i] != MASK_NO_DATA) {
                throw new IllegalArgumentException(
                        "a vessel mask holds 0, 1 or 255 (no data), pixel "
                                + i
                                + " is "
                                + (mask[i] & 0xFF));
            }
        }
        return layer(name, grid, rgba, "near");
    }

    private static void check(RasterGrid grid, int length, String what) {
        if (grid.width() > MAX_SIDE_PX || grid.height() > MAX_SIDE_PX) {
            throw new IllegalArgumentException(
                    "a map layer is at most "
                            + MAX_SIDE_PX
                            + " px a side, the grid is "
                            + grid.width()
                            + " x "
                            + grid.height()
                            + ": pass a coarser overview of the scene");
        }
        if (length != grid.width() * grid.height()) {
            throw new IllegalArgumentException(
                    what
                            + " holds "
                            + length
                            + " values, the "
                            + grid.width()
                            + " x "
                            + grid.height()
                            + " grid needs "
                            + grid.width() * grid.height());
        }
    }

    private static byte level(float reflectance) {
        double v = Math.min(1, Math.max(0, reflectance / WHITE_REFLECTANCE));
        return (byte) Math.round(255 * Math.pow(v, GAMMA));
    }

    /** The inferno colour at {@code x} in 0..1, linear between the anchors. */
    static int inferno(double x) {
        double position = Math.min(1, Math.max(0, x)) * (INFERNO.length - 1);
        int k = Math.min(INFERNO.length - 2, (int) position);
        double f = position - k;
        int colour = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int a = (INFERNO[k] >> shift) & 0xff;
            int b = (INFERNO[k + 1] >> shift) & 0xff;
            colour |= (int) Math.round(a + f * (b - a)) << shift;
        }
        return colour;
    }

    private static MapLayer layer(String name, RasterGrid grid, byte[][] rgba, String resampling) {
        WarpedImage image = WebMercator.warp(grid, rgba, resampling);
        return new MapLayer(
                name, png(image), image.south(), image.west(), image.north(), image.east());
    }

    /** The RGBA image as PNG. */
    static byte[] png(WarpedImage image) {
        int[] argb = new int[image.width() * image.height()];
        byte[][] b = image.bands();
        for (int i = 0; i < argb.length; i++) {
            argb[i] =
                    (b[3][i] & 0xff) << 24
                            | (b[0][i] & 0xff) << 16
                            | (b[1][i] & 0xff) << 8
                            | (b[2][i] & 0xff);
        }
        BufferedImage picture =
                new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_ARGB);
        picture.setRGB(0, 0, image.width(), image.height(), argb, 0, image.width());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture, "png", out)) {
                throw new IllegalStateException("this Java runtime has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a map layer as PNG", e);
        }
        return out.toByteArray();
    }
}
