/**
 * Synthetic Sentinel-2 scenes with known vessels, for demos, tests, benchmarks and pre-training:
 * L1C products in the real SAFE layout, or L2A surface-reflectance band stacks laid out as the real
 * sen2ships stacks are; real georeferencing, a physically stated scene (surface spectra through a
 * simple atmosphere), and labels that are exact by construction.
 *
 * <p>Entry point: {@link dev.s2v.synth.SyntheticProducts#generate}. A scene is planned from its
 * seed (place, date, sun, atmosphere, coast, harbour, distractors, vessels), rendered strip by
 * strip at 10 m, area-averaged to each band's native resolution, and written through {@code
 * raster}. An L2A scene draws its look (water, glint, haze residue, smoothing, vessel paint) from
 * the same seed, is rendered through what an atmospheric correction leaves, and is brought onto the
 * 10 m grid as the sen2ships processing did.
 */
package dev.s2v.synth;
