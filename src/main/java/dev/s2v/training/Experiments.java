package dev.s2v.training;

import dev.s2v.config.ConfigException;
import dev.s2v.config.EvaluateConfig;
import dev.s2v.config.ExperimentConfig;
import dev.s2v.config.YamlFiles;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.evaluation.Evaluation;
import dev.s2v.evaluation.EvaluationSummary;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TrainedModel;
import dev.s2v.model.loss.LossSpec;
import dev.s2v.raster.ProductLevel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** {@code s2v train}: an experiment from its YAML file to an exported model. */
public final class Experiments {
    private Experiments() {}

    /**
     * The exit code of a run interrupted by Ctrl-C or SIGTERM after it saved its checkpoint (128 +
     * SIGINT, whatever the signal): the command returns it, and the signal's shutdown hook ends the
     * JVM with it.
     */
    public static final int INTERRUPTED_EXIT_CODE = 130;

    /**
     * What to run.
     *
     * @param configFile the experiment file (may be null when resuming)
     * @param overrides {@code key.path=value} overrides
     * @param resume a run folder or checkpoint folder to continue, or null
     * @param overwrite replace an existing model folder of the same name
     * @param experimentsRoot where run folders go ({@code experiments})
     * @param modelsRoot where models are exported ({@code models})
     */
    public record Request(
            Path configFile,
            List<String> overrides,
            Path resume,
            boolean overwrite,
            Path experimentsRoot,
            Path modelsRoot) {
        /** Copies the overrides. */
        public Request {
            overrides = List.copyOf(overrides);
            if (configFile == null && resume == null) {
                throw new IllegalArgumentException("give --config FILE, or --resume RUN");
            }
        }
    }

    /**
     * Runs an experiment end to end.
     *
     * @param terminal whether {@code out} is a terminal (progress lines)
     * @throws IOException when data cannot be read or results written
     * @throws IllegalArgumentException for a configuration or dataset that cannot be trained on
     */
    public static TrainingSummary train(Request request, PrintStream out, boolean terminal)
            throws IOException {
        return train(request, out, terminal, null);
    }

    /**
     * Runs an experiment; {@code interrupt}, when given, replaces Ctrl-C (for tests).
     *
     * @throws IOException when data cannot be read or results written
     */
    static TrainingSummary train(
            Request request, PrintStream out, boolean terminal, BooleanSupplier interrupt)
            throws IOException {
        Path checkpoint = request.resume() == null ? null : checkpointOf(request.resume());
        ExperimentConfig config = resolve(request, checkpoint);
        Path configFile =
                request.configFile() != null
                        ? request.configFile()
                        : checkpoint.getParent().getParent().resolve(RunFolder.RESOLVED_CONFIG);
        try {
            LossSpec unused = new LossSpec(config.train().loss(), config.train().lossParams());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(configFile, "train.loss_params", e.getMessage());
        }
        Path modelFolder = request.modelsRoot().resolve(config.name());
        if (Files.exists(modelFolder) && !request.overwrite()) {
            throw new FileAlreadyExistsException(
                    modelFolder.toString(),
                    null,
                    "a model of this experiment's name; pass --overwrite to replace it, or rename"
                            + " the experiment");
        }
        DatasetFolder dataset = DatasetPreparation.ensure(config, configFile, out);
        Optional<DatasetFolder> mixture = DatasetPreparation.mixture(config, configFile);
        Training.requireInitialWeightsFit(config, configFile);
        RunFolder run =
                RunFolder.create(request.experimentsRoot(), config, checkpoint, out, terminal);
        try (Interruption signal = interrupt == null ? new Interruption() : null;
                Training training = new Training(config, dataset, mixture, run)) {
            run.log(
                    String.format(
                            Locale.ROOT,
                            "experiment %s: %s, %d training and %d validation tiles of %d px,"
                                    + " UNET base %d depth %d (%,d parameters), loss %s, %s"
                                    + " lr %.3g, batch %d",
                            config.name(),
                            dataset.folder(),
                            dataset.tiles(dev.s2v.dataset.Split.TRAIN).size(),
                            dataset.tiles(dev.s2v.dataset.Split.VAL).size(),
                            dataset.tileSize(),
                            config.model().filters(),
                            config.model().depth(),
                            training.block().countParameters(),
                            config.train().loss(),
                            config.train().optimizer(),
                            config.train().learningRate(),
                            config.train().batchSize()));
            run.log("run folder " + run.folder());
            config.model()
                    .initialWeights()
                    .ifPresent(
                            from ->
                                    run.log(
                                            "starting from the weights of "
                                                    + from
                                                    + " (model.init_from), with its input"
                                                    + " normalisation"));
            mixture.ifPresent(
                    m ->
                            run.log(
                                    String.format(
                                            Locale.ROOT,
                                            "mixing in %d training tiles of %s at %.0f %% of every"
                                                    + " epoch (dataset.mix)",
                                            m.tiles(dev.s2v.dataset.Split.TRAIN).size(),
                                            m.folder(),
                                            100
                                                    * config.dataset()
                                                            .mixture()
                                                            .orElseThrow()
                                                            .share())));
            if (checkpoint != null) {
                training.resume(checkpoint);
                copyBestCheckpoint(checkpoint, run);
                run.writeMetrics(training.state().history());
                run.log(
                        "resumed from "
                                + checkpoint
                                + " after epoch "
                                + training.state().epochsDone()
                                + (training.state().nextBatch() > 0
                                        ? ", batch " + training.state().nextBatch()
                                        : ""));
            }
            TrainingOutcome outcome =
                    training.fit(interrupt == null ? signal::requested : interrupt);
            TrainingState state = training.state();
            if (outcome == TrainingOutcome.INTERRUPTED) {
                run.log(
                        "interrupted: checkpoint written to "
                                + run.lastCheckpoint()
                                + "; continue with "
                                + resumeCommand(request, run));
                return new TrainingSummary(
                        outcome,
                        run.folder(),
                        Optional.empty(),
                        state.history(),
                        state.bestEpoch(),
                        training.block().countParameters());
            }
            training.restoreBestWeights();
            Path exported =
                    ModelExport.export(
                            request.modelsRoot(),
                            config,
                            dataset,
                            training.normalization(),
                            inputLevel(dataset, mixture),
                            training.block(),
                            training.lossParameters(),
                            config.train().threshold());
            run.log(
                    String.format(
                            Locale.ROOT,
                            "%s after %d epochs; exported the weights of epoch %d (validation F1"
                                    + " %.4f at threshold %.2f) to %s",
                            outcome == TrainingOutcome.STOPPED_EARLY ? "stopped early" : "done",
                            state.epochsDone(),
                            state.bestEpoch(),
                            state.history().get(state.bestEpoch() - 1).valF1(),
                            config.train().threshold(),
                            exported));
            if (config.evaluation().isPresent()) {
                evaluate(exported, dataset, config.evaluation().get(), run, out);
            }
            return new TrainingSummary(
                    outcome,
                    run.folder(),
                    Optional.of(exported),
                    state.history(),
                    state.bestEpoch(),
                    training.block().countParameters());
        }
    }

