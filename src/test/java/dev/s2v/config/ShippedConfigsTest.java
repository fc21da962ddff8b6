package dev.s2v.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The configurations shipped in {@code configs/} load, and the transfer study's chain holds
 * together: a fine-tuned model starts from the model another shipped config exports, and a mixed-in
 * dataset is one another shipped config makes. A typo there would only show after an hour of
 * training.
 */
class ShippedConfigsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static Map<Path, ExperimentConfig> shipped() throws IOException {
        Map<Path, ExperimentConfig> configs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("configs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                configs.put(file, ExperimentConfig.load(file, List.of()));
            }
        }
        return configs;
    }

    private static Path resolved(Path configFile, String path) {
        return configFile.getParent().resolve(path).normalize();
    }

    @Test
    void everyShippedConfigLoadsUnderAnUniqueName() throws IOException {
        Map<Path, ExperimentConfig> configs = shipped();
        assertTrue(configs.size() >= 7, "configs found: " + configs.keySet());
        assertEquals(
                configs.size(),
                configs.values().stream().map(ExperimentConfig::name).distinct().count(),
                "two shipped configs export to the same models/ folder");
    }

    @Test
    void fineTuningAndMixingNameWhatOtherShippedConfigsMake() throws IOException {
        Map<Path, ExperimentConfig> configs = shipped();
        List<Path> exported =
                configs.values().stream()
                        .map(c -> ROOT.resolve("models").resolve(c.name()))
                        .toList();
        List<Path> datasets =
                configs.entrySet().stream()
                        .filter(
                                e ->
                                        e.getValue().dataset().generateIfMissing() != null
                                                || e.getValue().dataset().buildIfMissing() != null)
                        .map(e -> resolved(e.getKey(), e.getValue().dataset().path()))
                        .toList();
        int links = 0;
        for (Map.Entry<Path, ExperimentConfig> entry : configs.entrySet()) {
            ExperimentConfig config = entry.getValue();
            if (config.model().initFrom() != null) {
                Path start = resolved(entry.getKey(), config.model().initFrom());
                assertTrue(exported.contains(start), entry.getKey() + ": init_from " + start);
                links++;
            }
            if (config.dataset().mix() != null) {
                Path mixed = resolved(entry.getKey(), config.dataset().mix().path());
                assertTrue(datasets.contains(mixed), entry.getKey() + ": mix " + mixed);
                links++;
            }
        }
        assertEquals(3, links, "two fine-tuned configs and one mixed config");
    }
}
