package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.gdal.ogr.DataSource;
import org.gdal.ogr.Feature;
import org.gdal.ogr.FieldDefn;
import org.gdal.ogr.Geometry;
import org.gdal.ogr.Layer;
import org.gdal.ogr.ogr;
import org.gdal.ogr.ogrConstants;
import org.gdal.osr.SpatialReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rasterisation of vessel polygons with the pixel-centre rule, from GeoJSON in EPSG:4326 and in a
 * UTM CRS. The grid: 12 x 8 pixels of 10 m at E 600000, N 5800020 (EPSG:32632); pixel (c, r) has
 * its centre at E 600005 + 10c, N 5800015 - 10r.
 */
@Tag("native")
class VectorLabelsTest {
    private static final double ULX = 600000;
    private static final double ULY = 5800020;

    @TempDir Path dir;
    private RasterGrid grid;

    @BeforeEach
    void gdal() {
        Natives.assumeGdal();
        grid =
                new RasterGrid(
                        12,
                        8,
                        GeoTransform.northUp(ULX, ULY, 10),
                        CrsTransform.wktOfEpsg(32632),
                        OptionalInt.of(32632));
    }

    /** A rectangle in UTM metres relative to the grid's corner (east, south). */
    private static LabelPolygon rect(
            double east0, double east1, double south0, double south1, String kind) {
        return new LabelPolygon(
                new double[] {
                    ULX + east0, ULY - south0,
                    ULX + east1, ULY - south0,
                    ULX + east1, ULY - south1,
                    ULX + east0, ULY - south1
                },
                Map.of("kind", kind));
    }

    /**
     * Three outlines: a 37 x 19 m box whose pixel centres are columns 2..5 and rows 3..4 (8
     * pixels); a 7 m wide strip between the centres of columns 8 and 9 (no centre inside: 0
     * pixels); a box over the left edge covering centres of columns -2..0 in row 6.
     */
    private static List<LabelPolygon> vessels() {
        return List.of(
                rect(21, 58, 31, 50, "cargo"),
                rect(86.5, 93.5, 2, 78, "leisure"),
                rect(-25, 12, 61, 68, "tug"));
    }

    private static byte[] expectedMask(PixelWindow window) {
        byte[] mask = new byte[window.pixelCount()];
        for (int r = 0; r < window.height(); r++) {
            for (int c = 0; c < window.width(); c++) {
                int col = window.col() + c;
                int row = window.row() + r;
                boolean cargo = col >= 2 && col <= 5 && row >= 3 && row <= 4;
                boolean tug = col >= -2 && col <= 0 && row == 6;
                mask[r * window.width() + c] = (byte) (cargo || tug ? 1 : 0);
            }
        }
        return mask;
    }

