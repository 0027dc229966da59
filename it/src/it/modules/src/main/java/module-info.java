module app {
  requires dev.hotrestart.runtime;
}
