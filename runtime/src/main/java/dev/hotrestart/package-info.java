/**
 * The public API of hotrestart: {@link dev.hotrestart.HotRestartable}, {@link
 * dev.hotrestart.NoRestart} and {@link dev.hotrestart.HotRestart}. Everything in sub-packages is
 * used by generated code or by the runtime itself and may change between releases.
 */
package dev.hotrestart;
