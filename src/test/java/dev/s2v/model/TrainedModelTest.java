package dev.s2v.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.s2v.config.Normalization;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("native")
class TrainedModelTest {
    private static final int TILE = 32;

    @TempDir Path dir;

    /** Exports a network with trained-looking weights; returns its inference output on tiles. */
    private float[] exportTrained(Path folder, ModelDescriptor descriptor, float[] tiles, int n)
            throws IOException {
        Engine engine = Torch.assumeEngine();
        UNetBlock block = UNetBlock.of(descriptor.architecture());
        int bands = descriptor.bands().size();
        Shape shape = new Shape(n, bands, TILE, TILE);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, shape);
            ParameterStore store = new ParameterStore(m, false);
            // a training pass moves batch norm's running statistics away from 0 and 1
            try (NDManager step = m.newSubManager();
                    GradientCollector collector = engine.newGradientCollector()) {
                NDArray x = step.create(tiles, shape);
                collector.backward(
                        block.forward(store, new NDList(x), true).singletonOrThrow().mean());
            }
            TrainedModel.export(folder, block, descriptor);
            try (NDManager step = m.newSubManager()) {
                return block.forward(store, new NDList(step.create(tiles, shape)), false)
                        .singletonOrThrow()
                        .toFloatArray();
            }
        }
    }

    private static float[] tiles(int n, int bands) {
        Random random = new Random(3);
        float[] values = new float[n * bands * TILE * TILE];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return values;
    }

    @Test
    void loadsWhatItExportedAndPredictsTheSame() throws IOException {
        ModelDescriptor descriptor = Descriptors.sevenBands();
        float[] tiles = tiles(2, 7);
        Path folder = dir.resolve("models/quickstart");
        float[] expected = exportTrained(folder, descriptor, tiles, 2);

        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(
                    List.of(TrainedModel.DESCRIPTOR_FILE, TrainedModel.WEIGHTS_FILE),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> files = Files.list(folder.getParent())) {
            assertEquals(List.of(folder), files.toList(), "no temporary folder is left");
        }
        try (TrainedModel model = TrainedModel.load(folder)) {
            assertEquals(descriptor, model.descriptor());
            assertEquals(folder, model.folder());
            assertArrayEquals(expected, model.predict(tiles, 2, TILE, TILE), 1e-6f);
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray batch = m.create(tiles, new Shape(2, 7, TILE, TILE));
                NDArray probabilities = model.predict(batch);
                assertEquals(new Shape(2, 1, TILE, TILE), probabilities.getShape());
                assertArrayEquals(expected, probabilities.toFloatArray(), 1e-6f);
            }
            assertEquals(
                    "expected 2 windows of 7 bands x 32 x 32 = 14336 values, got 10",
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> model.predict(new float[10], 2, TILE, TILE))
                            .getMessage());
        }
    }

    @Test
    void predictsWindowsOfAnySizeTheNetworkAccepts() throws IOException {
        ModelDescriptor descriptor = Descriptors.sevenBands();
        Path folder = dir.resolve("model");
        exportTrained(folder, descriptor, tiles(1, 7), 1);
        int height = 3 * TILE;
        int width = 2 * TILE + 4;
        float[] window = new float[7 * height * width];
        Random random = new Random(5);
        for (int i = 0; i < window.length; i++) {
            window[i] = random.nextFloat();
        }
        try (TrainedModel model = TrainedModel.load(folder)) {
            float[] probabilities = model.predict(window, 1, height, width);
            assertEquals(height * width, probabilities.length);
            for (float p : probabilities) {
                assertTrue(p >= 0 && p <= 1, "a probability, got " + p);
            }
            assertEquals(
                    "the network takes windows whose sides are multiples of 4 px (2^depth), got"
                            + " 96 x 66",
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> model.predict(new float[7 * 96 * 66], 1, 96, 66))
                            .getMessage());
        }
    }

    @Test
    void refusesAnXmlThatDoesNotDescribeTheWeights() throws IOException {
        ModelDescriptor trained = Descriptors.sevenBands();
        Path folder = dir.resolve("model");
        exportTrained(folder, trained, tiles(1, 7), 1);
        Path xml = folder.resolve(TrainedModel.DESCRIPTOR_FILE);
        UNetArchitecture a = trained.architecture();

        describeAs(xml, trained, new UNetArchitecture(7, 32, 2, 0.25, true, Decoder.TRANSPOSED));
        assertRefused(
                folder,
                "parameter 01encoder0_01Conv2d_weight is (16, 7, 3, 3) in the weights but"
                        + " (32, 7, 3, 3) for the XML's 7 bands, 32 filters, depth 2, batch norm,"
                        + " transposed decoder");

        Descriptors.of(
                        trained.bands().subList(0, 4),
                        Normalization.max(new double[] {1, 1, 1, 1}),
                        new UNetArchitecture(4, 16, 2, 0.25, true, Decoder.TRANSPOSED))
                .write(xml);
        assertRefused(
                folder,
                "parameter 01encoder0_01Conv2d_weight is (16, 7, 3, 3) in the weights but"
                        + " (16, 4, 3, 3) for the XML's 4 bands, 16 filters, depth 2, batch norm,"
                        + " transposed decoder");

        describeAs(xml, trained, new UNetArchitecture(7, 16, 2, 0.25, true, Decoder.UPSAMPLE_CONV));
        assertRefused(folder, null);
        describeAs(xml, trained, new UNetArchitecture(7, 16, 2, 0.25, false, Decoder.TRANSPOSED));
        assertRefused(folder, null);
        describeAs(xml, trained, new UNetArchitecture(7, 16, 3, 0.25, true, Decoder.TRANSPOSED));
        assertRefused(folder, null);
        describeAs(xml, trained, new UNetArchitecture(7, 16, 1, 0.25, true, Decoder.TRANSPOSED));
        assertRefused(folder, null);

        // dropout leaves no trace in the weights: the XML is believed
        describeAs(xml, trained, new UNetArchitecture(7, 16, 2, 0.5, true, a.decoder()));
        try (TrainedModel model = TrainedModel.load(folder)) {
            assertEquals(0.5, model.descriptor().architecture().dropout());
        }
    }

    private static void describeAs(Path xml, ModelDescriptor d, UNetArchitecture architecture)
            throws IOException {
        Descriptors.of(d.bands(), d.normalization(), architecture).write(xml);
    }

    private static void assertRefused(Path folder, String detail) {
        ModelFormatException e =
                assertThrows(ModelFormatException.class, () -> TrainedModel.load(folder));
        String prefix =
                folder.resolve(TrainedModel.DESCRIPTOR_FILE)
                        + ": does not match the weights unet-0000.params: ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        if (detail != null) {
            assertEquals(prefix + detail, e.getMessage());
        }
    }

    @Test
    void refusesMissingFilesAndForeignWeights() throws IOException {
        Path folder = dir.resolve("model");
        assertEquals(
                folder.toString(),
                assertThrows(NoSuchFileException.class, () -> TrainedModel.load(folder)).getFile());
        exportTrained(folder, Descriptors.sevenBands(), tiles(1, 7), 1);

        Path weights = folder.resolve(TrainedModel.WEIGHTS_FILE);
        Path moved = dir.resolve("weights");
        Files.move(weights, moved);
        assertEquals(
                weights.toString(),
                assertThrows(NoSuchFileException.class, () -> TrainedModel.load(folder)).getFile());

        Files.writeString(weights, "PK not DJL");
        assertEquals(
                weights + ": not a DJL parameter file (no DJL@ header)",
                assertThrows(ModelFormatException.class, () -> TrainedModel.load(folder))
                        .getMessage());

        byte[] bytes = Files.readAllBytes(moved);
        Files.write(weights, Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(
                folder,
                "they end before the XML's 7 bands, 16 filters, depth 2, batch norm, transposed"
                        + " decoder is complete (a truncated file, or another network)");

        Files.copy(moved, weights, StandardCopyOption.REPLACE_EXISTING);
        Path xml = folder.resolve(TrainedModel.DESCRIPTOR_FILE);
        Files.delete(xml);
        assertEquals(
                xml.toString(),
                assertThrows(NoSuchFileException.class, () -> TrainedModel.load(folder)).getFile());
    }

    @Test
    void exportRefusesAnExistingFolderAndAForeignDescriptor() throws IOException {
        Torch.assumeEngine();
        ModelDescriptor descriptor = Descriptors.sevenBands();
        UNetBlock block = UNetBlock.of(descriptor.architecture());
        Path folder = dir.resolve("model");
        assertEquals(
                "the network has no weights: train it first",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> TrainedModel.export(folder, block, descriptor))
                        .getMessage());
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(1, 7, TILE, TILE));
            UNetBlock other =
                    UNetBlock.of(new UNetArchitecture(7, 32, 2, 0.25, true, Decoder.TRANSPOSED));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> TrainedModel.export(folder, other, descriptor));
            Files.createDirectories(folder);
            assertThrows(
                    FileAlreadyExistsException.class,
                    () -> TrainedModel.export(folder, block, descriptor));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(folder), files.toList());
        }
    }
}
