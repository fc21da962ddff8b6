package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BandwidthRuleTest {
    private static final SortedSample ONE_TO_FIVE = SortedSample.of(1, 2, 3, 4, 5);

    @Test
    void silvermanUsesTheSmallerOfDeviationAndScaledIqr() {
        // s = sqrt(2.5) = 1.5811, IQR / 1.34 = 2 / 1.34 = 1.4925, n^-1/5 = 0.72478.
        assertEquals(0.9 * (2 / 1.34) * Math.pow(5, -0.2), 0.973585, 1e-6);
        assertEquals(0.973585, BandwidthRule.SILVERMAN.bandwidth(ONE_TO_FIVE), 1e-6);
    }

    @Test
    void scottUsesTheDeviation() {
        assertEquals(1.214736, BandwidthRule.SCOTT.bandwidth(ONE_TO_FIVE), 1e-6);
    }

    @Test
    void silvermanFallsBackToTheDeviationWhenMostValuesAreTied() {
        // IQR of {0, 0, 0, 0, 1} is 0; s = sqrt(0.2).
        SortedSample tied = SortedSample.of(0, 0, 0, 0, 1);
        assertEquals(0.291718, BandwidthRule.SILVERMAN.bandwidth(tied), 1e-6);
    }

    @Test
    void noSpreadGivesZero() {
        assertEquals(0, BandwidthRule.SILVERMAN.bandwidth(SortedSample.of(2)));
        assertEquals(0, BandwidthRule.SCOTT.bandwidth(SortedSample.of(2, 2, 2)));
        assertEquals(0, BandwidthRule.SILVERMAN.bandwidth(SortedSample.empty()));
    }

    @Test
    void parsesItsNames() {
        assertEquals(BandwidthRule.SCOTT, BandwidthRule.parse(" Scott"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BandwidthRule.parse("sheather"));
        assertEquals(
                "unknown bandwidth rule 'sheather'; allowed: silverman, scott", e.getMessage());
    }
}
