/**
 * Looks at a dataset before training: samples its pixels per class, estimates their reflectance
 * distributions, measures how well each band separates vessels from background, compares each
 * band's classes with those of another dataset when asked, and writes the charts and pages of
 * {@code s2v explore}.
 */
package dev.s2v.exploration;
