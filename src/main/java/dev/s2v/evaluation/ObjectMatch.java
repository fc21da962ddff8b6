package dev.s2v.evaluation;

/**
 * A true vessel and the predicted object matched to it.
 *
 * @param truthIndex index in the list of true objects
 * @param predictedIndex index in the list of predicted objects
 * @param distancePx distance between their centroids, pixels
 */
public record ObjectMatch(int truthIndex, int predictedIndex, double distancePx) {}
