package dev.s2v.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random decisions of one scene plan, from one seed. SplittableRandom's algorithm (SplitMix64)
 * is fixed by its specification, and only StrictMath is used, so a seed gives the same plan on
 * every JVM.
 */
final class Draws {
    private final SplittableRandom random;

    Draws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An independent stream for one part of the plan, so that parts do not shift each other. */
    Draws split() {
        return new Draws(random.nextLong());
    }

    long nextLong() {
        return random.nextLong();
    }

    int nextInt() {
        return random.nextInt();
    }

    /** Uniform in [0, n). */
    int below(int n) {
        return random.nextInt(n);
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** True with probability p. */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A standard normal deviate (Box-Muller with StrictMath, reproducible everywhere). */
    double gaussian() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    /**
     * A draw from a truncated power law, density proportional to x^-alpha on [lo, hi] (alpha != 1),
     * by inverting its distribution function.
     */
    double powerLaw(double lo, double hi, double alpha) {
        double e = 1 - alpha;
        double a = StrictMath.pow(lo, e);
        double b = StrictMath.pow(hi, e);
        return StrictMath.pow(a + (b - a) * random.nextDouble(), 1 / e);
    }

    /** A Poisson count with the given mean (by inversion for small means, normal otherwise). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return Math.max(0, (int) Math.round(mean + StrictMath.sqrt(mean) * gaussian()));
        }
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** One element, uniformly. */
    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** One element of {@code items} with probability proportional to its weight. */
    <T> T weighted(List<T> items, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < items.size(); i++) {
            u -= weights[i];
            if (u < 0) {
                return items.get(i);
            }
        }
        return items.get(items.size() - 1);
    }
}
