package dev.s2v.inference;

/** Placeholder until the map branch lands. */
public record MapLayer(
        String name, byte[] png, double south, double west, double north, double east) {}
