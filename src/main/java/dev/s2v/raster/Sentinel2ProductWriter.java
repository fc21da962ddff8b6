package dev.s2v.raster;

import dev.s2v.files.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.Vector;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;

/**
 * Writes a Sentinel-2 L1C product in ESA's SAFE layout ({@code MTD_MSIL1C.xml}, {@code
 * GRANULE/<granule>/MTD_TL.xml}, {@code IMG_DATA/T<tile>_<time>_<band>.jp2} as lossless JPEG2000),
 * as a folder or a zip. Used by the synthetic product generator and by tests that need products
 * with known content.
 */
public final class Sentinel2ProductWriter {
    private static final DateTimeFormatter COMPACT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private Sentinel2ProductWriter() {}

    /**
     * What the product's metadata says about itself.
     *
     * @param spacecraft Sentinel-2A, Sentinel-2B or Sentinel-2C
     * @param sensingStart datatake sensing start
     * @param generationTime processing time
     * @param processingBaseline e.g. 05.09; from 04.00 the DNs carry a -1000 offset
     * @param relativeOrbit relative orbit number 1..143
     * @param absoluteOrbit absolute orbit number
     * @param mgrsTile MGRS tile without the T, e.g. 32UPC
     * @param epsg the UTM CRS of the tile
     * @param ulx map x of the upper-left corner
     * @param uly map y of the upper-left corner
     * @param width10m columns at 10 m
     * @param height10m rows at 10 m
     * @param cloudCoverPercent Cloud_Coverage_Assessment
     * @param sunZenithDeg mean sun zenith angle
     * @param sunAzimuthDeg mean sun azimuth angle
     */
    public record ProductSpec(
            String spacecraft,
            Instant sensingStart,
            Instant generationTime,
            String processingBaseline,
            int relativeOrbit,
            int absoluteOrbit,
            String mgrsTile,
            int epsg,
            double ulx,
            double uly,
            int width10m,
            int height10m,
            double cloudCoverPercent,
            double sunZenithDeg,
            double sunAzimuthDeg) {

        /** Validates names and numbers that end up in file names. */
        public ProductSpec {
            if (!spacecraft.matches("Sentinel-2[ABC]")) {
                throw new IllegalArgumentException(
                        "spacecraft must be Sentinel-2A, -2B or -2C, got " + spacecraft);
            }
            if (!processingBaseline.matches("\\d\\d\\.\\d\\d")) {
                throw new IllegalArgumentException(
                        "processing baseline must look like 05.09, got " + processingBaseline);
            }
            if (relativeOrbit < 1 || relativeOrbit > 143) {
                throw new IllegalArgumentException(
                        "relative orbit must be 1..143, got " + relativeOrbit);
            }
            if (!mgrsTile.matches("\\d\\d[A-Z]{3}")) {
                throw new IllegalArgumentException(
                        "MGRS tile must look like 32UPC, got " + mgrsTile);
            }
            if (width10m < 1 || height10m < 1) {
                throw new IllegalArgumentException(
                        "product size must be positive, got " + width10m + " x " + height10m);
            }
        }

        /** e.g. {@code S2B_MSIL1C_20220615T101559_N0400_R065_T32UPC_20220615T122549}. */
        public String productId() {
            return productId(ProductLevel.L1C);
        }

        /**
         * The id ESA gives the product of this datatake and tile at a processing level, e.g. {@code
         * S2B_MSIL2A_20220615T101559_N0400_R065_T32UPC_20220615T122549} for Level-2A.
         */
        public String productId(ProductLevel level) {
            return String.format(
                    Locale.ROOT,
                    "%s_MSI%s_%s_N%s_R%03d_T%s_%s",
                    mission(),
                    level.key(),
                    COMPACT.format(sensingStart),
                    processingBaseline.replace(".", ""),
                    relativeOrbit,
                    mgrsTile,
                    COMPACT.format(generationTime));
        }

        /** {@code RADIO_ADD_OFFSET} of every band: -1000 from baseline 04.00, else 0. */
        public int radioAddOffset() {
            return Integer.parseInt(processingBaseline.substring(0, 2)) >= 4 ? -1000 : 0;
        }

        /** The 10 m grid. */
        public GeoTransform transform10m() {
            return GeoTransform.northUp(ulx, uly, 10);
        }

        String mission() {
            return "S2" + spacecraft.charAt(spacecraft.length() - 1);
        }

        String granuleFolder() {
            return String.format(
                    Locale.ROOT,
                    "L1C_T%s_A%06d_%s",
                    mgrsTile,
                    absoluteOrbit,
                    COMPACT.format(sensingStart.plusSeconds(369)));
        }

        String granuleIdentifier() {
            return String.format(
                    Locale.ROOT,
                    "%s_OPER_MSI_L1C_TL_2%sPS_%s_A%06d_T%s_N%s",
                    mission(),
                    mission().substring(2),
                    COMPACT.format(generationTime),
                    absoluteOrbit,
                    mgrsTile,
                    processingBaseline);
        }

        String datastripIdentifier() {
            return String.format(
                    Locale.ROOT,
                    "%s_OPER_MSI_L1C_DS_2%sPS_%s_S%s_N%s",
                    mission(),
                    mission().substring(2),
                    COMPACT.format(generationTime),
                    COMPACT.format(sensingStart.plusSeconds(369)),
                    processingBaseline);
        }

        String imageFile(String band) {
            return "GRANULE/"
                    + granuleFolder()
                    + "/IMG_DATA/T"
                    + mgrsTile
                    + "_"
                    + COMPACT.format(sensingStart)
                    + "_"
                    + band;
        }
    }

