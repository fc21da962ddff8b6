package dev.s2v.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import dev.s2v.config.ExperimentConfig;
import dev.s2v.config.Normalization;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.TestDatasets;
import dev.s2v.model.ModelFormatException;
import dev.s2v.model.TestModels;
import dev.s2v.raster.Natives;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training whose set-up fails half-way gives back the native memory it had taken. */
@Tag("native")
class TrainingConstructionTest {
    @TempDir Path dir;

    @Test
    void aFailureAfterTheNetworkExistsReleasesItsNativeMemory() throws IOException {
        Natives.assumeGdal();
        DatasetFolder dataset = TestDatasets.write(dir.resolve("data"), 3, 64, 32, 5);
        Normalization normalization =
                dataset.descriptor().normalization().of(Normalization.Kind.MAX);
        // A base-16 model, started into a base-32 network: the copy of its weights fails only
        // once the network, its trainer and their parameters exist.
        Path start = TestModels.export(dir.resolve("start"), TestDatasets.BANDS, 32, normalization);
        Path file = dir.resolve("exp.yaml");
        Files.writeString(
                file,
                "name: leak\nbands: [B02, B03, B04, B08]\n"
                        + "dataset: {path: data/dataset, tile_size: 32}\n"
                        + "model: {filters: 32, depth: 2, init_from: start}\n"
                        + "train: {epochs: 1, batch_size: 4}\n");
        ExperimentConfig config = ExperimentConfig.load(file, List.of());
        RunFolder run =
                RunFolder.create(
                        dir.resolve("experiments"),
                        config,
                        null,
                        new PrintStream(new ByteArrayOutputStream()),
                        false);
        NDManager system = systemManager();
        int before = system.getManagedArrays().size();

        assertThrows(
                ModelFormatException.class,
                () -> new Training(config, dataset, Optional.empty(), run).close());

        assertEquals(before, system.getManagedArrays().size());
    }

    private static NDManager systemManager() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager();
        }
    }
}
