package dev.s2v.raster;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Vector;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.WarpOptions;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;

/**
 * Reprojects small byte images (map layers, previews) to Web Mercator, the projection of web maps,
 * with GDAL's warper.
 */
public final class WebMercator {
    /** EPSG code of Web Mercator (WGS 84 / Pseudo-Mercator). */
    public static final int EPSG = 3857;

    /** GDAL's resampling names (its {@code -r} option) that {@link #warp} accepts. */
    public static final Set<String> RESAMPLINGS =
            Set.of(
                    "near",
                    "bilinear",
                    "cubic",
                    "cubicspline",
                    "lanczos",
                    "average",
                    "rms",
                    "mode",
                    "max",
                    "min",
                    "med",
                    "q1",
                    "q3",
                    "sum");

    /** The latitude where Web Mercator's square world ends, in degrees. */
    public static final double MAX_LATITUDE = 85.0511287798;

    private WebMercator() {}

    /**
     * Checks that latitude/longitude bounds describe a box a Web Mercator map can draw.
     *
     * @param subject what the bounds belong to, for the message
     * @throws IllegalArgumentException unless south &lt; north within +-{@value #MAX_LATITUDE} and
     *     west &lt; east within +-180
     */
    public static void checkBounds(
            String subject, double south, double west, double north, double east) {
        if (!(south < north && south >= -MAX_LATITUDE && north <= MAX_LATITUDE)
                || !(west < east && west >= -180 && east <= 180)) {
            throw new IllegalArgumentException(
                    subject
                            + ": bounds must have south < north within +-"
                            + MAX_LATITUDE
                            + " and west < east within +-180 (scenes across the antimeridian are"
                            + " not supported), got south "
                            + south
                            + ", west "
                            + west
                            + ", north "
                            + north
                            + ", east "
                            + east);
        }
    }

    /**
     * Reprojects an image on a grid to Web Mercator at about the same number of pixels (GDAL's
     * suggested output size, which keeps the resolution along the diagonal).
     *
     * <p>With 2 or 4 bands (grey + alpha, RGBA) the last band is alpha: it weights the resampling
     * of the other bands, and pixels outside the source footprint come out with alpha 0. With 1 or
     * 3 bands every band is 0 outside the footprint. Scenes that cross the antimeridian are not
     * supported (their bounds fail validation).
     *
     * @param grid where the image lies; its CRS must be set
     * @param bands row-major unsigned bytes, {@code grid.width() * grid.height()} per band, 1 to 4
     *     bands
     * @param resampling one of {@link #RESAMPLINGS}, e.g. {@code near} for masks, {@code bilinear}
     *     for imagery
     * @throws IllegalArgumentException when the grid has no CRS, the bands do not fit the grid or
     *     the resampling is unknown
     * @throws IllegalStateException when GDAL fails to warp
     */
    public static WarpedImage warp(RasterGrid grid, byte[][] bands, String resampling) {
        check(grid, bands, resampling);
        Gdal.init();
        boolean alpha = bands.length % 2 == 0;
        Dataset source =
                gdal.GetDriverByName("MEM")
                        .Create("", grid.width(), grid.height(), bands.length, gdalconst.GDT_Byte);
        WarpOptions options = null;
        Dataset warped = null;
        try {
            source.SetGeoTransform(grid.transform().toArray());
            source.SetProjection(grid.crsWkt());
            for (int b = 0; b < bands.length; b++) {
                int status =
                        source.GetRasterBand(b + 1)
                                .WriteRaster(
                                        0,
                                        0,
                                        grid.width(),
                                        grid.height(),
                                        gdalconst.GDT_Byte,
                                        bands[b]);
                if (status != gdalconst.CE_None) {
                    throw new IllegalStateException(
                            "GDAL cannot fill an in-memory raster: " + gdal.GetLastErrorMsg());
                }
            }
            double[] extent = extentInWebMercator(grid);
            // GDAL's own choice of output size trims up to half a pixel at an edge, which on a
            // small image shifts the overlay visibly against the vectors: the extent is given.
            double resolution =
                    Math.max(extent[2] - extent[0], extent[3] - extent[1])
                            / Math.max(grid.width(), grid.height());
            List<String> arguments =
                    new ArrayList<>(
                            List.of(
                                    "-of",
                                    "MEM",
                                    "-t_srs",
                                    "EPSG:" + EPSG,
                                    "-te",
                                    Double.toString(extent[0]),
                                    Double.toString(extent[1]),
                                    Double.toString(extent[2]),
                                    Double.toString(extent[3]),
                                    "-ts",
                                    Long.toString(
                                            Math.max(
                                                    1,
                                                    Math.round(
                                                            (extent[2] - extent[0]) / resolution))),
                                    Long.toString(
                                            Math.max(
                                                    1,
                                                    Math.round(
                                                            (extent[3] - extent[1]) / resolution))),
                                    "-r",
                                    resampling,
                                    // Outside the footprint: 0 in every band, hence transparent.
                                    "-wo",
                                    "INIT_DEST=0"));
            if (alpha) {
                source.GetRasterBand(bands.length).SetColorInterpretation(gdalconst.GCI_AlphaBand);
                arguments.addAll(List.of("-srcalpha", "-dstalpha"));
            }
            options = new WarpOptions(new Vector<>(arguments));
            warped = gdal.Warp("", new Dataset[] {source}, options);
            if (warped == null) {
                throw new IllegalStateException(
                        "GDAL cannot warp to EPSG:" + EPSG + ": " + gdal.GetLastErrorMsg());
            }
            return read(warped);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            // The bindings throw a bare RuntimeException carrying GDAL's message.
            throw new IllegalStateException(
                    "GDAL cannot warp to EPSG:" + EPSG + ": " + e.getMessage(), e);
        } finally {
            if (warped != null) {
                warped.delete();
            }
            if (options != null) {
                options.delete();
            }
            source.delete();
        }
    }

