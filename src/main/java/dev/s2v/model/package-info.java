/**
 * The segmentation network on DJL's PyTorch engine: the UNET and its Keras-exact transposed
 * convolution, the model folder ({@code model.xml} and weights) with its one loader and writer, and
 * the engine probe.
 */
package dev.s2v.model;
