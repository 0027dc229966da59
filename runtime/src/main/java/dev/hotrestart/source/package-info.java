/** Locating and reading the sources of running classes. */
package dev.hotrestart.source;
