package dev.s2v.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import dev.s2v.files.AtomicFiles;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained UNET ready to predict: its {@link ModelDescriptor} ({@value #DESCRIPTOR_FILE}) and its
 * weights ({@value #WEIGHTS_FILE}, DJL's parameter format), loaded from a model folder. This is the
 * one loader evaluation and inference use, and {@link #export} is the one writer.
 *
 * <p>Loading refuses a folder whose XML does not describe the network the weights hold (other
 * bands, filters, depth, batch normalisation or decoder). Predictions run with training off (batch
 * normalisation uses its running statistics, no dropout). Not thread-safe: one thread predicts at a
 * time.
 */
public final class TrainedModel implements AutoCloseable {
    /** The descriptor's file name in a model folder. */
    public static final String DESCRIPTOR_FILE = "model.xml";

    /** The weights' file name in a model folder: DJL's name for model "unet", epoch 0. */
    public static final String WEIGHTS_FILE = "unet-0000.params";

    private static final String WEIGHTS_PREFIX = "unet";
    private static final byte[] DJL_MAGIC = "DJL@".getBytes(StandardCharsets.US_ASCII);

    private final Path folder;
    private final ModelDescriptor descriptor;
    private final Model model;
    private final UNetBlock block;
    private final ParameterStore parameterStore;

    /**
     * The inputs' native buffer, reused from call to call: DJL copies a heap array into a new
     * direct buffer for every array it creates, which only a garbage collection frees, and over a
     * whole scene those copies held hundreds of megabytes.
     */
    private ByteBuffer inputBuffer = ByteBuffer.allocateDirect(0);

    private TrainedModel(Path folder, ModelDescriptor descriptor, Model model, UNetBlock block) {
        this.folder = folder;
        this.descriptor = descriptor;
        this.model = model;
        this.block = block;
        this.parameterStore = new ParameterStore(model.getNDManager(), false);
    }

    /**
     * Loads the model in {@code folder}.
     *
     * @throws NoSuchFileException when the folder, {@value #DESCRIPTOR_FILE} or {@value
     *     #WEIGHTS_FILE} is missing
     * @throws ModelFormatException when the XML is invalid or does not match the weights
     * @throws EngineUnavailableException when libtorch cannot be loaded
     * @throws IOException when a file cannot be read
     */
    public static TrainedModel load(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no model folder");
        }
        Path weights = folder.resolve(WEIGHTS_FILE);
        if (!Files.isRegularFile(weights)) {
            throw new NoSuchFileException(weights.toString(), null, "no weights in the model");
        }
        ModelDescriptor descriptor = ModelDescriptor.read(folder.resolve(DESCRIPTOR_FILE));
        checkMagic(weights);
        UNetBlock block = UNetBlock.of(descriptor.architecture());
        Model model = Model.newInstance(WEIGHTS_PREFIX, null, EngineInfo.engine().getEngineName());
        try {
            model.setBlock(block);
            Map<String, Shape> expected = expectedShapes(block, model.getNDManager(), descriptor);
            try {
                model.load(folder, WEIGHTS_PREFIX, Map.of("epoch", "0"));
            } catch (EOFException e) {
                throw mismatch(
                        folder,
                        "they end before the XML's "
                                + descriptor.architecture().summary()
                                + " is complete (a truncated file, or another network)",
                        e);
            } catch (MalformedModelException | RuntimeException e) {
                // DJL reads the parameters in the order of the XML's network: another
                // depth, batch normalisation or decoder shows up as an unexpected record
                throw mismatch(
                        folder,
                        "they hold another network than the XML's "
                                + descriptor.architecture().summary()
                                + " (DJL: "
                                + e.getMessage()
                                + ")",
                        e);
            }
            for (Pair<String, Parameter> p : block.getParameters()) {
                NDArray array = p.getValue().getArray();
                if (array.isReleased()) {
                    throw mismatch(folder, "they lack parameter " + p.getKey(), null);
                }
                Shape actual = array.getShape();
                if (!actual.equals(expected.get(p.getKey()))) {
                    throw mismatch(
                            folder,
                            "parameter "
                                    + p.getKey()
                                    + " is "
                                    + actual
                                    + " in the weights but "
                                    + expected.get(p.getKey())
                                    + " for the XML's "
                                    + descriptor.architecture().summary(),
                            null);
                }
            }
            return new TrainedModel(folder, descriptor, model, block);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The parameter shapes of the network the descriptor describes. The block is initialised with
     * zeros on a manager that is closed at once: loading then replaces every array.
     */
    private static Map<String, Shape> expectedShapes(
            UNetBlock block, NDManager manager, ModelDescriptor descriptor) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        try (NDManager scratch = manager.newSubManager()) {
            int side = descriptor.architecture().tileMultiple();
            block.initialize(
                    scratch,
                    DataType.FLOAT32,
                    new Shape(1, descriptor.architecture().inputBands(), side, side));
            for (Pair<String, Parameter> p : block.getParameters()) {
                shapes.put(p.getKey(), p.getValue().getShape());
            }
        }
        return shapes;
    }

    /** DJL skips a file without its header silently, leaving the network without weights. */
    private static void checkMagic(Path weights) throws IOException {
        byte[] magic = new byte[DJL_MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(weights)) {
            read = in.readNBytes(magic, 0, magic.length);
        }
        if (read < magic.length || !Arrays.equals(magic, DJL_MAGIC)) {
            throw new ModelFormatException(weights, "not a DJL parameter file (no DJL@ header)");
        }
    }

    private static ModelFormatException mismatch(Path folder, String reason, Throwable cause) {
        return new ModelFormatException(
                folder.resolve(DESCRIPTOR_FILE),
                "does not match the weights " + WEIGHTS_FILE + ": " + reason,
                cause);
    }

    /**
     * Writes a trained network and its descriptor as a model folder. Everything is written into a
     * temporary folder beside {@code folder}, which is then renamed: a model folder is complete or
     * absent.
     *
     * @param folder the model folder to create; it must not exist
     * @param block the trained, initialised network
     * @param descriptor its description; its architecture must be the block's
     * @throws FileAlreadyExistsException when {@code folder} exists
     * @throws IllegalArgumentException when the descriptor does not describe the block
     * @throws IOException when writing fails
     */
    public static void export(Path folder, UNetBlock block, ModelDescriptor descriptor)
            throws IOException {
        if (!descriptor.architecture().equals(block.architecture())) {
            throw new IllegalArgumentException(
                    "the descriptor's architecture "
                            + descriptor.architecture()
                            + " is not the network's "
                            + block.architecture());
        }
        if (!block.isInitialized()) {
            throw new IllegalArgumentException("the network has no weights: train it first");
        }
        Path target = folder.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(folder.toString(), null, "the model exists");
        }
        Files.createDirectories(target.getParent());
        Path temp = AtomicFiles.stagingFolder(target, "partial");
        try {
            try (Model model =
                    Model.newInstance(WEIGHTS_PREFIX, null, EngineInfo.engine().getEngineName())) {
                model.setBlock(block);
                model.setProperty("Epoch", "0");
                model.save(temp, WEIGHTS_PREFIX);
            }
            descriptor.write(temp.resolve(DESCRIPTOR_FILE));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(temp)) {
                AtomicFiles.deleteRecursively(temp);
            }
        }
    }

    /** What this model is: bands, normalisation, architecture, threshold and provenance. */
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /** The folder the model was loaded from. */
    public Path folder() {
        return folder;
    }

    /**
     * Vessel probabilities {@code (N, 1, H, W)} of normalised inputs {@code (N, bands, H, W)}, H
     * and W multiples of {@code 2^depth}. The result and the intermediates live in the input's
     * manager: run each batch in a sub-manager.
     *
     * @throws IllegalArgumentException when the input's shape does not fit the network
     */
    public NDArray predict(NDArray normalisedBatch) {
        return block.forward(parameterStore, new NDList(normalisedBatch), false).singletonOrThrow();
    }

    /**
     * Vessel probabilities of {@code n} normalised windows of {@code height x width} pixels, given
     * and returned row-major: inputs {@code (n, bands, height, width)}, outputs {@code (n, height,
     * width)}. The network is fully convolutional, so any size it accepts will do (multiples of
     * {@code 2^depth}), not only the training tile.
     *
     * @throws IllegalArgumentException when a side is not a multiple of {@code 2^depth} or the
     *     array's length is not {@code n * bands * height * width}
     * @throws ModelFormatException when the network gives a value that is no probability (NaN
     *     weights, as a diverged training run leaves them)
     */
    public float[] predict(float[] normalisedWindows, int n, int height, int width) {
        int multiple = descriptor.architecture().tileMultiple();
        if (height < multiple
                || width < multiple
                || height % multiple != 0
                || width % multiple != 0) {
            throw new IllegalArgumentException(
                    "the network takes windows whose sides are multiples of "
                            + multiple
                            + " px (2^depth), got "
                            + height
                            + " x "
                            + width);
        }
        int bands = descriptor.bands().size();
        long expected = (long) n * bands * height * width;
        if (n < 1 || normalisedWindows.length != expected) {
            throw new IllegalArgumentException(
                    "expected "
                            + n
                            + " windows of "
                            + bands
                            + " bands x "
                            + height
                            + " x "
                            + width
                            + " = "
                            + expected
                            + " values, got "
                            + normalisedWindows.length);
        }
        int bytes = normalisedWindows.length * Float.BYTES;
        if (inputBuffer.capacity() < bytes) {
            inputBuffer = ByteBuffer.allocateDirect(bytes);
        }
        ByteBuffer view = inputBuffer.slice(0, bytes).order(ByteOrder.nativeOrder());
        view.asFloatBuffer().put(normalisedWindows);
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray input =
                    batch.create(view, new Shape(n, bands, height, width), DataType.FLOAT32);
            float[] probabilities = predict(input).toFloatArray();
            for (float p : probabilities) {
                if (!(p >= 0 && p <= 1)) {
                    throw new ModelFormatException(
                            folder.resolve(WEIGHTS_FILE),
                            "the network gives probability "
                                    + p
                                    + "; its weights are broken (NaN or infinite)");
                }
            }
            return probabilities;
        }
    }

    /**
     * Copies these weights into another network, layer by layer, matched by name and shape: the
     * start of a fine-tuning. The target must be initialised; its arrays are overwritten in place,
     * so a trainer built on it sees the copies.
     *
     * @throws ModelFormatException naming the first layer that the target lacks or that has another
     *     shape there
     */
    public void copyWeightsInto(UNetBlock target) {
        Map<String, NDArray> mine = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            mine.put(p.getKey(), p.getValue().getArray());
        }
        for (Pair<String, Parameter> p : target.getParameters()) {
            NDArray from = mine.get(p.getKey());
            NDArray into = p.getValue().getArray();
            if (from == null || !from.getShape().equals(into.getShape())) {
                throw new ModelFormatException(
                        folder.resolve(WEIGHTS_FILE),
                        "cannot start the network from these weights: layer "
                                + p.getKey()
                                + " is "
                                + into.getShape()
                                + " there but "
                                + (from == null ? "absent" : from.getShape().toString())
                                + " here (this model: "
                                + descriptor.architecture().summary()
                                + ")");
            }
            into.set(new NDIndex("..."), from);
        }
    }

    /** Frees the weights. */
    @Override
    public void close() {
        model.close();
    }
}
