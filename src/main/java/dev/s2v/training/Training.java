package dev.s2v.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import dev.s2v.config.ConfigException;
import dev.s2v.config.ExperimentConfig;
import dev.s2v.config.Normalization;
import dev.s2v.config.TrainConfig;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.TileDataset;
import dev.s2v.evaluation.ConfusionMatrix;
import dev.s2v.model.Decoder;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TrainedModel;
import dev.s2v.model.UNetArchitecture;
import dev.s2v.model.UNetBlock;
import dev.s2v.model.loss.LossSpec;
import dev.s2v.model.loss.Losses;
import dev.s2v.model.loss.SegmentationLoss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The training loop of one experiment: mini-batches of exactly transformed tiles, the loss, the
 * optimizer, validation after every epoch, checkpoints, learning-rate reduction on a plateau and
 * early stopping. Every random draw (initial weights, batch order, transforms, dropout) comes from
 * the seed, the epoch and the batch, never from state carried between batches, so a run resumed
 * from any checkpoint ends with exactly the weights of an uninterrupted one.
 */
final class Training implements AutoCloseable {
    private static final NDIndex ALL = new NDIndex("...");

    private final ExperimentConfig config;
    private final RunFolder run;
    private final TrainingSamples train;
    private final TileDataset val;
    private final Normalization normalization;
    private final SegmentationLoss loss;
    private final NDManager manager;
    private final Model model;
    private final UNetBlock block;
    private final Trainer trainer;
    private final ResumableOptimizer optimizer;
    private final boolean higherIsBetter;
    private TrainingState state;
    private long dataNanos;

    /**
     * Sets up the network and the data of an experiment.
     *
     * @throws IOException when tiles cannot be read
     */
    Training(
            ExperimentConfig config,
            DatasetFolder dataset,
            Optional<DatasetFolder> mixture,
            RunFolder run)
            throws IOException {
        this.config = config;
        this.run = run;
        TrainConfig t = config.train();
        Optional<TrainedModel> start = openInitialWeights(config);
        try {
            // Weights started from another model keep its input scale: they learnt on it.
            this.normalization =
                    start.map(m -> m.descriptor().normalization())
                            .orElse(
                                    dataset.descriptor()
                                            .normalization()
                                            .of(config.normalizationKind()));
            this.train =
                    new TrainingSamples(
                            trainingTiles(dataset, t, normalization, config.seed()),
                            mixture.isEmpty()
                                    ? null
                                    : trainingTiles(mixture.get(), t, normalization, config.seed()),
                            config.dataset().mixture().map(m -> m.share()).orElse(0.0),
                            config.seed());
            this.val =
                    TileDataset.builder()
                            .setSplit(dataset, Split.VAL)
                            .setNormalization(normalization)
                            .build();
            this.loss = Losses.create(t.loss(), lossParameters(t, dataset));
            this.higherIsBetter = "val_dice".equals(t.earlyStopping().monitor());
            this.manager = NDManager.newBaseManager();
            // Native memory taken from here on is freed again if anything below throws.
            Model createdModel = null;
            Trainer createdTrainer = null;
            try {
                Engine.getInstance().setRandomSeed((int) config.seed());
                this.block = UNetBlock.of(architecture(config));
                createdModel = Model.newInstance(config.name());
                this.model = createdModel;
                model.setBlock(block);
                this.optimizer =
                        new ResumableOptimizer(t.optimizer(), (float) t.learningRate(), manager);
                createdTrainer =
                        model.newTrainer(
                                new DefaultTrainingConfig(loss)
                                        .optOptimizer(optimizer)
                                        // Keras' glorot_uniform: limit sqrt(6 / (fan_in +
                                        // fan_out)).
                                        .optInitializer(
                                                new XavierInitializer(
                                                        XavierInitializer.RandomType.UNIFORM,
                                                        XavierInitializer.FactorType.AVG,
                                                        3),
                                                Parameter.Type.WEIGHT));
                this.trainer = createdTrainer;
                int size = dataset.tileSize();
                trainer.initialize(new Shape(t.batchSize(), config.bands().size(), size, size));
                start.ifPresent(m -> m.copyWeightsInto(block));
                optimizer.nameParameters(block.getParameters());
                this.state = TrainingState.start(higherIsBetter);
            } catch (RuntimeException | Error failure) {
                closeAfter(failure, createdTrainer, createdModel, manager);
                throw failure;
            }
        } finally {
            start.ifPresent(TrainedModel::close);
        }
    }

