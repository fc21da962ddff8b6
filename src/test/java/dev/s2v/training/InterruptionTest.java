package dev.s2v.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.dataset.TestDatasets;
import dev.s2v.raster.Natives;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to a training s2v process, as {@code timeout} or a scheduler sends it. */
@Tag("native")
class InterruptionTest {
    @TempDir Path dir;

    @Test
    void sigtermWritesACheckpointSaysHowToContinueAndExitsWith130()
            throws IOException, InterruptedException {
        Natives.assumeGdal();
        TestDatasets.write(dir.resolve("data"), 3, 64, 32, 5);
        Path config = dir.resolve("long.yaml");
        Files.writeString(
                config,
                "name: long\nbands: [B02, B03, B04, B08]\n"
                        + "dataset: {path: data/dataset, tile_size: 32}\n"
                        + "model: {filters: 16, depth: 2}\n"
                        + "train: {epochs: 10000, batch_size: 4, early_stopping: {patience: 0}}\n");
        Path models = dir.resolve("my-models");
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "-Djava.library.path=" + System.getProperty("java.library.path"),
                                "-Dai.djl.offline=true",
                                "dev.s2v.cli.Main",
                                "train",
                                "--config",
                                config.toString(),
                                "--experiments",
                                dir.resolve("runs").toString(),
                                "--models",
                                models.toString())
                        .redirectErrorStream(true)
                        .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (!signalled && line.startsWith("epoch 2/")) {
                    // Process.destroy would also close the pipe being read: signal it apart.
                    new ProcessBuilder("kill", "-TERM", Long.toString(child.pid()))
                            .start()
                            .waitFor();
                    signalled = true;
                }
            }
        }
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), String.join("\n", lines));

        assertEquals(130, child.exitValue(), String.join("\n", lines));
        String continued =
                lines.stream().filter(l -> l.contains("continue with")).findFirst().orElse("");
        assertTrue(
                continued.endsWith(" --experiments " + dir.resolve("runs") + " --models " + models),
                String.join("\n", lines));
        Path run = Path.of(continued.replaceAll(".*--resume (\\S+) .*", "$1"));
        assertTrue(Files.isDirectory(run.resolve("checkpoints/last")), continued);
        assertTrue(
                Files.readString(run.resolve("training.log")).contains("continue with"),
                "training.log of " + run);
    }
}
