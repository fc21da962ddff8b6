package dev.s2v.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * File and folder writes that never leave a half-written result under the final name: content goes
 * to a temporary name in the same folder and is renamed into place.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes a file's content to the path it is given. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @throws IOException when writing fails
         */
        void writeTo(Path file) throws IOException;
    }

    /**
     * Has {@code content} write a temporary file in the target's folder, then renames it over the
     * target; on failure the temporary file is removed and the target left as it was. The failure
     * is what the caller sees: one of the clean-up is only added to it as suppressed.
     *
     * @throws IOException when the content cannot be written or renamed
     */
    public static void write(Path file, Content content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = parent.resolve("." + file.getFileName() + ".partial");
        try {
            content.writeTo(temporary);
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error failure) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanUp) {
                failure.addSuppressed(cleanUp);
            }
            throw failure;
        }
    }

    /**
     * Writes text atomically (see {@link #write}).
     *
     * @throws IOException when the file cannot be written
     */
    public static void writeString(Path file, String text) throws IOException {
        write(file, temporary -> Files.writeString(temporary, text));
    }

    /**
     * A new, empty folder beside {@code target} in which to build it before {@link #replaceFolder}
     * puts it in place: hidden, named after the target and this process, with the permissions any
     * new folder gets (not the owner-only ones of a temporary directory: the result is to be
     * shared). Staging folders of the same target left by runs that were killed (their process no
     * longer exists; this process id too, which can only be a killed earlier run) are removed
     * first. A live process's staging folder means another run is building the same output at this
     * moment: this one is refused rather than racing it to the final rename. The staging folder is
     * made before the others are looked at, so of two runs starting together at least one sees the
     * other.
     *
     * @param tag a word for what is built, e.g. {@code partial}
     * @throws OutputBusyException when another live run is staging the same output
     * @throws IOException when the folder cannot be created
     */
    public static Path stagingFolder(Path target, String tag) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        String prefix = "." + absolute.getFileName() + "." + tag + "-";
        long self = ProcessHandle.current().pid();
        Path staging = absolute.resolveSibling(prefix + self);
        // Only a killed earlier run of this very process id can have left this name.
        deleteRecursively(staging);
        Files.createDirectory(staging);
        try (Stream<Path> siblings = Files.list(absolute.getParent())) {
            for (Path sibling : siblings.toList()) {
                String name = sibling.getFileName().toString();
                if (sibling.equals(staging)
                        || !name.startsWith(prefix)
                        || !name.substring(prefix.length()).matches("[0-9]{1,18}")) {
                    continue;
                }
                long pid = Long.parseLong(name.substring(prefix.length()));
                if (ProcessHandle.of(pid).isPresent()) {
                    throw new OutputBusyException(absolute.toString(), pid);
                }
                deleteRecursively(sibling);
            }
        } catch (IOException | RuntimeException e) {
            discardAfter(staging, e);
            throw e;
        }
        return staging;
    }

    /**
     * Puts a finished folder in place of {@code target}: an existing target is first moved aside,
     * then deleted once the new folder is in place; if the new folder cannot be moved in, the old
     * one is moved back.
     *
     * @throws IOException when a rename or the deletion fails
     */
    public static void replaceFolder(Path finished, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                try {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw e;
        }
        if (old != null) {
            deleteRecursively(old);
        }
    }

    /**
     * Deletes a staging folder after {@code failure}, which stays the exception to report: a
     * failure to delete is added to it as suppressed rather than hiding it.
     */
    public static void discardAfter(Path staging, Exception failure) {
        try {
            deleteRecursively(staging);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Deletes a file or a folder with everything in it; nothing happens when it does not exist.
     *
     * @throws IOException when something cannot be deleted
     */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(
                path,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e)
                            throws IOException {
                        if (e != null) {
                            throw e;
                        }
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }
}
