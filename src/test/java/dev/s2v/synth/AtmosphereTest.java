package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.SpectralBand;
import org.junit.jupiter.api.Test;

class AtmosphereTest {
    @Test
    void rayleighDepthFollowsHansenAndTravis() {
        // 0.008569 / 0.091506 * (1 + 0.0113 / 0.3025 + 0.00013 / 0.091506) = 0.093644 * 1.038776
        assertEquals(0.097275, Atmosphere.rayleighDepth(0.55), 1e-6);
        // 443 nm: 0.008569 / 0.038514 * (1 + 0.057580 + 0.003375) = 0.222493 * 1.060955
        assertEquals(0.236055, Atmosphere.rayleighDepth(0.443), 2e-6);
    }

    @Test
    void pathReflectanceIsStrongestInTheBlueAndWaterLooksLikeL1cWater() {
        Atmosphere a = new Atmosphere(35, 0.12, 2);
        int clear = Atmosphere.level(0);
        int b01 = SpectralBand.B01.bandId();
        int b02 = SpectralBand.B02.bandId();
        int b04 = SpectralBand.B04.bandId();
        int b08 = SpectralBand.B08.bandId();
        int b12 = SpectralBand.B12.bandId();
        assertTrue(a.path(clear)[b01] > a.path(clear)[b02]);
        assertTrue(a.path(clear)[b02] > a.path(clear)[b04]);
        assertTrue(a.path(clear)[b04] > a.path(clear)[b08]);
        assertTrue(a.path(clear)[b08] > a.path(clear)[b12]);
        double waterB02 =
                a.path(clear)[b02] + a.transmittance(clear)[b02] * Materials.WATER_CLEAR.get(b02);
        assertTrue(waterB02 > 0.07 && waterB02 < 0.10, "B02 over clear water: " + waterB02);
        // B10 sits in a water-vapour band: the ground hardly reaches the sensor.
        assertTrue(a.transmittance(clear)[SpectralBand.B10.bandId()] < 0.05);
    }

    @Test
    void hazeBrightensThePathAndDimsTheGround() {
        Atmosphere a = new Atmosphere(35, 0.12, 2);
        int b = SpectralBand.B03.bandId();
        int hazy = Atmosphere.level(1);
        assertTrue(a.path(hazy)[b] > a.path(0)[b]);
        assertTrue(a.transmittance(hazy)[b] < a.transmittance(0)[b]);
        assertTrue(a.diffuseShare(hazy)[b] > a.diffuseShare(0)[b]);
        assertEquals(Atmosphere.HAZE_LEVELS - 1, hazy);
    }

    @Test
    void theCorrectedViewLeavesClearGroundAsItsSurfaceReflectance() {
        Atmosphere c = new Atmosphere(35, 0.12, 2).corrected(0);
        for (int b = 0; b < Spectrum.BANDS; b++) {
            assertEquals(0, c.path(0)[b], 1e-7);
            assertEquals(1, c.transmittance(0)[b], 1e-6);
            assertTrue(c.direct(0)[b] > 0.5 && c.direct(0)[b] < 1, "glint stays, a little dimmed");
        }
    }

    @Test
    void theCorrectedViewLeavesAQuarterOfTheHazeAndTheResidueFallsWithWavelength() {
        Atmosphere a = new Atmosphere(35, 0.12, 2);
        Atmosphere c = a.corrected(0.005);
        int hazy = Atmosphere.level(1);
        int b02 = SpectralBand.B02.bandId();
        int b08 = SpectralBand.B08.bandId();
        int b11 = SpectralBand.B11.bandId();
        // (490 / 550)^-0.8 = 1.097, (842 / 550)^-0.8 = 0.711, (1610 / 550)^-0.8 = 0.423
        assertEquals(0.005 * 1.097, c.path(0)[b02], 1e-5);
        assertEquals(0.005 * 0.711, c.path(0)[b08], 1e-5);
        assertEquals(0.005 * 0.423, c.path(0)[b11], 1e-5);
        double hazePath = (a.path(hazy)[b02] - a.path(0)[b02]) / a.transmittance(0)[b02];
        assertEquals(Atmosphere.HAZE_LEFT * hazePath, c.path(hazy)[b02] - c.path(0)[b02], 1e-6);
        assertTrue(c.transmittance(hazy)[b02] < 1);
        assertTrue(c.transmittance(hazy)[b02] > a.transmittance(hazy)[b02]);
        assertEquals(a.diffuseShare(hazy)[b02], c.diffuseShare(hazy)[b02]);
    }

    @Test
    void surfaceWaterIsFarDarkerThanTopOfAtmosphereWater() {
        Atmosphere a = new Atmosphere(35, 0.12, 2);
        Atmosphere c = a.corrected(0);
        int b02 = SpectralBand.B02.bandId();
        float water = Materials.WATER_CLEAR.get(b02);
        double toa = a.path(0)[b02] + a.transmittance(0)[b02] * water;
        double boa = c.path(0)[b02] + c.transmittance(0)[b02] * water;
        assertEquals(water, boa, 1e-6);
        assertTrue(toa > 2 * boa, "L1C " + toa + " against L2A " + boa);
    }
}
