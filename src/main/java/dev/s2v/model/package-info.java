/** The segmentation network and its engine: DJL on PyTorch (libtorch from Maven Central). */
package dev.s2v.model;
