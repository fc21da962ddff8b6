package dev.s2v.evaluation;

/**
 * One point of a receiver operating characteristic curve.
 *
 * @param threshold the probability threshold (a pixel is a vessel at or above it)
 * @param falsePositiveRate share of background pixels predicted as vessel
 * @param truePositiveRate share of vessel pixels predicted as vessel (recall)
 */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {}
