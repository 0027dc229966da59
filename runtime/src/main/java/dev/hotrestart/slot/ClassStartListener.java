package dev.hotrestart.slot;

/**
 * Told when a class starts running through its proxy: the first slot of a declaring class was
 * created with restarting on. This is where the layers above the slot prepare for a crash or a
 * reload of the class (the source text {@code diff} starts from, the class files a reload compares
 * with, a warm compiler) without the slot knowing them. Implementations are registered in {@code
 * META-INF/services/dev.hotrestart.slot.ClassStartListener} and called in the order listed there.
 */
public interface ClassStartListener {

  /**
   * Called once per declaring class, on the thread initialising its proxy: return quickly and
   * leave slow work (disk, javac) to a background thread.
   *
   * @param first the class's first slot, already registered; {@link MethodSlot#declaringClass()}
   *     is the class
   */
  void classStarted(MethodSlot first);

  /**
   * Called for every slot created with restarting on, after {@link #classStarted} for its class,
   * on the thread initialising the proxy: where the layers above may {@link
   * MethodSlot#replaceOriginal replace the original code} by an equivalent copy. Return quickly.
   *
   * @param slot the slot, already registered
   */
  default void methodStarted(MethodSlot slot) {}
}
