package dev.s2v.inference;

import dev.s2v.raster.ScaleRule;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * What {@code s2v predict} is asked to do.
 *
 * @param model the model folder ({@code model.xml} and weights)
 * @param product an L1C product (.SAFE folder, zip, {@code MTD_MSIL1C.xml}) or a GeoTIFF band stack
 * @param out the output folder to create
 * @param windows how the scene is cut into windows for the network
 * @param threshold the probability above which a pixel is a vessel; empty for the model's own
 * @param probabilityFormat how {@code probability.tif} stores probabilities
 * @param aoi the part of the scene to predict
 * @param stackScale how a band stack's values become reflectance (ignored for L1C products)
 * @param overwrite whether an existing output folder is replaced
 */
public record PredictRequest(
        Path model,
        Path product,
        Path out,
        WindowSettings windows,
        OptionalDouble threshold,
        ProbabilityFormat probabilityFormat,
        Aoi aoi,
        ScaleRule stackScale,
        boolean overwrite) {

    /** Validates that everything is given and the threshold is a probability. */
    public PredictRequest {
        if (model == null
                || product == null
                || out == null
                || windows == null
                || threshold == null
                || probabilityFormat == null
                || aoi == null
                || stackScale == null) {
            throw new IllegalArgumentException(
                    "a prediction needs a model, a product, an output folder, window settings, a"
                            + " threshold rule, a probability format, an area and a scale rule");
        }
        if (threshold.isPresent()
                && !(threshold.getAsDouble() > 0 && threshold.getAsDouble() < 1)) {
            throw new IllegalArgumentException(
                    "--threshold must be a probability strictly between 0 and 1, got "
                            + threshold.getAsDouble());
        }
    }

    /** The default output folder: {@code predictions/<product file name without extension>}. */
    public static Path defaultOut(Path product) {
        Path name = product.toAbsolutePath().normalize().getFileName();
        String text = name == null ? "product" : name.toString();
        if (text.equalsIgnoreCase("MTD_MSIL1C.xml")) {
            Path parent = product.toAbsolutePath().normalize().getParent();
            text =
                    parent == null || parent.getFileName() == null
                            ? "product"
                            : parent.getFileName().toString();
        }
        return Path.of("predictions", text.replaceFirst("\\.(SAFE|zip|tif|tiff|vrt)$", ""));
    }
}
