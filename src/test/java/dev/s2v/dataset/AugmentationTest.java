package dev.s2v.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AugmentationTest {
    /** A 3 x 3 tile holding 0..8 row-major. */
    static float[] tile() {
        return new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8};
    }

    static float[] apply(Augmentation a, float[] in) {
        int n = (int) Math.round(Math.sqrt(in.length));
        float[] out = new float[in.length];
        Augmentation.apply(a.permutation(n), in, out);
        return out;
    }

    @Test
    void transformsMoveEveryPixelWhereTheirNameSays() {
        // 0 1 2      6 3 0
        // 3 4 5  ->  7 4 1  (90 degrees clockwise)
        // 6 7 8      8 5 2
        assertArrayEquals(
                new float[] {6, 3, 0, 7, 4, 1, 8, 5, 2}, apply(Augmentation.ROT90, tile()));
        assertArrayEquals(
                new float[] {8, 7, 6, 5, 4, 3, 2, 1, 0}, apply(Augmentation.ROT180, tile()));
        assertArrayEquals(
                new float[] {2, 5, 8, 1, 4, 7, 0, 3, 6}, apply(Augmentation.ROT270, tile()));
        assertArrayEquals(
                new float[] {2, 1, 0, 5, 4, 3, 8, 7, 6}, apply(Augmentation.FLIP_X, tile()));
        assertArrayEquals(
                new float[] {6, 7, 8, 3, 4, 5, 0, 1, 2}, apply(Augmentation.FLIP_Y, tile()));
        assertArrayEquals(tile(), apply(Augmentation.IDENTITY, tile()));
    }

    @Test
    void fourQuarterTurnsAndTwoFlipsAreTheIdentity() {
        float[] t = new float[64 * 64];
        for (int i = 0; i < t.length; i++) {
            t[i] = i;
        }
        float[] turned = t;
        for (int k = 0; k < 4; k++) {
            turned = apply(Augmentation.ROT90, turned);
        }
        assertArrayEquals(t, turned);
        assertArrayEquals(t, apply(Augmentation.FLIP_X, apply(Augmentation.FLIP_X, t)));
        assertArrayEquals(t, apply(Augmentation.FLIP_Y, apply(Augmentation.FLIP_Y, t)));
        assertArrayEquals(
                apply(Augmentation.ROT270, t),
                apply(Augmentation.ROT90, apply(Augmentation.ROT180, t)));
    }

    @ParameterizedTest
    @EnumSource(Augmentation.class)
    void everyTransformIsAPermutation(Augmentation a) {
        int[] p = a.permutation(16);
        int[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void variantsStartWithTheIdentityAndNamesAreChecked() {
        assertEquals(
                List.of(Augmentation.IDENTITY, Augmentation.FLIP_X, Augmentation.ROT90),
                Augmentation.variants(List.of("flip_x", "rot90")));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("rot45"));
        assertThrows(IllegalArgumentException.class, () -> Augmentation.parse("identity"));
    }
}
