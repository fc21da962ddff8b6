package dev.s2v.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An experiment, as one YAML file describes it: the data, the network, how it is trained and
 * evaluated. Every key is validated when the file is loaded; a key the file leaves out takes its
 * value from {@link #defaults()}, the one home of every default.
 *
 * @param name the experiment's name: its folder under {@code experiments/} and {@code models/}
 * @param seed seed of weight initialisation, data order and augmentation
 * @param bands input bands in order (the dataset must hold exactly these)
 * @param dataset where the tiles are, and how to make them when they are missing
 * @param model the network
 * @param train the training loop
 * @param normalization {@code max} or {@code standard}, with parameters from the training split
 * @param evaluate the evaluation run on held-out tiles after training; absent: none
 */
public record ExperimentConfig(
        String name,
        long seed,
        List<String> bands,
        DatasetConfig dataset,
        ModelConfig model,
        TrainConfig train,
        String normalization,
        EvaluateConfig evaluate) {

    /** Validates what is not validated in the nested records. */
    public ExperimentConfig {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException(
                    "must be a name of letters, digits, '_', '.' or '-' (it names folders), got '"
                            + name
                            + "'");
        }
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException(
                    "must list at least one band, e.g. [B02, B03, B04, B08]");
        }
        bands = List.copyOf(bands);
        SpectralBand.parseList(String.join(",", bands));
        Normalization.Kind.parse(normalization);
    }

    /** The bands as enum values, in order. */
    public List<SpectralBand> bandList() {
        return SpectralBand.parseList(String.join(",", bands));
    }

    /** The normalisation rule. */
    public Normalization.Kind normalizationKind() {
        return Normalization.Kind.parse(normalization);
    }

    /** The evaluation after training, if the file asks for one. */
    public Optional<EvaluateConfig> evaluation() {
        return Optional.ofNullable(evaluate);
    }

    /** The defaults: the notebook's seven bands, a base-16 UNET, Dice loss, Adam. */
    public static ExperimentConfig defaults() {
        return new ExperimentConfig(
                "experiment",
                42,
                List.of("B02", "B03", "B04", "B08", "B8A", "B11", "B12"),
                DatasetConfig.defaults(),
                ModelConfig.defaults(),
                TrainConfig.defaults(),
                "max",
                null);
    }

    /**
     * Loads an experiment file: the file's keys over the defaults, then {@code overrides} ({@code
     * key.path=value}, as {@code --set} gives them), then validation of every key. Relative paths
     * (the dataset, the folder it is built from, a mixed-in dataset, {@code model.init_from}) are
     * resolved against the experiment file's folder, not the folder {@code s2v} runs in.
     *
     * @throws ConfigException naming the file, the key and what is allowed
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     */
    public static ExperimentConfig load(Path file, List<String> overrides) throws IOException {
        JsonNode tree = YamlFiles.readTree(file);
        if (tree == null || !tree.isObject()) {
            throw new ConfigException(file, "", "must be a YAML mapping of keys (name, seed, ...)");
        }
        ObjectNode merged = (ObjectNode) YamlFiles.mapper().valueToTree(defaults());
        // An evaluate section is absent by default; present in the file, it gets its defaults.
        if (tree.has("evaluate") && tree.get("evaluate").isObject()) {
            merged.set("evaluate", YamlFiles.mapper().valueToTree(EvaluateConfig.defaults()));
        }
        if (tree.path("dataset").has("generate_if_missing")
                && tree.path("dataset").get("generate_if_missing").isObject()) {
            ((ObjectNode) merged.get("dataset"))
                    .set(
                            "generate_if_missing",
                            YamlFiles.mapper().valueToTree(GenerateConfig.defaults()));
        }
        if (tree.path("dataset").has("build_if_missing")
                && tree.path("dataset").get("build_if_missing").isObject()) {
            ((ObjectNode) merged.get("dataset"))
                    .set(
                            "build_if_missing",
                            YamlFiles.mapper().valueToTree(SourceConfig.defaults()));
        }
        ConfigTrees.merge(merged, (ObjectNode) tree, file, "");
        for (String override : overrides) {
            ConfigTrees.set(merged, override, file);
        }
        ExperimentConfig config = YamlFiles.bind(file, merged, ExperimentConfig.class);
        Path folder = file.toAbsolutePath().getParent();
        DatasetConfig d = config.dataset();
        return new ExperimentConfig(
                config.name(),
                config.seed(),
                config.bands(),
                d.withPaths(
                        resolve(folder, d.path()),
                        d.source().map(s -> resolve(folder, s.from())).orElse(null),
                        d.mixture().map(m -> resolve(folder, m.path())).orElse(null)),
                config.model()
                        .withInitFrom(
                                config.model()
                                        .initialWeights()
                                        .map(m -> resolve(folder, m))
                                        .orElse(null)),
                config.train(),
                config.normalization(),
                config.evaluate());
    }

    /** A path of the file relative to its folder, made absolute. */
    private static String resolve(Path folder, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? path : folder.resolve(p).normalize().toString();
    }

    /** The same experiment with another dataset folder (resolved paths are absolute). */
    public ExperimentConfig withDatasetPath(String path) {
        return new ExperimentConfig(
                name,
                seed,
                bands,
                dataset.withPaths(
                        path,
                        dataset.source().map(SourceConfig::from).orElse(null),
                        dataset.mixture().map(MixConfig::path).orElse(null)),
                model,
                train,
                normalization,
                evaluate);
    }
}
