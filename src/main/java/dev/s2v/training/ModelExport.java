package dev.s2v.training;

import dev.s2v.config.BuildInfo;
import dev.s2v.config.ExperimentConfig;
import dev.s2v.config.Normalization;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.files.AtomicFiles;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TrainedModel;
import dev.s2v.model.UNetBlock;
import dev.s2v.model.loss.LossSpec;
import dev.s2v.raster.ProductLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Exports trained weights to {@code models/<experiment>/} with the {@code model.xml} that
 * evaluation and inference read: bands, tile size, the training split's normalisation, the
 * architecture, the loss and the threshold. The folder appears complete or not at all, and an
 * earlier export of the same name is replaced only when asked.
 */
final class ModelExport {
    private ModelExport() {}

    /**
     * Writes the model folder.
     *
     * @param normalization the input rule the network was trained with
     * @param inputLevel the processing level of the training imagery, empty when unknown or mixed
     * @param lossParameters the loss's parameters as training used them
     * @return the model folder
     * @throws IOException when writing fails
     */
    static Path export(
            Path modelsRoot,
            ExperimentConfig config,
            DatasetFolder dataset,
            Normalization normalization,
            Optional<ProductLevel> inputLevel,
            UNetBlock block,
            Map<String, Double> lossParameters,
            double threshold)
            throws IOException {
        ModelDescriptor descriptor =
                new ModelDescriptor(
                        config.bandList(),
                        dataset.tileSize(),
                        true,
                        inputLevel,
                        normalization,
                        block.architecture(),
                        new LossSpec(config.train().loss(), lossParameters),
                        threshold,
                        dataset.descriptor().name(),
                        dataset.folder().toAbsolutePath().toString(),
                        config.name(),
                        Instant.now(),
                        BuildInfo.version());
        Path target = modelsRoot.resolve(config.name());
        Files.createDirectories(modelsRoot);
        // Exported beside the target under a temporary name, then swapped in: a failed export
        // leaves the previous model intact.
        Path staging = modelsRoot.resolve("." + config.name() + ".export-" + System.nanoTime());
        try {
            TrainedModel.export(staging, block, descriptor);
            AtomicFiles.replaceFolder(staging, target);
        } finally {
            AtomicFiles.deleteRecursively(staging);
        }
        return target;
    }
}
