/**
 * Experiments end to end: data preparation, the training loop with checkpoints, early stopping and
 * learning-rate reduction, curves, and export of the best model.
 */
package dev.s2v.training;
