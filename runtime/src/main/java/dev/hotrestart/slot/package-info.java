/**
 * The bottom of the restart path: what generated proxies call. A proxy builds one {@link
 * dev.hotrestart.slot.MethodSlot} per wrapped method with {@link
 * dev.hotrestart.slot.MethodSlot#of} and calls its {@link
 * dev.hotrestart.slot.MethodSlot#erasedInvoker()}; on a throw it calls {@link
 * dev.hotrestart.slot.MethodSlot#failed}.
 *
 * <p>Of the runtime this package uses only the public API ({@code dev.hotrestart}). The
 * debugger and the reloader sit above it and register through its service interfaces, {@link
 * dev.hotrestart.slot.CrashHandler} and {@link dev.hotrestart.slot.ClassStartListener}, which
 * {@code Hooks} loads with {@link java.util.ServiceLoader} once restarting is on. {@link
 * dev.hotrestart.slot.Crash} and {@link dev.hotrestart.slot.Outcome} are the data that crosses
 * that line.
 */
package dev.hotrestart.slot;
