package dev.s2v.synth;

/**
 * Seeded, stateless noise: gradient (Perlin) noise, its fractal sums, and hashes of integer
 * coordinates. Every value is a pure function of its arguments, so any pixel of a scene can be
 * computed alone, in any order, on any thread, with the same result.
 */
final class Noise {
    private static final double SQRT_HALF = StrictMath.sqrt(0.5);
    private static final double SQRT_3 = StrictMath.sqrt(3);
    private static final double[] GRADIENT_X = {
        1, -1, 0, 0, SQRT_HALF, -SQRT_HALF, SQRT_HALF, -SQRT_HALF
    };
    private static final double[] GRADIENT_Y = {
        0, 0, 1, -1, SQRT_HALF, SQRT_HALF, -SQRT_HALF, -SQRT_HALF
    };
    // Each octave is rotated by a fixed angle so that the lattices of octaves do not line up.
    private static final double ROTATE_COS = StrictMath.cos(0.61);
    private static final double ROTATE_SIN = StrictMath.sin(0.61);

    private Noise() {}

    /** A well-mixed 32-bit hash of a seed and two integers (Murmur3's finaliser). */
    static int hash(int seed, int a, int b) {
        int h = seed ^ (a * 0x27D4EB2D) ^ (b * 0x165667B1);
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /** A well-mixed 64-bit hash (SplitMix64's finaliser) of a seed and three integers. */
    static long hash64(long seed, long a, long b, long c) {
        long z = seed + 0x9E3779B97F4A7C15L * (a + 1) + 0xBF58476D1CE4E5B9L * (b + 1);
        z += 0x94D049BB133111EBL * (c + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) from a hash of a seed and two integers. */
    static double uniform(int seed, int a, int b) {
        return (hash(seed, a, b) >>> 8) * 0x1.0p-24;
    }

    /**
     * A nearly normal deviate (mean 0, variance 1) from a hash of a seed and three integers: the
     * sum of four uniform 16-bit parts of one 64-bit hash, scaled (Irwin-Hall). Its tails stop at
     * 3.46 standard deviations, which sensor noise does not miss, and it needs no logarithm.
     */
    static double gaussian(long seed, long a, long b, long c) {
        long h = hash64(seed, a, b, c);
        long sum = (h & 0xFFFF) + ((h >>> 16) & 0xFFFF) + ((h >>> 32) & 0xFFFF) + (h >>> 48);
        return ((sum + 2) * 0x1.0p-16 - 2) * SQRT_3;
    }

    /** Gradient noise on a unit lattice, about -1..1, 0 at every lattice point. */
    static double gradient(int seed, double x, double y) {
        double fx0 = Math.floor(x);
        double fy0 = Math.floor(y);
        int x0 = (int) fx0;
        int y0 = (int) fy0;
        double dx = x - fx0;
        double dy = y - fy0;
        double n00 = dot(seed, x0, y0, dx, dy);
        double n10 = dot(seed, x0 + 1, y0, dx - 1, dy);
        double n01 = dot(seed, x0, y0 + 1, dx, dy - 1);
        double n11 = dot(seed, x0 + 1, y0 + 1, dx - 1, dy - 1);
        double u = fade(dx);
        double v = fade(dy);
        double bottom = n00 + u * (n10 - n00);
        double top = n01 + u * (n11 - n01);
        // 2D Perlin noise stays within about +-0.7; scale it to about +-1.
        return 1.41 * (bottom + v * (top - bottom));
    }

    private static double dot(int seed, int ix, int iy, double dx, double dy) {
        int g = hash(seed, ix, iy) & 7;
        return GRADIENT_X[g] * dx + GRADIENT_Y[g] * dy;
    }

    private static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    /**
     * Fractal sum of {@code octaves} gradient-noise octaves, the first with wavelength 1, each next
     * half as long and half as strong; normalised to about -1..1.
     */
    static double fbm(int seed, double x, double y, int octaves) {
        return octaves(seed, x, y, 0, octaves) / amplitudeSum(0, octaves);
    }

    /**
     * The unnormalised sum of octaves {@code first .. first + count - 1} of {@link #fbm}: octave
     * {@code o} has wavelength 2^-o and amplitude 2^-o. Splitting a sum into a coarse and a fine
     * part lets a caller skip the fine octaves where they cannot matter.
     */
    static double octaves(int seed, double x, double y, int first, int count) {
        double sum = 0;
        double amplitude = 1;
        double px = x;
        double py = y;
        for (int o = 0; o < first + count; o++) {
            if (o >= first) {
                sum += amplitude * gradient(seed + 7919 * o, px, py);
            }
            amplitude *= 0.5;
            double rx = ROTATE_COS * px - ROTATE_SIN * py;
            double ry = ROTATE_SIN * px + ROTATE_COS * py;
            px = 2 * rx + 17.31;
            py = 2 * ry - 41.73;
        }
        return sum;
    }

    /**
     * The sum of the amplitudes of octaves {@code first .. first + count - 1}: a bound (up to the
     * noise's own range of about +-1) of what those octaves can add.
     */
    static double amplitudeSum(int first, int count) {
        return Math.scalb(2.0, -first) - Math.scalb(2.0, -(first + count));
    }
}
