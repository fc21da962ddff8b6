package dev.s2v.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentConfigTest {
    @TempDir Path dir;

    Path write(String yaml) throws IOException {
        Path file = dir.resolve("exp.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    ConfigException refused(String yaml, String... overrides) throws IOException {
        Path file = write(yaml);
        return assertThrows(
                ConfigException.class, () -> ExperimentConfig.load(file, List.of(overrides)));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKeyTheTypeAndAnExample() throws IOException {
        ConfigException number = refused("name: bad\ntrain:\n  epochs: ten\n");
        assertEquals(
                dir.resolve("exp.yaml")
                        + ": train.epochs: 'ten' does not fit: expects a whole number, e.g. 40",
                number.getMessage());
        ConfigException rate = refused("name: bad\ntrain:\n  learning_rate: fast\n");
        assertTrue(
                rate.getMessage()
                        .endsWith(
                                "train.learning_rate: 'fast' does not fit: expects a number,"
                                        + " e.g. 0.001"),
                rate.getMessage());
        ConfigException flag = refused("name: bad\nmodel:\n  batch_norm: maybe\n");
        assertTrue(
                flag.getMessage()
                        .endsWith("model.batch_norm: 'maybe' does not fit: expects true or false"),
                flag.getMessage());
        ConfigException mapping = refused("name: bad\ntrain: 5\n");
        assertTrue(mapping.getMessage().contains("train: "), mapping.getMessage());
        assertFalse(mapping.getMessage().contains("CoercionConfig"), mapping.getMessage());
    }

    @Test
    void keysLeftOutTakeTheDefaults() throws IOException {
        ExperimentConfig c =
                ExperimentConfig.load(
                        write("name: demo\ntrain:\n  epochs: 3\nmodel: {filters: 32}\n"),
                        List.of());
        assertEquals("demo", c.name());
        assertEquals(3, c.train().epochs());
        assertEquals(TrainConfig.defaults().batchSize(), c.train().batchSize());
        assertEquals(32, c.model().filters());
        assertEquals(4, c.model().depth());
        assertEquals(ExperimentConfig.defaults().bands(), c.bands());
        assertFalse(c.evaluation().isPresent());
        assertFalse(c.dataset().generation().isPresent());
    }

    @Test
    void optionalSectionsGetTheirOwnDefaults() throws IOException {
        ExperimentConfig c =
                ExperimentConfig.load(
                        write(
                                "name: demo\nevaluate: {split: val}\n"
                                        + "dataset: {path: d, generate_if_missing: {scenes: 2}}\n"),
                        List.of());
        assertEquals("val", c.evaluation().orElseThrow().split());
        assertEquals("auto", c.evaluation().orElseThrow().threshold());
        assertEquals(2, c.dataset().generation().orElseThrow().scenes());
        assertEquals(1024, c.dataset().generation().orElseThrow().size());
        assertEquals("L1C", c.dataset().generation().orElseThrow().level());
    }

    @Test
    void overridesApplyAfterTheFile() throws IOException {
        ExperimentConfig c =
                ExperimentConfig.load(
                        write("name: demo\ntrain: {epochs: 3}\n"),
                        List.of("train.epochs=7", "train.augment=[rot90, flip_x]", "seed=1"));
        assertEquals(7, c.train().epochs());
        assertEquals(List.of("rot90", "flip_x"), c.train().augment());
        assertEquals(1, c.seed());
    }

    @Test
    void aMisspeltKeyNamesItsPathAndTheAllowedKeys() throws IOException {
        ConfigException e = refused("name: demo\ntrain:\n  epohcs: 3\n");
        assertEquals("train", e.keyPath());
        assertTrue(e.getMessage().contains("unknown key 'epohcs'"), e.getMessage());
        assertTrue(e.getMessage().contains("epochs"), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("exp.yaml").toString()));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void badValuesNameTheKeyAndWhatIsAllowed() throws IOException {
        ConfigException loss = refused("name: demo\ntrain: {loss: hinge}\n");
        assertEquals("train", loss.keyPath());
        assertTrue(loss.getMessage().contains("dice, bce"), loss.getMessage());

        ConfigException type = refused("name: demo\ntrain: {epochs: many}\n");
        assertEquals("train.epochs", type.keyPath());

        ConfigException band = refused("name: demo\nbands: [B02, B13]\n");
        assertTrue(band.getMessage().contains("unknown band 'B13'"), band.getMessage());

        ConfigException augment = refused("name: demo\ntrain: {augment: [rot45]}\n");
        assertTrue(augment.getMessage().contains("rot90, rot180"), augment.getMessage());

        ConfigException level =
                refused("name: demo\ndataset: {path: d, generate_if_missing: {level: L3}}\n");
        assertEquals("dataset.generate_if_missing", level.keyPath());
        assertTrue(level.getMessage().contains("allowed: L1C, L2A"), level.getMessage());

        ConfigException normalization = refused("name: demo\nnormalization: minmax\n");
        assertTrue(normalization.getMessage().contains("max, standard"));
    }

    @Test
    void unknownOverridesAreRefused() throws IOException {
        ConfigException e = refused("name: demo\n", "train.epohcs=3");
        assertTrue(e.getMessage().contains("--set train.epohcs"), e.getMessage());
        assertTrue(e.getMessage().contains("allowed: epochs"), e.getMessage());
        assertTrue(refused("name: demo\n", "noequals").getMessage().contains("key.path=value"));
    }
}
