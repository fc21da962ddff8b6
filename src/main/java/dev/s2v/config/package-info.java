/** Immutable configuration records, their YAML loading and validation, and build information. */
package dev.s2v.config;