    /** Supplies a band's digital numbers on its native grid. */
    @FunctionalInterface
    public interface BandData {
        /**
         * Row-major UInt16 DNs (read as unsigned), {@code width * height} values, at the band's
         * native resolution.
         */
        short[] digitalNumbers(SpectralBand band, int width, int height) throws IOException;
    }

    /**
     * Writes a product into {@code outDir}, as {@code <id>.SAFE} or {@code <id>.zip}; the result
     * appears only once complete.
     *
     * @return the written folder or zip
     * @throws IOException when a file cannot be written
     */
    public static Path write(
            Path outDir, ProductSpec spec, Set<SpectralBand> bands, BandData data, boolean zip)
            throws IOException {
        Gdal.init();
        Files.createDirectories(outDir);
        String id = spec.productId();
        Path staging = outDir.resolve("." + id + ".SAFE.partial");
        AtomicFiles.deleteRecursively(staging);
        try {
            Path granule = staging.resolve("GRANULE").resolve(spec.granuleFolder());
            Files.createDirectories(granule.resolve("IMG_DATA"));
            Files.writeString(
                    staging.resolve("MTD_MSIL1C.xml"),
                    productXml(spec, bands),
                    StandardCharsets.UTF_8);
            Files.writeString(granule.resolve("MTD_TL.xml"), tileXml(spec), StandardCharsets.UTF_8);
            for (SpectralBand band : bands) {
                int factor = band.factorTo10m();
                int width = NearestNeighbour.nativeSize(spec.width10m(), factor);
                int height = NearestNeighbour.nativeSize(spec.height10m(), factor);
                short[] dn = data.digitalNumbers(band, width, height);
                if (dn.length != width * height) {
                    throw new IllegalArgumentException(
                            band + " needs " + width * height + " values, got " + dn.length);
                }
                RasterGrid grid =
                        new RasterGrid(
                                width,
                                height,
                                spec.transform10m().scaled(factor),
                                "",
                                OptionalInt.of(spec.epsg()));
                writeJp2(staging.resolve(spec.imageFile(band.name()) + ".jp2"), grid, dn);
            }
            Path result;
            if (zip) {
                result = outDir.resolve(id + ".zip");
                zipFolder(staging, id + ".SAFE", result, spec.generationTime());
                AtomicFiles.deleteRecursively(staging);
            } else {
                result = outDir.resolve(id + ".SAFE");
                AtomicFiles.deleteRecursively(result);
                Files.move(staging, result, StandardCopyOption.ATOMIC_MOVE);
            }
            return result;
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteRecursively(staging);
            throw e;
        }
    }

