/** Swappable method implementations, called by generated proxies. */
package dev.hotrestart.slot;
