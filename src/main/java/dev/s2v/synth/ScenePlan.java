package dev.s2v.synth;

import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.GeoTransform;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.Sentinel2ProductWriter.ProductSpec;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Everything one synthetic scene is made of, decided from its seed before any pixel is drawn: where
 * it is (a real coastal MGRS tile and UTM grid), when (date, sun, orbit), the atmosphere, the
 * continuous fields, the fixtures and the vessels.
 *
 * @param seed the scene's seed
 * @param setting "port", "coast" or "open sea"
 * @param site the real port the scene is placed at
 * @param tile the MGRS tile
 * @param ulx easting of the scene's upper-left corner (on the tile's 60 m lattice)
 * @param uly northing of the scene's upper-left corner
 * @param widthPx columns at 10 m
 * @param heightPx rows at 10 m
 * @param spacecraft Sentinel-2A or -2B
 * @param datatakeStart sensing start of the datatake
 * @param generationTime processing time of the product
 * @param absoluteOrbit absolute orbit number
 * @param relativeOrbit relative orbit number 1..143
 * @param processingBaseline e.g. 05.09
 * @param sun sun angles over the scene at sensing time
 * @param aot550 aerosol optical thickness at 550 nm
 * @param waterVapourCm precipitable water, g/cm2
 * @param fields coast, land, water, glint, clouds, haze, swath
 * @param fixtures harbour structures and distractors
 * @param vessels the vessels, in label order
 */
record ScenePlan(
        long seed,
        String setting,
        CoastalSite site,
        MgrsTile tile,
        double ulx,
        double uly,
        int widthPx,
        int heightPx,
        String spacecraft,
        Instant datatakeStart,
        Instant generationTime,
        int absoluteOrbit,
        int relativeOrbit,
        String processingBaseline,
        SunAngles sun,
        double aot550,
        double waterVapourCm,
        SceneFields fields,
        List<Fixture> fixtures,
        List<Vessel> vessels) {

    /** Copies the lists. */
    ScenePlan {
        fixtures = List.copyOf(fixtures);
        vessels = List.copyOf(vessels);
    }

    /**
     * The same plan with other fields and vessels: another look of the same place, for the same
     * labels when the vessels keep their outlines.
     */
    ScenePlan with(SceneFields otherFields, List<Vessel> otherVessels) {
        return new ScenePlan(
                seed,
                setting,
                site,
                tile,
                ulx,
                uly,
                widthPx,
                heightPx,
                spacecraft,
                datatakeStart,
                generationTime,
                absoluteOrbit,
                relativeOrbit,
                processingBaseline,
                sun,
                aot550,
                waterVapourCm,
                otherFields,
                fixtures,
                otherVessels);
    }

    /** The UTM CRS. */
    int epsg() {
        return tile.epsg();
    }

    /** The 10 m grid of the product, with its CRS (as every file of the scene is written). */
    RasterGrid grid() {
        return new RasterGrid(
                widthPx,
                heightPx,
                GeoTransform.northUp(ulx, uly, 10),
                CrsTransform.wktOfEpsg(epsg()),
                OptionalInt.of(epsg()));
    }

    /** The atmosphere of the scene. */
    Atmosphere atmosphere() {
        return new Atmosphere(sun.zenithDeg(), aot550, waterVapourCm);
    }

    /** The product's metadata, with the cloud cover measured on the rendering. */
    ProductSpec productSpec(double cloudCoverPercent) {
        return new ProductSpec(
                spacecraft,
                datatakeStart,
                generationTime,
                processingBaseline,
                relativeOrbit,
                absoluteOrbit,
                tile.id(),
                epsg(),
                ulx,
                uly,
                widthPx,
                heightPx,
                cloudCoverPercent,
                round(sun.zenithDeg(), 6),
                round(sun.azimuthDeg(), 6));
    }

    private static double round(double v, int digits) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + digits + "f", v));
    }

    /** Map x of a scene x. */
    double mapX(double sceneX) {
        return ulx + sceneX;
    }

    /** Map y of a scene y. */
    double mapY(double sceneY) {
        return uly - sceneY;
    }

    /** Whether a vessel lies under thin cloud or cirrus (still visible, but veiled). */
    boolean underCloud(Vessel vessel) {
        return fields.maxCloudTau(vessel.hullOutline()) > 0.3
                || fields.cirrus(vessel.x(), vessel.y()) > 0.008;
    }

    /** Whether a vessel lies in sun glint. */
    boolean inGlint(Vessel vessel) {
        return fields.glint(vessel.x(), vessel.y()) > 0.015;
    }
}
