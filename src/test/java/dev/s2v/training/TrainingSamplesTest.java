package dev.s2v.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.Normalization;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.TestDatasets;
import dev.s2v.dataset.TileDataset;
import dev.s2v.raster.Natives;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An epoch's samples with a second dataset mixed in at a stated share. */
@Tag("native")
class TrainingSamplesTest {
    @TempDir static Path dir;
    static DatasetFolder main;
    static DatasetFolder second;

    @BeforeAll
    static void build() throws IOException {
        Natives.assumeGdal();
        main = TestDatasets.write(dir.resolve("main"), 3, 96, 32, 5);
        second = TestDatasets.write(dir.resolve("second"), 3, 128, 32, 9);
    }

    private static TileDataset tiles(DatasetFolder dataset) throws IOException {
        return TileDataset.builder()
                .setSplit(dataset, Split.TRAIN)
                .setNormalization(Normalization.max(new double[] {1, 1, 1, 1}))
                .build();
    }

    private static float[][] sample(TrainingSamples samples, int index) throws IOException {
        int pixels = 32 * 32;
        float[] image = new float[4 * pixels];
        float[] mask = new float[pixels];
        samples.fill(index, image, 0, mask, 0);
        return new float[][] {image, mask};
    }

    @Test
    void theSecondDatasetSuppliesItsShareOfEveryEpochDrawnFromTheSeed() throws IOException {
        TileDataset mainTiles = tiles(main);
        TileDataset secondTiles = tiles(second);
        int n = (int) mainTiles.size();
        // A quarter of the epoch: n / 3 more samples beside the n of the main dataset.
        TrainingSamples samples = new TrainingSamples(mainTiles, secondTiles, 0.25, 3);
        assertEquals(Math.round(n / 3.0), samples.mixedCount());
        assertEquals(n + samples.mixedCount(), samples.size());

        List<float[]> secondImages = new ArrayList<>();
        for (int i = 0; i < secondTiles.size(); i++) {
            float[] image = new float[4 * 32 * 32];
            secondTiles.fill(i, image, 0, new float[32 * 32], 0);
            secondImages.add(image);
        }
        samples.setEpoch(1);
        List<float[]> epochOne = new ArrayList<>();
        for (int i = n; i < samples.size(); i++) {
            float[] image = sample(samples, i)[0];
            assertTrue(
                    secondImages.stream().anyMatch(s -> Arrays.equals(s, image)),
                    "sample " + i + " is a tile of the second dataset");
            epochOne.add(image);
        }
        float[] first = new float[4 * 32 * 32];
        mainTiles.fill(0, first, 0, new float[32 * 32], 0);
        assertArrayEquals(first, sample(samples, 0)[0], "the main dataset comes first, whole");

        TrainingSamples again = new TrainingSamples(tiles(main), tiles(second), 0.25, 3);
        again.setEpoch(1);
        for (int i = n; i < again.size(); i++) {
            assertArrayEquals(epochOne.get(i - n), sample(again, i)[0], "same seed, same draws");
        }
    }

    @Test
    void tilesOfAnotherShapeCannotBeMixed() throws IOException {
        DatasetFolder threeBands =
                TestDatasets.write(
                        dir.resolve("three"),
                        3,
                        96,
                        32,
                        5,
                        true,
                        List.of(SpectralBand.B02, SpectralBand.B03, SpectralBand.B04));
        TileDataset other =
                TileDataset.builder()
                        .setSplit(threeBands, Split.TRAIN)
                        .setNormalization(Normalization.max(new double[] {1, 1, 1}))
                        .build();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new TrainingSamples(tiles(main), other, 0.5, 3));
        assertTrue(e.getMessage().contains("3 bands, 32 px) differ"), e.getMessage());
    }
}
