/**
 * Whole-scene inference: sliding windows, stitching, georeferenced outputs, vessel vectors and the
 * map.
 */
package dev.s2v.inference;
