package dev.s2v.training;

import dev.s2v.config.ConfigException;
import dev.s2v.config.ExperimentConfig;
import dev.s2v.config.TrainConfig;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.TileDataset;
import dev.s2v.dataset.TileRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds an experiment's dataset, or builds the synthetic one its configuration describes, and
 * checks that it fits the experiment: same bands in the same order, same tile size, tiles in the
 * training and validation splits, at least one batch of training tiles.
 */
final class DatasetPreparation {
    private DatasetPreparation() {}

    /**
     * The experiment's dataset folder, generated first if missing and the config says how.
     *
     * @param configFile the experiment file, named in messages
     * @throws NoSuchFileException when the folder is missing and nothing says how to make it
     * @throws IllegalArgumentException when the dataset does not fit the experiment
     */
    static DatasetFolder ensure(ExperimentConfig config, Path configFile, PrintStream out)
            throws IOException {
        Path folder = Path.of(config.dataset().path());
        if (!Files.exists(folder)) {
            if (config.dataset().generation().isPresent()) {
                SyntheticDataset.generate(folder, config, out);
            } else if (config.dataset().source().isPresent()) {
                SourceDataset.build(folder, config, out);
            } else {
                throw new NoSuchFileException(
                        folder.toString(),
                        null,
                        "no such dataset folder; build it with s2v tiles, or add"
                                + " dataset.generate_if_missing or dataset.build_if_missing to "
                                + configFile);
            }
        }
        DatasetFolder dataset = DatasetFolder.open(folder);
        requireFits(dataset, config, configFile, "");
        if (dataset.tiles(Split.VAL).isEmpty()) {
            throw new IllegalArgumentException(
                    folder
                            + ": the validation split is empty; early stopping and the threshold"
                            + " need one (rebuild with s2v tiles --val > 0)");
        }
        List<TileRecord> trainTiles = dataset.tiles(Split.TRAIN);
        TrainConfig train = config.train();
        long samples =
                TileDataset.samplesPerEpoch(
                        trainTiles, train.oversamplePositives(), train.augment(), train.expand());
        if (train.batchSize() > samples) {
            long positives = trainTiles.stream().filter(TileRecord::hasVessels).count();
            throw new ConfigException(
                    configFile,
                    "train.batch_size",
                    train.batchSize()
                            + " is larger than the "
                            + samples
                            + " training samples of an epoch ("
                            + positives
                            + " tiles with vessels x oversample_positives "
                            + train.oversamplePositives()
                            + " + "
                            + (trainTiles.size() - positives)
                            + " without"
                            + (train.expand() ? ", times the transforms enumerated" : "")
                            + "), which would give no training step; at most "
                            + samples
                            + " is allowed");
        }
        return dataset;
    }

    /**
     * The second dataset {@code dataset.mix} names, checked like the experiment's own.
     *
     * @throws NoSuchFileException when its folder is missing
     * @throws IllegalArgumentException when it does not fit the experiment
     */
    static Optional<DatasetFolder> mixture(ExperimentConfig config, Path configFile)
            throws IOException {
        if (config.dataset().mixture().isEmpty()) {
            return Optional.empty();
        }
        DatasetFolder mixed = DatasetFolder.open(Path.of(config.dataset().mixture().get().path()));
        requireFits(mixed, config, configFile, "dataset.mix: ");
        return Optional.of(mixed);
    }

    /** Same bands in the same order, same tile size, training tiles. */
    private static void requireFits(
            DatasetFolder dataset, ExperimentConfig config, Path configFile, String prefix) {
        Path folder = dataset.folder();
        if (!dataset.descriptor().bands().equals(config.bands())) {
            throw new ConfigException(
                    configFile,
                    "bands",
                    "the experiment's bands "
                            + config.bands()
                            + " differ from the dataset's "
                            + dataset.descriptor().bands()
                            + " ("
                            + folder
                            + ")");
        }
        if (dataset.tileSize() != config.dataset().tileSize()) {
            throw new ConfigException(
                    configFile,
                    "dataset.tile_size",
                    config.dataset().tileSize()
                            + " px differs from the dataset's "
                            + dataset.tileSize()
                            + " px tiles ("
                            + folder
                            + ")");
        }
        if (dataset.tiles(Split.TRAIN).isEmpty()) {
            throw new IllegalArgumentException(prefix + folder + ": the training split is empty");
        }
    }
}
