package dev.s2v.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.s2v.raster.WindowGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Window settings, the box of an area of interest and the stored probability bytes. */
class WindowSettingsTest {

    @ParameterizedTest
    @CsvSource({"8, 0, 1", "64, 64, 1", "64, -1, 1", "64, 0, 0"})
    void impossibleSettingsAreRefused(int window, int overlap, int batch) {
        assertThrows(
                IllegalArgumentException.class, () -> new WindowSettings(window, overlap, batch));
    }

    @Test
    void aWindowThatIsNoMultipleOfTheNetworkSaysWhichSizesFit() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new WindowSettings(500, 32, 1).requireFits(16));
        assertEquals(
                "--window must be a multiple of 16 px for this model (2^depth), got 500; try 496"
                        + " or 512",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "10980, 10980, 512, 16, 512, 23",
        "2048, 2048, 512, 16, 448, 5",
        "2745, 2745, 512, 16, 496, 6",
        "300, 120, 512, 16, 336, 1",
        "100, 90, 64, 4, 60, 4"
    })
    void windowsShrinkToJustCoverTheScene(
            int width, int height, int configured, int multiple, int window, int columns) {
        WindowGrid grid = new WindowSettings(configured, 32, 1).grid(width, height, multiple);
        assertEquals(window, grid.windowPx());
        assertEquals(columns, grid.columns());
        assertEquals(32, grid.overlapPx());
    }

    @Test
    void boxesAreParsedAndCheckedOnce() {
        assertEquals(
                new Aoi.BoundingBox(4.0, 51.9, 4.2, 52.0), Aoi.BoundingBox.parse("4,51.9,4.2,52"));
        for (String bad :
                new String[] {"4,51.9,4.2", "4,51.9,x,52", "4.2,51.9,4,52", "4,91,5,92"}) {
            assertThrows(IllegalArgumentException.class, () -> Aoi.BoundingBox.parse(bad), bad);
        }
    }

    @Test
    void probabilitiesAreStoredIn254StepsWith255ForNoData() {
        assertEquals(0, ProbabilityFormat.toByte(0f));
        assertEquals((byte) 254, ProbabilityFormat.toByte(1f));
        assertEquals((byte) 127, ProbabilityFormat.toByte(0.5f));
        assertEquals((byte) 255, ProbabilityFormat.toByte(Float.NaN));
        assertEquals(ProbabilityFormat.FLOAT32, ProbabilityFormat.parse("Float32"));
        assertThrows(IllegalArgumentException.class, () -> ProbabilityFormat.parse("uint16"));
    }
}
