package dev.s2v.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void aFailedWriteLeavesTheOldContentAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("table.csv");
        Files.writeString(file, "old");
        IOException failure = new IOException("disk full");

        IOException thrown =
                assertThrows(
                        IOException.class,
                        () ->
                                AtomicFiles.write(
                                        file,
                                        temporary -> {
                                            Files.writeString(temporary, "half");
                                            throw failure;
                                        }));

        assertSame(failure, thrown);
        assertEquals("old", Files.readString(file));
        try (var left = Files.list(dir)) {
            assertArrayEquals(new Object[] {file}, left.toArray());
        }
    }

    @Test
    void aFailingCleanUpIsSuppressedNotThrownInsteadOfTheFailure() {
        Path file = dir.resolve("table.csv");
        IllegalStateException failure = new IllegalStateException("writer bug");

        // A temporary that became a folder with content cannot be deleted by the clean-up.
        IllegalStateException thrown =
                assertThrows(
                        IllegalStateException.class,
                        () ->
                                AtomicFiles.write(
                                        file,
                                        temporary -> {
                                            Files.createDirectories(temporary.resolve("inner"));
                                            throw failure;
                                        }));

        assertSame(failure, thrown);
        assertEquals(1, thrown.getSuppressed().length);
        assertInstanceOf(DirectoryNotEmptyException.class, thrown.getSuppressed()[0]);
        assertFalse(Files.exists(file));
    }

    @Test
    void aSuccessfulWriteReplacesTheFile() throws IOException {
        Path file = dir.resolve("sub/table.csv");
        AtomicFiles.writeString(file, "one");
        AtomicFiles.writeString(file, "two");
        assertEquals("two", Files.readString(file));
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count());
        }
    }

    @Test
    void stagingClearsWhatKilledRunsLeft() throws IOException, InterruptedException {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path killed =
                Files.createDirectories(dir.resolve(".out.partial-" + finished.pid() + "/tiles"));
        Path otherTag = Files.createDirectories(dir.resolve(".out.eval-" + finished.pid()));

        Path staging = AtomicFiles.stagingFolder(dir.resolve("out"), "partial");

        assertEquals(
                ".out.partial-" + ProcessHandle.current().pid(), staging.getFileName().toString());
        assertFalse(Files.exists(killed.getParent()));
        assertTrue(Files.isDirectory(otherTag));
    }

    @Test
    void aLiveRunBuildingTheSameOutputRefusesTheSecond() throws IOException {
        // What a second s2v process building the same output leaves while it runs.
        long other = ProcessHandle.current().parent().orElseThrow().pid();
        Path running = Files.createDirectories(dir.resolve(".out.partial-" + other));

        OutputBusyException busy =
                assertThrows(
                        OutputBusyException.class,
                        () -> AtomicFiles.stagingFolder(dir.resolve("out"), "partial"));

        assertTrue(busy.getMessage().contains("process " + other), busy.getMessage());
        assertTrue(Files.isDirectory(running));
        try (var left = Files.list(dir)) {
            assertArrayEquals(new Object[] {running}, left.toArray());
        }
    }
}
