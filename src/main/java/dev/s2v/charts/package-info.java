/** Chart conventions shared by every figure s2v writes: palette, fonts, size, atomic PNG/SVG. */
package dev.s2v.charts;