    /**
     * Writes one UInt16 band as lossless JPEG2000 (JP2OpenJPEG can only copy, so through memory).
     *
     * @throws IOException when GDAL fails
     */
    public static void writeJp2(Path target, RasterGrid grid, short[] dn) throws IOException {
        Gdal.init();
        Path temporary = target.resolveSibling("." + target.getFileName() + ".partial.jp2");
        Dataset memory =
                gdal.GetDriverByName("MEM")
                        .Create("", grid.width(), grid.height(), 1, PixelType.UINT16.gdalType());
        try {
            memory.SetGeoTransform(grid.transform().toArray());
            memory.SetProjection(
                    grid.crsWkt().isEmpty()
                            ? CrsTransform.wktOfEpsg(grid.epsg().orElseThrow())
                            : grid.crsWkt());
            memory.GetRasterBand(1)
                    .WriteRaster(
                            0, 0, grid.width(), grid.height(), PixelType.UINT16.gdalType(), dn);
            Vector<String> options =
                    new Vector<>(List.of("REVERSIBLE=YES", "QUALITY=100", "CODEC=JP2"));
            Dataset jp2 =
                    gdal.GetDriverByName("JP2OpenJPEG")
                            .CreateCopy(temporary.toString(), memory, 0, options);
            jp2.delete();
            Files.move(
                    temporary,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw new IOException(
                    target + ": GDAL cannot write the JPEG2000 file: " + e.getMessage(), e);
        } finally {
            memory.delete();
        }
    }

    /** Zips a folder; every entry carries {@code time}, so equal content gives equal bytes. */
    private static void zipFolder(Path folder, String rootName, Path target, Instant time)
            throws IOException {
        LocalDateTime entryTime = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        AtomicFiles.write(
                target,
                temporary -> {
                    try (OutputStream out = Files.newOutputStream(temporary);
                            ZipOutputStream zip = new ZipOutputStream(out)) {
                        for (Path file : files) {
                            // JPEG2000 is already compressed: store it; deflate the XML.
                            zip.setLevel(
                                    file.toString().endsWith(".jp2")
                                            ? Deflater.NO_COMPRESSION
                                            : Deflater.DEFAULT_COMPRESSION);
                            ZipEntry entry =
                                    new ZipEntry(
                                            rootName
                                                    + "/"
                                                    + folder.relativize(file)
                                                            .toString()
                                                            .replace('\\', '/'));
                            entry.setTimeLocal(entryTime);
                            zip.putNextEntry(entry);
                            Files.copy(file, zip);
                            zip.closeEntry();
                        }
                    }
                });
    }

    private static String productXml(ProductSpec spec, Set<SpectralBand> bands) {
        String start = ISO_MILLIS.format(spec.sensingStart());
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        x.append(
                        "<n1:Level-1C_User_Product xmlns:n1=\"https://psd-14.sentinel2.eo.esa.int/PSD/User_Product_Level-1C.xsd\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append(
                        "xsi:schemaLocation=\"https://psd-14.sentinel2.eo.esa.int/PSD/User_Product_Level-1C.xsd\">\n");
        x.append("  <n1:General_Info>\n    <Product_Info>\n");
        tag(x, 6, "PRODUCT_START_TIME", start);
        tag(x, 6, "PRODUCT_STOP_TIME", start);
        tag(x, 6, "PRODUCT_URI", spec.productId() + ".SAFE");
        tag(x, 6, "PROCESSING_LEVEL", "Level-1C");
        tag(x, 6, "PRODUCT_TYPE", "S2MSI1C");
        tag(x, 6, "PROCESSING_BASELINE", spec.processingBaseline());
        tag(
                x,
                6,
                "GENERATION_TIME",
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT)
                        .withZone(ZoneOffset.UTC)
                        .format(spec.generationTime()));
        x.append("      <Datatake datatakeIdentifier=\"G")
                .append(spec.mission())
                .append('_')
                .append(COMPACT.format(spec.sensingStart()))
                .append(String.format(Locale.ROOT, "_%06d_N", spec.absoluteOrbit()))
                .append(spec.processingBaseline())
                .append("\">\n");
        tag(x, 8, "SPACECRAFT_NAME", spec.spacecraft());
        tag(x, 8, "DATATAKE_TYPE", "INS-NOBS");
        tag(x, 8, "DATATAKE_SENSING_START", start);
        tag(x, 8, "SENSING_ORBIT_NUMBER", Integer.toString(spec.relativeOrbit()));
        tag(x, 8, "SENSING_ORBIT_DIRECTION", "DESCENDING");
        x.append("      </Datatake>\n");
        x.append("      <Query_Options completeSingleTile=\"true\">\n");
        tag(x, 8, "PRODUCT_FORMAT", "SAFE_COMPACT");
        x.append("      </Query_Options>\n      <Product_Organisation>\n        <Granule_List>\n");
        x.append("          <Granule datastripIdentifier=\"")
                .append(spec.datastripIdentifier())
                .append("\" granuleIdentifier=\"")
                .append(spec.granuleIdentifier())
                .append("\" imageFormat=\"JPEG2000\">\n");
        for (SpectralBand band : bands) {
            tag(x, 12, "IMAGE_FILE", spec.imageFile(band.name()));
        }
        x.append(
                "          </Granule>\n        </Granule_List>\n      </Product_Organisation>\n    </Product_Info>\n");
        x.append("    <Product_Image_Characteristics>\n");
        x.append(
                "      <Special_Values>\n        <SPECIAL_VALUE_TEXT>NODATA</SPECIAL_VALUE_TEXT>\n        <SPECIAL_VALUE_INDEX>0</SPECIAL_VALUE_INDEX>\n      </Special_Values>\n");
        x.append(
                "      <Special_Values>\n        <SPECIAL_VALUE_TEXT>SATURATED</SPECIAL_VALUE_TEXT>\n        <SPECIAL_VALUE_INDEX>65535</SPECIAL_VALUE_INDEX>\n      </Special_Values>\n");
        x.append(
                "      <Image_Display_Order>\n        <RED_CHANNEL>3</RED_CHANNEL>\n        <GREEN_CHANNEL>2</GREEN_CHANNEL>\n        <BLUE_CHANNEL>1</BLUE_CHANNEL>\n      </Image_Display_Order>\n");
        x.append("      <QUANTIFICATION_VALUE unit=\"none\">10000</QUANTIFICATION_VALUE>\n");
        if (spec.radioAddOffset() != 0) {
            x.append("      <Radiometric_Offset_List>\n");
            for (SpectralBand band : SpectralBand.values()) {
                x.append("        <RADIO_ADD_OFFSET band_id=\"")
                        .append(band.bandId())
                        .append("\">")
                        .append(spec.radioAddOffset())
                        .append("</RADIO_ADD_OFFSET>\n");
            }
            x.append("      </Radiometric_Offset_List>\n");
        }
        x.append("      <Spectral_Information_List>\n");
        for (SpectralBand band : SpectralBand.values()) {
            x.append("        <Spectral_Information bandId=\"")
                    .append(band.bandId())
                    .append("\" physicalBand=\"")
                    .append(
                            band.name().startsWith("B0")
                                    ? "B" + band.name().charAt(2)
                                    : band.name())
                    .append("\">\n");
            tag(x, 10, "RESOLUTION", Integer.toString(band.resolutionM()));
            x.append("          <Wavelength>\n            <CENTRAL unit=\"nm\">")
                    .append(band.wavelengthNm())
                    .append(
                            "</CENTRAL>\n          </Wavelength>\n        </Spectral_Information>\n");
        }
        x.append(
                "      </Spectral_Information_List>\n    </Product_Image_Characteristics>\n  </n1:General_Info>\n");
        x.append(
                "  <n1:Geometric_Info>\n    <Product_Footprint>\n      <Product_Footprint>\n        <Global_Footprint>\n");
        tag(x, 10, "EXT_POS_LIST", footprint(spec));
        x.append("        </Global_Footprint>\n      </Product_Footprint>\n");
        tag(x, 6, "RASTER_CS_TYPE", "POINT");
        tag(x, 6, "PIXEL_ORIGIN", "1");
        x.append("    </Product_Footprint>\n    <Coordinate_Reference_System>\n");
        x.append("      <GEO_TABLES version=\"1\">EPSG</GEO_TABLES>\n");
        tag(x, 6, "HORIZONTAL_CS_TYPE", "GEOGRAPHIC");
        x.append("    </Coordinate_Reference_System>\n  </n1:Geometric_Info>\n");
        x.append("  <n1:Quality_Indicators_Info>\n");
        tag(
                x,
                4,
                "Cloud_Coverage_Assessment",
                String.format(Locale.ROOT, "%.4f", spec.cloudCoverPercent()));
        x.append("  </n1:Quality_Indicators_Info>\n</n1:Level-1C_User_Product>\n");
        return x.toString();
    }

