package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain value types of the raster package (no natives needed). */
class ValuesTest {

    @ParameterizedTest
    @CsvSource({"B2,B02", "b02,B02", "B8A,B8A", "b8a,B8A", "B08,B08", " B12 ,B12"})
    void bandNamesParseInAnySpelling(String text, SpectralBand expected) {
        assertEquals(expected, SpectralBand.parse(text));
    }

    @Test
    void bandIdOrderPutsB8aBetweenB08AndB09() {
        assertEquals(8, SpectralBand.B8A.bandId());
        assertEquals(SpectralBand.B09, SpectralBand.ofBandId(9));
        assertEquals(
                List.of(SpectralBand.B11, SpectralBand.B8A, SpectralBand.B02),
                SpectralBand.parseList("B11,B8A,B02"));
        assertThrows(IllegalArgumentException.class, () -> SpectralBand.parseList("B02,B2"));
        assertEquals(2, SpectralBand.B8A.factorTo10m());
        assertEquals(6, SpectralBand.B10.factorTo10m());
        assertEquals("B12 2190 nm", SpectralBand.B12.label());
    }

    @Test
    void reflectanceFollowsTheFormulaAndKeepsNoDataOut() {
        Radiometry n0400 = Radiometry.l1c(-1000, 10000);
        assertEquals(0.0983, n0400.reflectance(1983), 1e-7);
        assertEquals(
                -0.05, n0400.reflectance(500), 1e-7, "negative reflectance is legal from 04.00");
        assertTrue(Float.isNaN(n0400.reflectance(0)), "DN 0 is no-data, not -0.1");
        assertEquals(0.1212, Radiometry.l1c(0, 10000).reflectance(1212), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> new Radiometry(0, 0, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "0", "-10000", "10000,a", "1,2,3", "NaN"})
    void badScaleRulesAreRefused(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ScaleRule.parse(text));
        assertTrue(e.getMessage().contains("allowed: auto"), e.getMessage());
    }

    @Test
    void scaleRulesParse() {
        assertTrue(ScaleRule.parse("AUTO").fromMetadata());
        ScaleRule rule = ScaleRule.parse("10000,-1000");
        assertFalse(rule.fromMetadata());
        assertEquals(10000, rule.divisor());
        assertEquals(-1000, rule.addOffset());
        assertEquals("10000,-1000", rule.toString());
        assertEquals("1", ScaleRule.parse("1").toString());
    }

    @Test
    void windowsClipToTheGrid() {
        PixelWindow w = new PixelWindow(-4, 6, 10, 10);
        assertEquals(new PixelWindow(0, 6, 6, 4), w.clippedTo(8, 10));
        assertTrue(w.overlaps(8, 10));
        assertFalse(w.isInside(8, 10));
        assertFalse(new PixelWindow(8, 0, 2, 2).overlaps(8, 10));
        assertThrows(
                IllegalArgumentException.class, () -> new PixelWindow(8, 0, 2, 2).clippedTo(8, 10));
        assertThrows(IllegalArgumentException.class, () -> new PixelWindow(0, 0, 0, 2));
    }

    @Test
    void geoTransformShiftsAndScales() {
        GeoTransform t = GeoTransform.northUp(600000, 5800020, 10);
        assertEquals(600100, t.shifted(10, 5).originX());
        assertEquals(5799970, t.shifted(10, 5).originY());
        assertEquals(60, t.scaled(6).pixelWidth());
        assertEquals(-60, t.scaled(6).pixelHeight());
        assertEquals(600005, t.mapX(0.5, 0.5));
    }
}
