/**
 * The runtime's settings ({@code hotrestart.*} system properties) and facts about the JVM
 * (terminal, start time). A leaf: it uses nothing else of hotrestart, and every other package may
 * use it.
 */
package dev.hotrestart.config;