    /**
     * Evaluates the exported model as the experiment asks; a threshold chosen on the validation
     * split becomes the model's own, so inference uses the operating point the report describes.
     */
    private static void evaluate(
            Path model,
            DatasetFolder dataset,
            EvaluateConfig evaluate,
            RunFolder run,
            PrintStream out)
            throws IOException {
        run.log("evaluating on the " + evaluate.split() + " split");
        EvaluationSummary summary =
                Evaluation.afterTraining(model, dataset.folder(), evaluate, out);
        run.log("evaluation report " + summary.reportFolder().resolve("report.html"));
        if ("auto".equals(evaluate.threshold())) {
            double chosen = summary.result().threshold().threshold().value();
            Path xml = model.resolve(TrainedModel.DESCRIPTOR_FILE);
            ModelDescriptor.read(xml).withThreshold(chosen).write(xml);
            run.log(
                    String.format(
                            Locale.ROOT,
                            "model threshold set to %.4f, the F1-best on the validation split",
                            chosen));
        }
    }

    /** The command that continues an interrupted run, with the folders it was given. */
    private static String resumeCommand(Request request, RunFolder run) {
        StringBuilder command = new StringBuilder("s2v train --resume ").append(run.folder());
        if (!request.experimentsRoot().equals(Path.of("experiments"))) {
            command.append(" --experiments ").append(request.experimentsRoot());
        }
        if (!request.modelsRoot().equals(Path.of("models"))) {
            command.append(" --models ").append(request.modelsRoot());
        }
        return command.toString();
    }

    /**
     * Carries the resumed run's best checkpoint into the new run folder: the new run exports the
     * best weights of the whole history, which may come from before the resume.
     */
    private static void copyBestCheckpoint(Path checkpoint, RunFolder run) throws IOException {
        Path best = checkpoint.getParent().resolve("best");
        if (!Files.isDirectory(best)) {
            return;
        }
        Files.createDirectories(run.bestCheckpoint());
        try (var files = Files.list(best)) {
            for (Path file : files.toList()) {
                Files.copy(file, run.bestCheckpoint().resolve(file.getFileName()));
            }
        }
    }

    /** The checkpoint to resume: a checkpoint folder, or a run folder's last checkpoint. */
    static Path checkpointOf(Path resume) throws IOException {
        if (Files.isRegularFile(resume.resolve(Checkpoint.STATE))) {
            return resume;
        }
        Path last = resume.resolve("checkpoints").resolve("last");
        if (Files.isRegularFile(last.resolve(Checkpoint.STATE))) {
            return last;
        }
        throw new NoSuchFileException(
                resume.toString(),
                null,
                "not a run folder with checkpoints/last, nor a checkpoint folder");
    }

    /**
     * The configuration to run: the file's, or on resume the run's own resolved configuration (with
     * the overrides); a file given with a resume must resolve to the same experiment.
     */
    private static ExperimentConfig resolve(Request request, Path checkpoint) throws IOException {
        if (checkpoint == null) {
            return ExperimentConfig.load(request.configFile(), request.overrides());
        }
        Path resolved = checkpoint.getParent().getParent().resolve(RunFolder.RESOLVED_CONFIG);
        ExperimentConfig recorded = ExperimentConfig.load(resolved, request.overrides());
        if (request.configFile() != null) {
            ExperimentConfig given =
                    ExperimentConfig.load(request.configFile(), request.overrides());
            if (!YamlFiles.mapper()
                    .valueToTree(given)
                    .equals(YamlFiles.mapper().valueToTree(recorded))) {
                throw new ConfigException(
                        request.configFile(),
                        "",
                        "differs from the configuration of the run being resumed ("
                                + resolved
                                + "); resume without --config, changing keys with --set");
            }
        }
        return recorded;
    }

    /**
     * The level of the training imagery: the dataset's, unless tiles of another level were mixed
     * in, which ties the model to neither.
     */
    private static Optional<ProductLevel> inputLevel(
            DatasetFolder dataset, Optional<DatasetFolder> mixture) {
        Optional<ProductLevel> level = dataset.descriptor().inputLevel();
        boolean sameLevel =
                mixture.map(m -> m.descriptor().inputLevel().equals(level)).orElse(true);
        return sameLevel ? level : Optional.empty();
    }
}
