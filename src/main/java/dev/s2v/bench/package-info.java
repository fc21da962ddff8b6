/** Benchmarks of s2v's hot paths, run as {@code s2v bench ...} rather than as timed tests. */
package dev.s2v.bench;
