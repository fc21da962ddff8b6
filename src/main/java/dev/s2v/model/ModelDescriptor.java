package dev.s2v.model;

import dev.s2v.config.Normalization;
import dev.s2v.model.loss.LossSpec;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to use a trained UNET on new imagery, as {@code model.xml} records it next to
 * the weights: which bands in which order, how they were scaled and normalised, the network's
 * architecture, the loss it was trained with, the probability threshold, and where it came from.
 *
 * @param bands the input bands in channel order
 * @param tileSizePx the side of the square training tiles in pixels, a multiple of {@code 2^depth}
 * @param reflectance true when inputs are reflectance ({@code (DN + RADIO_ADD_OFFSET) /
 *     QUANTIFICATION_VALUE} with each product's own values, or a band stack's scale), before
 *     normalisation; false when they are raw digital numbers
 * @param inputLevel the processing level of the training imagery (Level-1C top-of-atmosphere or
 *     Level-2A surface reflectance), empty when unknown or mixed
 * @param normalization the per-band normalisation of the inputs, one value pair per band
 * @param architecture the network; its input bands equal the number of bands
 * @param loss the training loss with its parameters
 * @param threshold the probability above which a pixel is a vessel, in (0, 1)
 * @param datasetName the training dataset's name
 * @param datasetPath where the training dataset was (as given to training)
 * @param experiment the experiment that trained the model
 * @param created when the model was exported
 * @param s2vVersion the s2v version that exported it
 */
public record ModelDescriptor(
        List<SpectralBand> bands,
        int tileSizePx,
        boolean reflectance,
        Optional<ProductLevel> inputLevel,
        Normalization normalization,
        UNetArchitecture architecture,
        LossSpec loss,
        double threshold,
        String datasetName,
        String datasetPath,
        String experiment,
        Instant created,
        String s2vVersion) {

    /**
     * Validates every component and its agreement with the others.
     *
     * @throws IllegalArgumentException naming the component, the value and what is allowed
     */
    public ModelDescriptor {
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("bands must list at least one band");
        }
        bands = List.copyOf(bands);
        if (new HashSet<>(bands).size() != bands.size()) {
            throw new IllegalArgumentException("bands lists a band twice: " + bands);
        }
        require(inputLevel != null, "the input level must be given (empty when unknown)");
        require(normalization != null, "normalization must be given");
        require(architecture != null, "architecture must be given");
        require(loss != null, "loss must be given");
        require(created != null, "created must be given");
        if (normalization.bandCount() != bands.size()) {
            throw new IllegalArgumentException(
                    "normalization has values for "
                            + normalization.bandCount()
                            + " bands but bands lists "
                            + bands.size());
        }
        if (architecture.inputBands() != bands.size()) {
            throw new IllegalArgumentException(
                    "the architecture takes "
                            + architecture.inputBands()
                            + " input bands but bands lists "
                            + bands.size());
        }
        if (tileSizePx <= 0 || tileSizePx % architecture.tileMultiple() != 0) {
            throw new IllegalArgumentException(
                    "tile_size must be a positive multiple of "
                            + architecture.tileMultiple()
                            + " (2^depth), got "
                            + tileSizePx);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException(
                    "threshold must be between 0 and 1 (exclusive), got " + threshold);
        }
        datasetName = text(datasetName, "training dataset name");
        datasetPath = text(datasetPath, "training dataset path");
        experiment = text(experiment, "experiment");
        s2vVersion = text(s2vVersion, "s2v version");
    }

    /** This descriptor with another threshold, e.g. the one an evaluation chose. */
    public ModelDescriptor withThreshold(double newThreshold) {
        return new ModelDescriptor(
                bands,
                tileSizePx,
                reflectance,
                inputLevel,
                normalization,
                architecture,
                loss,
                newThreshold,
                datasetName,
                datasetPath,
                experiment,
                created,
                s2vVersion);
    }

    /**
     * The warning for imagery of another processing level than the model was trained on, when both
     * are known: atmospheric correction darkens water most, which moves every input.
     *
     * @param given the level of the imagery, if known
     * @param what the imagery in words, e.g. its file name
     * @return "was trained on ... but {@code what} is ...", or empty when nothing is known to
     *     differ
     */
    public Optional<String> levelMismatch(Optional<ProductLevel> given, String what) {
        if (inputLevel.isEmpty() || given.isEmpty() || inputLevel.equals(given)) {
            return Optional.empty();
        }
        return Optional.of(
                "was trained on "
                        + inputLevel.get().description()
                        + " but "
                        + what
                        + " is "
                        + given.get().description()
                        + ": expect more misses and false alarms than its own evaluation shows");
    }

    /**
     * Reads and validates a {@code model.xml}.
     *
     * @throws ModelFormatException in one line naming the file, the element and the problem
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws IOException when it cannot be read
     */
    public static ModelDescriptor read(Path file) throws IOException {
        return ModelXml.read(file);
    }

    /**
     * Writes this descriptor as {@code model.xml} to {@code file}, through a temporary file in the
     * same folder that is then renamed, so that the file is never half-written.
     *
     * @throws IOException when the file cannot be written
     */
    public void write(Path file) throws IOException {
        ModelXml.write(this, file);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.contains("\n")) {
            throw new IllegalArgumentException(what + " must be one line, got '" + value + "'");
        }
        return value.strip();
    }
}
