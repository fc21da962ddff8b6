/** The {@code s2v} command line: thin picocli commands that parse arguments and call the domain. */
package dev.s2v.cli;