    /**
     * {minX, minY, maxX, maxY} in Web Mercator of a grid's whole area: its edges, densified
     * (straight in UTM, they curve in Web Mercator), transformed.
     */
    private static double[] extentInWebMercator(RasterGrid grid) {
        int steps = 32;
        double[] extent = {
            Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY
        };
        GeoTransform t = grid.transform();
        try (CrsTransform toMercator = CrsTransform.fromGridTo(grid, EPSG)) {
            for (int i = 0; i <= steps; i++) {
                double f = (double) i / steps;
                double[][] edgePoints = {
                    {f * grid.width(), 0},
                    {f * grid.width(), grid.height()},
                    {0, f * grid.height()},
                    {grid.width(), f * grid.height()}
                };
                for (double[] p : edgePoints) {
                    double[] m = toMercator.apply(t.mapX(p[0], p[1]), t.mapY(p[0], p[1]));
                    extent[0] = Math.min(extent[0], m[0]);
                    extent[1] = Math.min(extent[1], m[1]);
                    extent[2] = Math.max(extent[2], m[0]);
                    extent[3] = Math.max(extent[3], m[1]);
                }
            }
        }
        return extent;
    }

    private static void check(RasterGrid grid, byte[][] bands, String resampling) {
        if (grid.crsWkt().isEmpty()) {
            throw new IllegalArgumentException(
                    "the grid has no CRS: cannot place the image on a map");
        }
        if (bands.length < 1 || bands.length > 4) {
            throw new IllegalArgumentException(
                    "an image to warp has 1 to 4 bands, got " + bands.length);
        }
        for (int b = 0; b < bands.length; b++) {
            if (bands[b].length != grid.width() * grid.height()) {
                throw new IllegalArgumentException(
                        "band "
                                + (b + 1)
                                + " holds "
                                + bands[b].length
                                + " values, the "
                                + grid.width()
                                + " x "
                                + grid.height()
                                + " grid needs "
                                + grid.width() * grid.height());
            }
        }
        if (!RESAMPLINGS.contains(resampling)) {
            throw new IllegalArgumentException(
                    "unknown resampling '"
                            + resampling
                            + "', expected one of "
                            + RESAMPLINGS.stream().sorted().toList());
        }
    }

    private static WarpedImage read(Dataset warped) {
        int width = warped.getRasterXSize();
        int height = warped.getRasterYSize();
        byte[][] bands = new byte[warped.getRasterCount()][width * height];
        for (int b = 0; b < bands.length; b++) {
            int status =
                    warped.GetRasterBand(b + 1)
                            .ReadRaster(0, 0, width, height, gdalconst.GDT_Byte, bands[b]);
            if (status != gdalconst.CE_None) {
                throw new IllegalStateException(
                        "GDAL cannot read the warped raster: " + gdal.GetLastErrorMsg());
            }
        }
        GeoTransform t = GeoTransform.of(warped.GetGeoTransform());
        // Web Mercator maps longitude to x and latitude to y independently, so two opposite
        // corners give the exact latitude/longitude bounds of the whole raster.
        try (CrsTransform toWgs84 = CrsTransform.between(EPSG, 4326)) {
            double[] northWest = toWgs84.apply(t.mapX(0, 0), t.mapY(0, 0));
            double[] southEast = toWgs84.apply(t.mapX(width, height), t.mapY(width, height));
            return new WarpedImage(
                    width, height, bands, southEast[1], northWest[0], northWest[1], southEast[0]);
        }
    }
}
