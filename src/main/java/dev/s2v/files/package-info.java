/**
 * Writing files and folders so that no half-written result ever stands under its final name; a leaf
 * that any package may use, with no dependency of its own beyond the JDK.
 */
package dev.s2v.files;