    @Test
    void contentNoVectorFormatRecognisesIsNamedAsSuch() throws IOException {
        Path file = dir.resolve("labels.geojson");
        Files.writeString(file, "not json at all");
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> VectorLabels.open(file));
        assertTrue(
                e.getMessage().contains("no vector format recognises its content"), e.getMessage());
    }

    @Test
    void geoJsonInWgs84RasterisesWithThePixelCentreRule() throws IOException {
        Path file = dir.resolve("labels.geojson");
        VectorLabels.writeGeoJson(file, 32632, vessels());
        try (VectorLabels labels = VectorLabels.open(file)) {
            assertEquals(3, labels.featureCount());
            PixelWindow all = PixelWindow.of(12, 8);
            assertArrayEquals(expectedMask(all), labels.rasterize(grid, all));
            int[] ids = labels.rasterizeFeatureIds(grid, all);
            assertEquals(1, ids[3 * 12 + 2], "the cargo box is feature 1");
            assertEquals(3, ids[6 * 12], "the tug box is feature 3");
            assertEquals(8, java.util.Arrays.stream(ids).filter(id -> id == 1).count());
            assertEquals(
                    0,
                    java.util.Arrays.stream(ids).filter(id -> id == 2).count(),
                    "a strip narrower than a pixel that holds no pixel centre burns nothing");
        }
    }

    @Test
    void aWindowPastTheGridEdgeIsRasterisedToo() throws IOException {
        Path file = dir.resolve("labels.geojson");
        VectorLabels.writeGeoJson(file, 32632, vessels());
        PixelWindow past = new PixelWindow(-3, 2, 9, 7);
        try (VectorLabels labels = VectorLabels.open(file)) {
            byte[] mask = labels.rasterize(grid, past);
            assertArrayEquals(expectedMask(past), mask);
            assertEquals(1, mask[(6 - 2) * 9 + 1], "column -2 of row 6, left of the grid");
        }
    }

    @Test
    void geoJsonInUtmWrittenByGdalGivesTheSameMask() throws IOException {
        Path file = dir.resolve("utm.geojson");
        writeWithOgr(file, 32632, vessels());
        assertTrue(Files.readString(file).contains("32632"), "GDAL names the CRS in the file");
        try (VectorLabels labels = VectorLabels.open(file)) {
            PixelWindow all = PixelWindow.of(12, 8);
            assertArrayEquals(expectedMask(all), labels.rasterize(grid, all));
        }
    }

    @Test
    void writtenGeoJsonIsLonLatWithFullPrecisionAndItsProperties() throws IOException {
        Path file = dir.resolve("labels.geojson");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("length_m", 123.25);
        properties.put("kind", "tanker \"Ö\"");
        properties.put("moored", true);
        properties.put("mask_pixels", 7);
        double lon = 9.1 + 1.0 / 3e7;
        LabelPolygon clockwise =
                new LabelPolygon(new double[] {lon, 52.1, 9.2, 52.2, 9.2, 52.1}, properties);
        VectorLabels.writeGeoJson(file, 4326, List.of(clockwise));
        String text = Files.readString(file);
        assertTrue(text.contains("[[[" + lon + ",52.1]"), "x = longitude, every digit: " + text);
        assertTrue(
                text.contains(
                        "\"properties\":{\"length_m\":123.25,\"kind\":\"tanker \\\"Ö\\\"\",\"moored\":true,\"mask_pixels\":7}"),
                text);
        assertTrue(
                text.indexOf("[9.2,52.1]") < text.indexOf("[9.2,52.2]"),
                "the clockwise input ring is written counter-clockwise: " + text);
        assertFalse(Files.exists(dir.resolve(".labels.geojson.partial")));
    }

    @Test
    void intersectsReprojectsToTheGridCrs() throws IOException {
        try (VectorLabels labels = VectorLabels.of(32632, vessels())) {
            assertTrue(labels.intersects(grid));
            RasterGrid farAway =
                    new RasterGrid(
                            12,
                            8,
                            GeoTransform.northUp(ULX + 5000, ULY, 10),
                            "",
                            OptionalInt.of(32632));
            assertFalse(labels.intersects(farAway));
            double[] corner;
            try (CrsTransform toZone31 = CrsTransform.between(32632, 32631)) {
                corner = toZone31.apply(ULX, ULY);
            }
            RasterGrid sameSpotInZone31 =
                    new RasterGrid(
                            12,
                            8,
                            GeoTransform.northUp(corner[0] - 40, corner[1] + 40, 10),
                            "",
                            OptionalInt.of(32631));
            assertTrue(labels.intersects(sameSpotInZone31));
        }
    }

    @Test
    void malformedGeoJsonNamesTheFileAndTheProblem() throws IOException {
        Path broken = dir.resolve("broken.geojson");
        Files.writeString(broken, "{\"type\": \"FeatureCollection\", \"features\": [ {\"type\": ");
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> VectorLabels.open(broken));
        assertTrue(e.getMessage().startsWith(broken.toString()), e.getMessage());

        Path point = dir.resolve("point.geojson");
        Files.writeString(
                point,
                """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
                   "coordinates": [[[9, 52], [9.1, 52], [9.1, 52.1], [9, 52]]]}},
                 {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [9, 52]}}
                ]}
                """);
        e = assertThrows(RasterFormatException.class, () -> VectorLabels.open(point));
        assertTrue(e.getMessage().contains("feature 1 is a Point"), e.getMessage());

        Path empty = dir.resolve("null.geojson");
        Files.writeString(
                empty,
                """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"kind": "cargo"}, "geometry": null}]}
                """);
        e = assertThrows(RasterFormatException.class, () -> VectorLabels.open(empty));
        assertTrue(e.getMessage().contains("feature 0 has no geometry"), e.getMessage());

        assertThrows(
                NoSuchFileException.class, () -> VectorLabels.open(dir.resolve("absent.geojson")));
    }

    /** Writes polygons with OGR's own GeoJSON driver, in the given CRS. */
    private static void writeWithOgr(Path file, int epsg, List<LabelPolygon> polygons) {
        SpatialReference srs = new SpatialReference();
        srs.ImportFromEPSG(epsg);
        DataSource out = ogr.GetDriverByName("GeoJSON").CreateDataSource(file.toString());
        try {
            Layer layer = out.CreateLayer("vessels", srs, ogrConstants.wkbPolygon);
            layer.CreateField(new FieldDefn("kind", ogrConstants.OFTString));
            for (LabelPolygon p : polygons) {
                Geometry ring = new Geometry(ogrConstants.wkbLinearRing);
                for (int i = 0; i <= p.vertexCount(); i++) {
                    ring.AddPoint_2D(p.x(i % p.vertexCount()), p.y(i % p.vertexCount()));
                }
                Geometry polygon = new Geometry(ogrConstants.wkbPolygon);
                polygon.AddGeometryDirectly(ring);
                Feature f = new Feature(layer.GetLayerDefn());
                f.SetField("kind", (String) p.properties().get("kind"));
                f.SetGeometryDirectly(polygon);
                layer.CreateFeature(f);
                f.delete();
            }
        } finally {
            out.delete();
            srs.delete();
        }
    }
}
