package dev.s2v.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.s2v.config.BuildInfo;
import dev.s2v.config.Normalization;
import dev.s2v.model.Decoder;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TrainedModel;
import dev.s2v.model.UNetArchitecture;
import dev.s2v.model.UNetBlock;
import dev.s2v.model.loss.LossSpec;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Untrained models for benchmarks: they cost what trained ones of the same shape cost to run. */
final class BenchModels {
    private BenchModels() {}

    /**
     * An untrained base-16, depth-4 UNET (the quickstart's shape), exported into {@code folder} if
     * not there yet.
     *
     * @param bands its input bands
     * @param tileSizePx the tile size model.xml records
     * @param normalization its normalisation
     * @param datasetName the dataset model.xml names
     * @param datasetPath where that dataset is
     * @throws IOException when it cannot be written
     */
    static Path untrainedBase16(
            Path folder,
            List<SpectralBand> bands,
            int tileSizePx,
            Normalization normalization,
            String datasetName,
            String datasetPath)
            throws IOException {
        if (Files.isRegularFile(folder.resolve(TrainedModel.WEIGHTS_FILE))) {
            return folder;
        }
        UNetArchitecture architecture =
                new UNetArchitecture(bands.size(), 16, 4, 0.25, true, Decoder.TRANSPOSED);
        UNetBlock block = UNetBlock.of(architecture);
        try (NDManager manager = NDManager.newBaseManager()) {
            block.initialize(
                    manager, DataType.FLOAT32, new Shape(1, bands.size(), tileSizePx, tileSizePx));
            TrainedModel.export(
                    folder,
                    block,
                    new ModelDescriptor(
                            bands,
                            tileSizePx,
                            true,
                            Optional.of(ProductLevel.L1C),
                            normalization,
                            architecture,
                            LossSpec.of("dice"),
                            0.5,
                            datasetName,
                            datasetPath,
                            "bench",
                            Instant.now(),
                            BuildInfo.version()));
        }
        return folder;
    }
}