    private static TileDataset trainingTiles(
            DatasetFolder dataset, TrainConfig t, Normalization normalization, long seed)
            throws IOException {
        return TileDataset.builder()
                .setSplit(dataset, Split.TRAIN)
                .setNormalization(normalization)
                .optAugmentations(t.augment(), t.expand())
                .optOversamplePositives(t.oversamplePositives())
                .optSeed(seed)
                .build();
    }

    private static UNetArchitecture architecture(ExperimentConfig config) {
        return new UNetArchitecture(
                config.bands().size(),
                config.model().filters(),
                config.model().depth(),
                config.model().dropout(),
                config.model().batchNorm(),
                Decoder.parse(config.model().decoder()));
    }

    /**
     * Checks the model {@code model.init_from} names against the experiment before anything is
     * written: the same bands in the same order and the same network, dropout aside.
     *
     * @throws ConfigException naming the model and what differs
     * @throws IOException when its model.xml cannot be read
     */
    static void requireInitialWeightsFit(ExperimentConfig config, Path configFile)
            throws IOException {
        if (config.model().initialWeights().isEmpty()) {
            return;
        }
        Path folder = Path.of(config.model().initialWeights().get());
        Path xml = folder.resolve(TrainedModel.DESCRIPTOR_FILE);
        if (!Files.isRegularFile(xml)) {
            throw new ConfigException(
                    configFile,
                    "model.init_from",
                    folder + " is not a model folder (no " + TrainedModel.DESCRIPTOR_FILE + ")");
        }
        ModelDescriptor start = ModelDescriptor.read(xml);
        if (!start.bands().equals(config.bandList())) {
            throw new ConfigException(
                    configFile,
                    "model.init_from",
                    folder
                            + " reads bands "
                            + start.bands()
                            + ", this experiment "
                            + config.bandList()
                            + "; a network can only start from one of the same bands in the same"
                            + " order");
        }
        UNetArchitecture wanted = architecture(config);
        if (!start.architecture().sameLayers(wanted)) {
            throw new ConfigException(
                    configFile,
                    "model.init_from",
                    folder
                            + " is a UNET of "
                            + start.architecture().summary()
                            + ", this experiment builds one of "
                            + wanted.summary()
                            + "; its layers would not fit (set model: to match it)");
        }
    }

    /** The weights {@code model.init_from} names, checked by {@link #requireInitialWeightsFit}. */
    private static Optional<TrainedModel> openInitialWeights(ExperimentConfig config)
            throws IOException {
        if (config.model().initialWeights().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TrainedModel.load(Path.of(config.model().initialWeights().get())));
    }

    /** How reflectances become the network's inputs in this training, as model.xml records. */
    Normalization normalization() {
        return normalization;
    }

    /** A missing positive-class weight of a weighted cross-entropy takes the dataset's. */
    private static Map<String, Double> lossParameters(TrainConfig t, DatasetFolder dataset) {
        Map<String, Double> params = new HashMap<>(t.lossParams());
        if (LossSpec.of(t.loss()).params().containsKey("pos_weight")
                && !params.containsKey("pos_weight")) {
            params.put("pos_weight", dataset.descriptor().positiveClassWeight());
        }
        return params;
    }

