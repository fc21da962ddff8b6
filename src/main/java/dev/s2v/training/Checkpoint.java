package dev.s2v.training;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import dev.s2v.config.YamlFiles;
import dev.s2v.files.AtomicFiles;
import dev.s2v.model.UNetBlock;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A training checkpoint: a folder with the weights ({@code weights.params}), the optimizer's
 * moments ({@code optimizer.bin}) and the loop's state ({@code state.yaml}), written under a
 * temporary name and renamed, so a crash never leaves a half-written checkpoint.
 */
final class Checkpoint {
    static final String WEIGHTS = "weights.params";
    static final String OPTIMIZER = "optimizer.bin";
    static final String STATE = "state.yaml";
    private static final NDIndex ALL = new NDIndex("...");

    private Checkpoint() {}

    /**
     * Writes a checkpoint folder.
     *
     * @throws IOException when a file cannot be written
     */
    static void save(Path folder, Block block, ResumableOptimizer optimizer, TrainingState state)
            throws IOException {
        Path staging = AtomicFiles.stagingFolder(folder, "partial");
        try {
            try (DataOutputStream out = data(staging.resolve(WEIGHTS))) {
                block.saveParameters(out);
            }
            try (DataOutputStream out = data(staging.resolve(OPTIMIZER))) {
                optimizer.save(out);
            }
            YamlFiles.write(staging.resolve(STATE), state);
            AtomicFiles.replaceFolder(staging, folder);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.discardAfter(staging, e);
            throw e;
        }
    }

    /**
     * Restores the weights and the optimizer from a checkpoint folder and returns its state.
     *
     * @throws NoSuchFileException when the folder or one of its files is missing
     * @throws IOException when a file cannot be read or does not fit the network
     */
    static TrainingState load(
            Path folder, UNetBlock block, ResumableOptimizer optimizer, NDManager manager)
            throws IOException {
        loadWeights(folder, block, manager);
        try (DataInputStream in = input(folder.resolve(OPTIMIZER))) {
            optimizer.load(in);
        }
        return YamlFiles.read(folder.resolve(STATE), TrainingState.class);
    }

    /**
     * Copies a checkpoint's weights into a network, keeping the network's own arrays: loading
     * replaces a block's arrays, but the trainer holds the initialised ones with their gradients,
     * so the weights go into a twin and their values are copied into place.
     *
     * @throws NoSuchFileException when the folder or one of its files is missing
     * @throws IOException when the weights cannot be read or do not fit the network
     */
    static void loadWeights(Path folder, UNetBlock block, NDManager manager) throws IOException {
        for (String file : new String[] {WEIGHTS, OPTIMIZER, STATE}) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new NoSuchFileException(
                        folder.resolve(file).toString(), null, "not a complete checkpoint");
            }
        }
        UNetBlock twin = UNetBlock.of(block.architecture());
        try (NDManager scratch = manager.newSubManager();
                DataInputStream in = input(folder.resolve(WEIGHTS))) {
            twin.loadParameters(scratch, in);
            PairList<String, Parameter> target = block.getParameters();
            PairList<String, Parameter> loaded = twin.getParameters();
            for (int i = 0; i < target.size(); i++) {
                NDArray into = target.valueAt(i).getArray();
                NDArray from = loaded.valueAt(i).getArray();
                if (!into.getShape().equals(from.getShape())) {
                    throw new IOException(
                            folder
                                    + ": parameter "
                                    + target.keyAt(i)
                                    + " has shape "
                                    + from.getShape()
                                    + ", the network needs "
                                    + into.getShape());
                }
                into.set(ALL, from);
            }
        } catch (MalformedModelException | IllegalArgumentException e) {
            throw new IOException(
                    folder + ": the weights do not fit this network: " + e.getMessage(), e);
        }
    }

    private static DataOutputStream data(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)));
    }

    private static DataInputStream input(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
    }
}
