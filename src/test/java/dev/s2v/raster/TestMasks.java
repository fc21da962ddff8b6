package dev.s2v.raster;

/** Masks drawn as text for tests: 'X' is foreground (1), anything else background (0). */
public final class TestMasks {
    private TestMasks() {}

    /** A row-major mask from rows of equal length. */
    public static byte[] draw(String... rows) {
        int width = rows[0].length();
        byte[] mask = new byte[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length() != width) {
                throw new IllegalArgumentException("row " + r + " is not " + width + " wide");
            }
            for (int c = 0; c < width; c++) {
                mask[r * width + c] = (byte) (rows[r].charAt(c) == 'X' ? 1 : 0);
            }
        }
        return mask;
    }
}