    /**
     * Puts the weights of the best epoch back into the network, for export.
     *
     * @throws IOException when the best checkpoint cannot be read
     */
    void restoreBestWeights() throws IOException {
        Checkpoint.loadWeights(run.bestCheckpoint(), block, manager);
    }

    /** The loss's parameters as training uses them (defaults and dataset weight filled in). */
    Map<String, Double> lossParameters() {
        return loss.spec().params();
    }

    UNetBlock block() {
        return block;
    }

    TrainingState state() {
        return state;
    }

    /**
     * Restores a checkpoint's weights, optimizer and state.
     *
     * @throws IOException when the checkpoint is incomplete or does not fit this network
     */
    void resume(java.nio.file.Path checkpoint) throws IOException {
        state = Checkpoint.load(checkpoint, block, optimizer, manager);
    }

    /**
     * Trains until the last epoch, early stopping, or an interruption.
     *
     * @param interrupted polled after every batch (Ctrl-C)
     * @return how the run ended
     * @throws IOException when a checkpoint or a file of the run cannot be written
     * @throws IllegalStateException when the loss stops being finite
     */
    TrainingOutcome fit(BooleanSupplier interrupted) throws IOException {
        TrainConfig t = config.train();
        int batchSize = t.batchSize();
        int samples = (int) train.size();
        int batches = samples / batchSize;
        Batch buffers = new Batch(batchSize, train.bandCount(), train.tileSize());
        while (state.epochsDone() < t.epochs()) {
            int epoch = state.epochsDone() + 1;
            optimizer.setLearningRate(currentLearningRate());
            train.setEpoch(epoch);
            int[] order = permutation(samples, config.seed(), epoch);
            double lossSum = state.partialLossSum();
            double seconds = state.partialSeconds();
            Progress progress = run.progress(epoch, t.epochs(), batches);
            for (int b = state.nextBatch(); b < batches; b++) {
                if (interrupted.getAsBoolean()) {
                    state = state.interruptedAt(b, lossSum, seconds);
                    Checkpoint.save(run.lastCheckpoint(), block, optimizer, state);
                    return TrainingOutcome.INTERRUPTED;
                }
                long start = System.nanoTime();
                double batchLoss = trainBatch(epoch, b, order, buffers);
                lossSum += batchLoss;
                seconds += (System.nanoTime() - start) / 1e9;
                progress.batch(b + 1, batchSize, lossSum / (b + 1), seconds);
            }
            long validationStart = System.nanoTime();
            Validation v = validate(batchSize);
            EpochMetrics metrics =
                    new EpochMetrics(
                            epoch,
                            lossSum / batches,
                            v.loss(),
                            v.softDice(),
                            v.confusion().iou(),
                            v.confusion().precision(),
                            v.confusion().recall(),
                            v.confusion().f1(),
                            optimizer.learningRate(),
                            seconds + (System.nanoTime() - validationStart) / 1e9);
            double monitored = higherIsBetter ? metrics.valDice() : metrics.valLoss();
            double delta = t.earlyStopping().minDelta();
            boolean improved =
                    state.bestEpoch() == 0
                            || (higherIsBetter
                                    ? monitored > state.bestScore() + delta
                                    : monitored < state.bestScore() - delta);
            boolean lossImproved = metrics.valLoss() < state.bestValLoss();
            state = state.after(metrics, monitored, improved, lossImproved);
            if (t.reduceLr().patience() > 0
                    && state.epochsWithoutLossImprovement() >= t.reduceLr().patience()) {
                float lowered =
                        (float)
                                Math.max(
                                        optimizer.learningRate() * t.reduceLr().factor(),
                                        t.reduceLr().minLearningRate());
                if (lowered < optimizer.learningRate()) {
                    run.log(
                            String.format(
                                    Locale.ROOT,
                                    "epoch %d: validation loss flat for %d epochs, learning rate"
                                            + " %.3g -> %.3g",
                                    epoch,
                                    t.reduceLr().patience(),
                                    optimizer.learningRate(),
                                    lowered));
                    optimizer.setLearningRate(lowered);
                }
                state = state.afterLearningRateReduction();
            }
            Checkpoint.save(run.lastCheckpoint(), block, optimizer, state);
            if (improved) {
                Checkpoint.save(run.bestCheckpoint(), block, optimizer, state);
            }
            run.epochDone(metrics, improved, state.history(), t.epochs(), state.bestEpoch());
            if (t.earlyStopping().patience() > 0
                    && state.epochsWithoutImprovement() >= t.earlyStopping().patience()) {
                run.log(
                        String.format(
                                Locale.ROOT,
                                "early stopping after epoch %d: %s has not improved for %d"
                                        + " epochs (best %.4f at epoch %d)",
                                epoch,
                                t.earlyStopping().monitor(),
                                t.earlyStopping().patience(),
                                state.bestScore(),
                                state.bestEpoch()));
                return TrainingOutcome.STOPPED_EARLY;
            }
        }
        return TrainingOutcome.COMPLETED;
    }

