package dev.s2v.inference;

import dev.s2v.raster.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Placeholder until the map branch lands. */
public final class MapPage {
    private MapPage() {}

    public static void write(Path file, MapContent content) throws IOException {
        AtomicFiles.writeString(file, "<html></html>");
    }
}
