/**
 * Scoring of vessel segmentations on plain arrays: pixel and object metrics streamed over tiles,
 * the threshold chosen on validation only, simple baselines, and the evaluation report.
 */
package dev.s2v.evaluation;
