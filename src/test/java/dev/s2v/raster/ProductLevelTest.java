package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProductLevelTest {
    @Test
    void parsesTheKeysInAnyCase() {
        assertEquals(ProductLevel.L1C, ProductLevel.parse("L1C"));
        assertEquals(ProductLevel.L2A, ProductLevel.parse(" l2a "));
        assertEquals("L2A", ProductLevel.L2A.key());
    }

    @Test
    void anUnknownLevelNamesTheAllowedOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ProductLevel.parse("L3"));
        assertTrue(e.getMessage().contains("'L3'; allowed: L1C, L2A"), e.getMessage());
    }

    @Test
    void productIdsNameTheLevel() {
        Sentinel2ProductWriter.ProductSpec spec = TestProducts.spec("05.09", 30, 26);
        String l1c = spec.productId();
        assertTrue(
                l1c.matches("S2[AB]_MSIL1C_\\d{8}T\\d{6}_N0509_R\\d{3}_T\\w{5}_\\d{8}T\\d{6}"),
                l1c);
        assertEquals(l1c, spec.productId(ProductLevel.L1C));
        assertEquals(l1c.replace("_MSIL1C_", "_MSIL2A_"), spec.productId(ProductLevel.L2A));
    }
}
