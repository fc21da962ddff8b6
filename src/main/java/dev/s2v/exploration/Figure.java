package dev.s2v.exploration;

/**
 * One chart of an exploration, as its pages show it.
 *
 * @param file the file name without extension (a PNG and an SVG exist under it)
 * @param title the heading
 * @param caption a sentence or two on what it shows and how to read it
 */
public record Figure(String file, String title, String caption) {}