    /** Corners in lat/lon order, closed, as ESA's EXT_POS_LIST writes them. */
    private static String footprint(ProductSpec spec) {
        double w = spec.width10m() * 10.0;
        double h = spec.height10m() * 10.0;
        double[][] corners = {{0, 0}, {w, 0}, {w, -h}, {0, -h}, {0, 0}};
        List<String> values = new ArrayList<>();
        try (CrsTransform toWgs84 = CrsTransform.between(spec.epsg(), 4326)) {
            for (double[] c : corners) {
                double[] lonLat = toWgs84.apply(spec.ulx() + c[0], spec.uly() + c[1]);
                values.add(String.format(Locale.ROOT, "%.12f %.12f", lonLat[1], lonLat[0]));
            }
        }
        return String.join(" ", values) + " ";
    }

    private static String tileXml(ProductSpec spec) {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
        x.append(
                        "<n1:Level-1C_Tile_ID xmlns:n1=\"https://psd-14.sentinel2.eo.esa.int/PSD/S2_PDI_Level-1C_Tile_Metadata.xsd\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ")
                .append(
                        "xsi:schemaLocation=\"https://psd-14.sentinel2.eo.esa.int/PSD/S2_PDI_Level-1C_Tile_Metadata.xsd\">\n");
        x.append("  <n1:General_Info>\n");
        x.append("    <TILE_ID metadataLevel=\"Brief\">")
                .append(spec.granuleIdentifier())
                .append("</TILE_ID>\n");
        x.append("    <DATASTRIP_ID metadataLevel=\"Standard\">")
                .append(spec.datastripIdentifier())
                .append("</DATASTRIP_ID>\n");
        tag(x, 4, "SENSING_TIME", ISO_MILLIS.format(spec.sensingStart().plusSeconds(369)));
        x.append(
                "  </n1:General_Info>\n  <n1:Geometric_Info>\n    <Tile_Geocoding metadataLevel=\"Brief\">\n");
        int zone = spec.epsg() % 100;
        tag(
                x,
                6,
                "HORIZONTAL_CS_NAME",
                "WGS84 / UTM zone " + zone + (spec.epsg() / 100 == 326 ? "N" : "S"));
        tag(x, 6, "HORIZONTAL_CS_CODE", "EPSG:" + spec.epsg());
        for (int res : new int[] {10, 20, 60}) {
            x.append("      <Size resolution=\"").append(res).append("\">\n");
            tag(
                    x,
                    8,
                    "NROWS",
                    Integer.toString(NearestNeighbour.nativeSize(spec.height10m(), res / 10)));
            tag(
                    x,
                    8,
                    "NCOLS",
                    Integer.toString(NearestNeighbour.nativeSize(spec.width10m(), res / 10)));
            x.append("      </Size>\n");
        }
        for (int res : new int[] {10, 20, 60}) {
            x.append("      <Geoposition resolution=\"").append(res).append("\">\n");
            tag(x, 8, "ULX", fmt(spec.ulx()));
            tag(x, 8, "ULY", fmt(spec.uly()));
            tag(x, 8, "XDIM", Integer.toString(res));
            tag(x, 8, "YDIM", Integer.toString(-res));
            x.append("      </Geoposition>\n");
        }
        x.append(
                "    </Tile_Geocoding>\n    <Tile_Angles metadataLevel=\"Standard\">\n      <Mean_Sun_Angle>\n");
        x.append("        <ZENITH_ANGLE unit=\"deg\">")
                .append(fmt(spec.sunZenithDeg()))
                .append("</ZENITH_ANGLE>\n");
        x.append("        <AZIMUTH_ANGLE unit=\"deg\">")
                .append(fmt(spec.sunAzimuthDeg()))
                .append("</AZIMUTH_ANGLE>\n");
        x.append(
                "      </Mean_Sun_Angle>\n    </Tile_Angles>\n  </n1:Geometric_Info>\n</n1:Level-1C_Tile_ID>\n");
        return x.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static void tag(StringBuilder x, int indent, String name, String value) {
        x.append(" ".repeat(indent))
                .append('<')
                .append(name)
                .append('>')
                .append(value)
                .append("</")
                .append(name)
                .append(">\n");
    }
}
