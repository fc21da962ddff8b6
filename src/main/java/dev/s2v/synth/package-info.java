/**
 * Synthetic Sentinel-2 L1C products with known vessels, for demos, tests and benchmarks: real SAFE
 * layout and georeferencing, a physically stated scene (surface spectra through a simple
 * atmosphere), and labels that are exact by construction.
 *
 * <p>Entry point: {@link dev.s2v.synth.SyntheticProducts#generate}. A scene is planned from its
 * seed (place, date, sun, atmosphere, coast, harbour, distractors, vessels), rendered strip by
 * strip at 10 m, area-averaged to each band's native resolution, and written through {@code
 * raster}.
 */
package dev.s2v.synth;
