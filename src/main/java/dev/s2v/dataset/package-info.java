/**
 * Training data: labelled products cut into tiles with scene- or block-wise splits, class
 * statistics, and the dataset folder format every later step reads.
 */
package dev.s2v.dataset;
