/**
 * Segmentation losses on vessel probabilities (DJL {@code Loss}es) and the factory that builds them
 * from a configured name and parameters.
 */
package dev.s2v.model.loss;
