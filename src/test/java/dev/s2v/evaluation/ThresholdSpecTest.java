package dev.s2v.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdSpecTest {

    @ParameterizedTest
    @ValueSource(strings = {"auto", " AUTO ", "Auto"})
    void autoInAnyCase(String text) {
        assertEquals(new ThresholdSpec.Auto(), ThresholdSpec.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.35", "0.35000", " .35", "3.5e-1"})
    void aProbabilityIsFixedOnTheGrid(String text) {
        assertEquals(new ThresholdSpec.Fixed(new Threshold(3500)), ThresholdSpec.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "-0.2", "1.5", "NaN", "half", ""})
    void anythingElseIsRefusedInOneLine(String text) {
        assertEquals(
                "the threshold must be auto or a probability between 0 and 1 (exclusive), got '"
                        + text
                        + "'",
                assertThrows(IllegalArgumentException.class, () -> ThresholdSpec.parse(text))
                        .getMessage());
    }
}
