package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.Natives;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SunAnglesTest {
    /**
     * ESA's MTD_TL.xml of S2A tile T46RER sensed 2021-09-08T04:40:48.76Z (a fixture of this
     * project) gives the mean sun zenith 26.493 and azimuth 142.988 degrees over the tile, whose
     * centre is E 554880 N 3045120 (EPSG:32646).
     */
    @Test
    @Tag("native")
    void matchesTheSunAnglesOfARealProduct() {
        Natives.assumeGdal();
        double[] lonLat;
        try (CrsTransform toWgs84 = CrsTransform.between(32646, 4326)) {
            lonLat = toWgs84.apply(554880, 3045120);
        }
        SunAngles sun =
                SunAngles.at(Instant.parse("2021-09-08T04:40:48.76Z"), lonLat[1], lonLat[0]);
        assertEquals(26.493, sun.zenithDeg(), 0.05);
        assertEquals(142.988, sun.azimuthDeg(), 0.15);
    }

    @Test
    void theSunIsOverheadAtTheSubsolarPointAndDueSouthAtNoon() {
        // The 2023 March equinox fell at 21:24 UTC and the equation of time was -7.5 minutes:
        // at 12:07:30 UTC the sun culminates over Greenwich, 0.15 degrees south of the equator.
        Instant noon = Instant.parse("2023-03-20T12:07:30Z");
        assertEquals(0.15, SunAngles.at(noon, 0, 0).zenithDeg(), 0.1);
        SunAngles north = SunAngles.at(noon, 50, 0);
        assertEquals(50.15, north.zenithDeg(), 0.1);
        assertEquals(180, north.azimuthDeg(), 1);
    }
}
