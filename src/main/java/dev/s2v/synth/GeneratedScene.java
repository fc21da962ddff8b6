package dev.s2v.synth;

import dev.s2v.raster.ProductLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One product {@link SyntheticProducts#generate} wrote, with its ground truth.
 *
 * @param sceneId the product id, e.g. {@code S2B_MSIL1C_20230713T103021_N0509_R108_T32TMP_...}
 *     ({@code MSIL2A} for a Level-2A stack)
 * @param folder the folder of the scene's files: {@code <out>/<sceneId>} for an L1C product, the
 *     output folder itself for an L2A stack
 * @param product the {@code .SAFE} folder or {@code .zip} inside it; an L2A stack's {@code
 *     <sceneId>.tif}
 * @param labels one polygon per vessel, EPSG:4326: {@code labels.geojson} ({@code
 *     <sceneId>_labels.geojson} for L2A)
 * @param mask 1 = vessel on the product's 10 m grid: {@code truth_mask.tif} ({@code
 *     <sceneId>_mask.tif} for L2A)
 * @param quicklook {@code quicklook.png} ({@code <sceneId>_quicklook.png}) when asked for
 * @param seed the scene's own seed (derived from the master seed)
 * @param site the real port the scene is placed at
 * @param setting "port", "coast" or "open sea"
 * @param mgrsTile the tile, e.g. {@code 32TMP}
 * @param epsg the UTM CRS
 * @param widthPx columns at 10 m
 * @param heightPx rows at 10 m
 * @param sensingTime datatake sensing start
 * @param processingBaseline e.g. 05.09
 * @param sunZenithDeg mean sun zenith angle
 * @param cloudCoverPercent share of pixels under cloud or cirrus
 * @param waterPercent share of water
 * @param vesselCount vessels labelled
 * @param vesselsInMask vessels with at least one mask pixel (a boat narrower than a pixel may hold
 *     no pixel centre)
 * @param vesselPixels mask pixels (1 = vessel)
 * @param level L1C product or L2A band stack
 * @param look the water, glint, haze residue and smoothing of an L2A stack; empty for L1C
 */
public record GeneratedScene(
        String sceneId,
        Path folder,
        Path product,
        Path labels,
        Path mask,
        Optional<Path> quicklook,
        long seed,
        String site,
        String setting,
        String mgrsTile,
        int epsg,
        int widthPx,
        int heightPx,
        Instant sensingTime,
        String processingBaseline,
        double sunZenithDeg,
        double cloudCoverPercent,
        double waterPercent,
        int vesselCount,
        int vesselsInMask,
        long vesselPixels,
        ProductLevel level,
        Optional<SceneLook> look) {

    /** Vessel pixels as a percentage of all pixels. */
    public double vesselPixelPercent() {
        return 100.0 * vesselPixels / ((double) widthPx * heightPx);
    }
}