    /**
     * Sets every gradient to zero: DJL's PyTorch engine adds each backward pass to the gradients
     * already there, and a fresh process may start with whatever the buffers held.
     */
    private void clearGradients() {
        for (Parameter parameter : block.getParameters().values()) {
            if (parameter.requiresGradient()) {
                parameter.getArray().getGradient().set(ALL, 0);
            }
        }
    }

    /** Reused arrays of one training batch. */
    private record Batch(float[] image, float[] mask, Shape imageShape, Shape maskShape) {
        Batch(int size, int bands, int tile) {
            this(
                    new float[size * bands * tile * tile],
                    new float[size * tile * tile],
                    new Shape(size, bands, tile, tile),
                    new Shape(size, 1, tile, tile));
        }
    }

    /**
     * One optimisation step on batch {@code b} of an epoch's sample order; returns its loss.
     *
     * @throws IOException when a tile cannot be read
     * @throws NonFiniteLossException when the loss is NaN or infinite
     */
    private double trainBatch(int epoch, int b, int[] order, Batch buffers) throws IOException {
        int batchSize = (int) buffers.imageShape().get(0);
        int pixels = train.tileSize() * train.tileSize();
        int bands = train.bandCount();
        // Dropout draws from the seed, the epoch and the batch alone.
        Engine.getInstance().setRandomSeed(mix(config.seed(), epoch, b));
        try (NDManager batch = manager.newSubManager()) {
            long loading = System.nanoTime();
            for (int i = 0; i < batchSize; i++) {
                train.fill(
                        order[b * batchSize + i],
                        buffers.image(),
                        i * bands * pixels,
                        buffers.mask(),
                        i * pixels);
            }
            NDArray x = batch.create(buffers.image(), buffers.imageShape());
            NDArray y = batch.create(buffers.mask(), buffers.maskShape());
            dataNanos += System.nanoTime() - loading;
            clearGradients();
            double value;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(x));
                NDArray l = loss.evaluate(new NDList(y), predictions);
                value = l.getFloat();
                if (!Double.isFinite(value)) {
                    throw new NonFiniteLossException(epoch, b + 1, run.lastCheckpoint());
                }
                collector.backward(l);
            }
            trainer.step();
            return value;
        }
    }

    /**
     * Times {@code steps} training steps of an epoch: total seconds and the seconds spent loading,
     * normalising and transforming tiles (for {@code s2v bench train}).
     *
     * @throws IOException when a tile cannot be read
     */
    double[] timeSteps(int epoch, int steps) throws IOException {
        int batchSize = config.train().batchSize();
        int samples = (int) train.size();
        Batch buffers = new Batch(batchSize, train.bandCount(), train.tileSize());
        train.setEpoch(epoch);
        int[] order = permutation(samples, config.seed(), epoch);
        int batches = samples / batchSize;
        dataNanos = 0;
        long start = System.nanoTime();
        for (int s = 0; s < steps; s++) {
            trainBatch(epoch, s % batches, order, buffers);
        }
        return new double[] {(System.nanoTime() - start) / 1e9, dataNanos / 1e9};
    }

    /**
     * Times {@code batches} forward passes of a training-sized batch with training off (for {@code
     * s2v bench train}); returns seconds.
     */
    double timeInference(int batches) {
        int batchSize = config.train().batchSize();
        Shape shape = new Shape(batchSize, train.bandCount(), train.tileSize(), train.tileSize());
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            try (NDManager batch = manager.newSubManager()) {
                NDArray x = batch.randomUniform(0, 1, shape);
                block.forward(new ParameterStore(batch, false), new NDList(x), false)
                        .singletonOrThrow()
                        .toFloatArray();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The learning rate of the next epoch: the one saved with the state, or the configured. */
    private float currentLearningRate() {
        return state.history().isEmpty() && state.nextBatch() == 0
                ? (float) config.train().learningRate()
                : optimizer.learningRate();
    }

    /** The validation loss, soft Dice and confusion at the threshold, in batches. */
    private Validation validate(long batchSize) throws IOException {
        int n = (int) val.size();
        int pixels = val.tileSize() * val.tileSize();
        int bands = val.bandCount();
        double lossSum = 0;
        double intersection = 0;
        double sums = 0;
        int batches = 0;
        ConfusionMatrix confusion = ConfusionMatrix.empty();
        float threshold = (float) config.train().threshold();
        for (int start = 0; start < n; start += batchSize) {
            int count = (int) Math.min(batchSize, n - start);
            float[] image = new float[count * bands * pixels];
            float[] mask = new float[count * pixels];
            for (int i = 0; i < count; i++) {
                val.fill(start + i, image, i * bands * pixels, mask, i * pixels);
            }
            try (NDManager batch = manager.newSubManager()) {
                Shape shape = new Shape(count, bands, val.tileSize(), val.tileSize());
                NDArray x = batch.create(image, shape);
                NDArray y = batch.create(mask, new Shape(count, 1, val.tileSize(), val.tileSize()));
                NDArray p =
                        block.forward(new ParameterStore(batch, false), new NDList(x), false)
                                .singletonOrThrow();
                lossSum += loss.evaluate(new NDList(y), new NDList(p)).getFloat();
                batches++;
                float[] probabilities = p.toFloatArray();
                byte[] predicted = new byte[probabilities.length];
                byte[] truth = new byte[probabilities.length];
                for (int i = 0; i < probabilities.length; i++) {
                    predicted[i] = probabilities[i] > threshold ? (byte) 1 : 0;
                    truth[i] = mask[i] > 0.5f ? (byte) 1 : 0;
                    intersection += probabilities[i] * mask[i];
                    sums += probabilities[i] + mask[i];
                }
                confusion = confusion.plus(ConfusionMatrix.of(predicted, truth, null));
            }
        }
        double softDice = sums == 0 ? 1 : 2 * intersection / sums;
        return new Validation(batches == 0 ? Double.NaN : lossSum / batches, softDice, confusion);
    }

    private record Validation(double loss, double softDice, ConfusionMatrix confusion) {}

    /** The order of an epoch's samples: a seeded Fisher-Yates shuffle. */
    static int[] permutation(int n, long seed, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static int mix(long seed, int epoch, int batch) {
        long h = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + batch;
        h ^= h >>> 31;
        return (int) (h ^ (h >>> 32)) & Integer.MAX_VALUE;
    }

    /** The weights of the last completed step, for tests. */
    List<float[]> weights() {
        return block.getParameters().values().stream()
                .map(p -> p.getArray().toFloatArray())
                .toList();
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
        manager.close();
    }

    /** Closes what a failed construction had made; a failure to close joins the first one. */
    private static void closeAfter(Throwable failure, AutoCloseable... made) {
        for (AutoCloseable resource : made) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
