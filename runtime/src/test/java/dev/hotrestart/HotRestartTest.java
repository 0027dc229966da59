package dev.hotrestart;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hotrestart.config.Settings;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * {@link HotRestart#exit()} is for the rest of the program, so it is tried on a copy of the
 * class in a class loader of its own: the other tests of this JVM keep restarting.
 */
class HotRestartTest {

  @Test
  void enabledBySettingUntilExit() throws Exception {
    URL classes = HotRestart.class.getProtectionDomain().getCodeSource().getLocation();
    String before = System.getProperty(Settings.ENABLED);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      Class<?> copy = loader.loadClass(HotRestart.class.getName());
      Method isEnabled = copy.getMethod("isEnabled");
      System.clearProperty(Settings.ENABLED);
      assertFalse((Boolean) isEnabled.invoke(null), "off outside hotrestart:run");
      System.setProperty(Settings.ENABLED, "true");
      assertTrue((Boolean) isEnabled.invoke(null));
      copy.getMethod("exit").invoke(null);
      assertFalse((Boolean) isEnabled.invoke(null), "exit() turns it off for good");
    } finally {
      if (before == null) {
        System.clearProperty(Settings.ENABLED);
      } else {
        System.setProperty(Settings.ENABLED, before);
      }
    }
  }
}
