package dev.s2v.raster;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a Sentinel-2 L1C product's {@code MTD_MSIL1C.xml} says.
 *
 * @param productId {@code PRODUCT_URI} without {@code .SAFE}
 * @param productType {@code PRODUCT_TYPE}, {@code S2MSI1C} for L1C
 * @param spacecraft {@code SPACECRAFT_NAME}, e.g. Sentinel-2B
 * @param sensingStart {@code PRODUCT_START_TIME} (the datatake's sensing start)
 * @param processingBaseline {@code PROCESSING_BASELINE}, e.g. 04.00
 * @param quantificationValue {@code QUANTIFICATION_VALUE} (10000)
 * @param radioAddOffsets {@code RADIO_ADD_OFFSET} per band; 0 for every band when the product
 *     predates baseline 04.00 and has no offset list
 * @param offsetsDeclared whether the metadata had a {@code Radiometric_Offset_List}
 * @param bandFiles path of each band's JPEG2000 file relative to the product root
 * @param granuleIdentifier the granule's {@code granuleIdentifier}
 * @param datastripIdentifier the granule's {@code datastripIdentifier}
 * @param cloudCoverPercent {@code Cloud_Coverage_Assessment} if given
 * @param tile the tile geocoding from the granule's {@code MTD_TL.xml}, if that file is there
 */
public record ProductMetadata(
        String productId,
        String productType,
        String spacecraft,
        Instant sensingStart,
        String processingBaseline,
        double quantificationValue,
        Map<SpectralBand, Double> radioAddOffsets,
        boolean offsetsDeclared,
        Map<SpectralBand, String> bandFiles,
        String granuleIdentifier,
        String datastripIdentifier,
        OptionalDouble cloudCoverPercent,
        Optional<TileGeocoding> tile) {

    /** Copies the maps into unmodifiable band-ordered maps. */
    public ProductMetadata {
        radioAddOffsets = Collections.unmodifiableMap(new EnumMap<>(radioAddOffsets));
        bandFiles = Collections.unmodifiableMap(new EnumMap<>(bandFiles));
    }

    /** The radiometric conversion of a band. */
    public Radiometry radiometry(SpectralBand band) {
        return Radiometry.l1c(radioAddOffsets.getOrDefault(band, 0.0), quantificationValue);
    }

    /** The MGRS tile, e.g. {@code T32UPC}, from the product name. */
    public String mgrsTile() {
        for (String part : productId.split("_")) {
            if (part.matches("T\\d\\d[A-Z]{3}")) {
                return part;
            }
        }
        return "";
    }

    /**
     * The tile geocoding of the granule's {@code MTD_TL.xml}.
     *
     * @param tileId {@code TILE_ID}
     * @param epsg the number of {@code HORIZONTAL_CS_CODE} (EPSG:n)
     * @param crsName {@code HORIZONTAL_CS_NAME}
     * @param ulx map x of the tile's upper-left corner
     * @param uly map y of the tile's upper-left corner
     * @param columns10m columns of the full tile at 10 m
     * @param rows10m rows of the full tile at 10 m
     */
    public record TileGeocoding(
            String tileId,
            int epsg,
            String crsName,
            double ulx,
            double uly,
            int columns10m,
            int rows10m) {}
}
