/**
 * The hotrestart annotation processor: generates {@code HotRestart_Foo} proxies and factories
 * for {@code @HotRestartable} classes. Entry point: {@link
 * dev.hotrestart.processor.HotRestartProcessor}; the rest is package-private.
 */
package dev.hotrestart.processor;
