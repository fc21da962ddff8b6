package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Vessels told apart by their instance ids, not by the connectivity of their pixels. */
class InstanceObjectsTest {
    private static final double PX = 10;

    @Test
    void shipsMooredSideBySideStayTwoVessels() {
        // Two 6 x 2 hulls touching along their long side: one mask component, two instances.
        int[] ids = {
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 1, 1, 1, 1, 1, 1, 0,
            0, 1, 1, 1, 1, 1, 1, 0,
            0, 2, 2, 2, 2, 2, 2, 0,
            0, 2, 2, 2, 2, 2, 2, 0,
            0, 0, 0, 0, 0, 0, 0, 0
        };
        List<MaskObject> vessels = InstanceObjects.of(ids, null, 8, 6, PX);
        assertEquals(2, vessels.size());
        assertEquals(60, vessels.get(0).lengthM(), 1e-9);
        assertEquals(20, vessels.get(0).widthM(), 1e-9);
        assertEquals(1.5, vessels.get(0).centroidRow(), 1e-9);
        assertEquals(3.5, vessels.get(1).centroidRow(), 1e-9);
        byte[] mask = new byte[ids.length];
        for (int i = 0; i < ids.length; i++) {
            mask[i] = (byte) (ids[i] != 0 ? 1 : 0);
        }
        assertEquals(1, ConnectedComponents.label(mask, 8, 6, PX).count(), "one mask component");
    }

    @Test
    void aVesselSplitByNoDataOrStripsIsStillOneAndIgnoredPixelsAreNotItsOwn() {
        int[] ids = {3, 3, 0, 3, 3, 3};
        boolean[] ignore = {false, false, false, false, false, true};
        InstanceObjects objects = new InstanceObjects(3);
        objects.addRows(new int[] {3, 3, 0}, new boolean[] {false, false, false}, 1);
        objects.addRows(new int[] {3, 3, 3}, new boolean[] {false, false, true}, 1);
        List<MaskObject> inStrips = objects.measure(PX);
        assertEquals(List.of(InstanceObjects.of(ids, ignore, 3, 2, PX).get(0)), inStrips);
        assertEquals(4, inStrips.get(0).pixelCount());
    }
}
