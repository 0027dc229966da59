package dev.hotrestart.reload;

import dev.hotrestart.config.Settings;
import dev.hotrestart.slot.ClassStartListener;
import dev.hotrestart.slot.MethodSlot;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Prepares the JVM's {@link Reloader} as each proxied class starts, when {@code c} reloads:
 * registered in {@code META-INF/services/dev.hotrestart.slot.ClassStartListener}.
 */
public final class ReloadPreparation implements ClassStartListener {

  private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

  /** Called by {@link java.util.ServiceLoader}. */
  public ReloadPreparation() {}

  /**
   * Keeps the class's class files as they are now, to tell later edits from the running code,
   * and, for the first class of the JVM, warms javac up.
   */
  @Override
  public void classStarted(MethodSlot first) {
    if (!Settings.reloadOnContinue()) {
      return;
    }
    Reloader.shared().remember(first);
    if (WARMED_UP.compareAndSet(false, true)) {
      // javac's first compile in a JVM takes several hundred ms; pay it now, in the background,
      // not when the user types c.
      Reloader.shared().warmUp(first);
    }
  }
}
