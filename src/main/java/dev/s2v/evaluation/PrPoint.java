package dev.s2v.evaluation;

/**
 * One point of a precision-recall curve.
 *
 * @param threshold the probability threshold (a pixel is a vessel at or above it)
 * @param recall recall at the threshold
 * @param precision precision at the threshold
 */
public record PrPoint(double threshold, double recall, double precision) {}
