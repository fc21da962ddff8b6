package dev.s2v.evaluation;

/**
 * Object scores of one length class.
 *
 * @param bin the length class
 * @param scores true vessels of the class by true length, predicted objects by predicted length
 */
public record LengthBinScores(LengthBin bin, ObjectScores scores) {}
