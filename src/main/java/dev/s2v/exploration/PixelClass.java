package dev.s2v.exploration;

/** The two classes of a dataset's mask, as the charts name them. */
public enum PixelClass {
    /** Everything that is not a vessel: water, land, cloud, wakes. */
    BACKGROUND("background"),
    /** Vessel pixels of the mask. */
    VESSEL("vessel");

    private final String label;

    PixelClass(String label) {
        this.label = label;
    }

    /** The name in charts and tables. */
    public String label() {
        return label;
    }
}
