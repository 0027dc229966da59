/**
 * Locating and reading the sources of running classes: which file declares a class ({@link
 * dev.hotrestart.source.SourceLocator}) and where a class or method sits in a file's text ({@link
 * dev.hotrestart.source.SourceTrees}, javac's tree API). Uses only {@code config}: methods are
 * named by class, name and type, so that the debugger and the reloader share it without it
 * knowing slots.
 */
package dev.hotrestart.source;
