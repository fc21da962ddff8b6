package dev.s2v.dataset;

import dev.s2v.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code manifest.csv}: one line per tile, the index every later step reads tiles through. */
final class Manifest {
    /** The file name in a dataset folder. */
    static final String FILE = "manifest.csv";

    private Manifest() {}

    /**
     * Writes the manifest atomically.
     *
     * @throws IOException when it cannot be written
     */
    static void write(Path file, List<TileRecord> records) throws IOException {
        StringBuilder text = new StringBuilder(TileRecord.HEADER).append('\n');
        for (TileRecord record : records) {
            text.append(record.toCsv()).append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /**
     * Reads a manifest.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed line
     * @throws IOException when it cannot be read
     */
    static List<TileRecord> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).strip().equals(TileRecord.HEADER)) {
            throw new IllegalArgumentException(
                    file + ": line 1 must be the header " + TileRecord.HEADER);
        }
        List<TileRecord> records = new ArrayList<>(lines.size() - 1);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                records.add(TileRecord.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        file + ": line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return records;
    }
}
