package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.SpectralBand;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynthOptionsTest {
    private static SynthOptions options(
            boolean zip, ProductLevel level, List<SpectralBand> bands, boolean randomise) {
        return new SynthOptions(1, 64, 1, zip, "05.09", false, 1, false, level, bands, randomise);
    }

    private static String refused(
            boolean zip, ProductLevel level, List<SpectralBand> bands, boolean randomise) {
        return assertThrows(
                        IllegalArgumentException.class, () -> options(zip, level, bands, randomise))
                .getMessage();
    }

    @Test
    void defaultsAreOneUnrandomisedL1cProduct() {
        SynthOptions d = SynthOptions.defaults();
        assertEquals(ProductLevel.L1C, d.level());
        assertFalse(d.randomise());
        assertEquals(SpectralBand.parseList("B02,B03,B04,B08,B8A,B11,B12"), d.stackBands());
    }

    @Test
    void withLevelSwitchesToRandomisedL2aAndBack() {
        SynthOptions l2a = SynthOptions.defaults().withLevel(ProductLevel.L2A);
        assertEquals(ProductLevel.L2A, l2a.level());
        assertTrue(l2a.randomise());
        assertEquals(SynthOptions.defaults(), l2a.withLevel(ProductLevel.L1C));
    }

    @Test
    void anL2aStackTakesAnyBandButB10() {
        List<SpectralBand> bands = SpectralBand.parseList("B11,B02,B8A,B01");
        assertEquals(bands, options(false, ProductLevel.L2A, bands, false).stackBands());
        assertTrue(
                refused(false, ProductLevel.L2A, List.of(SpectralBand.B10), true)
                        .contains("other than B10"));
        assertTrue(
                refused(false, ProductLevel.L2A, List.of(SpectralBand.B02, SpectralBand.B02), true)
                        .contains("--bands"));
        assertTrue(refused(false, ProductLevel.L2A, List.of(), true).contains("--bands"));
    }

    @Test
    void l2aOnlyOptionsAreRefusedForL1cAndZipForL2a() {
        assertTrue(
                refused(false, ProductLevel.L1C, List.of(SpectralBand.B02), false)
                        .contains("always holds all 13 bands"));
        assertTrue(
                refused(false, ProductLevel.L1C, SynthOptions.STACK_BANDS, true)
                        .contains("--level L2A only"));
        assertTrue(
                refused(true, ProductLevel.L2A, SynthOptions.STACK_BANDS, true)
                        .contains("drop --zip"));
        assertTrue(refused(false, null, SynthOptions.STACK_BANDS, false).contains("--level"));
    }
}
