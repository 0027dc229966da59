package dev.hotrestart.reload;

import dev.hotrestart.slot.MethodSlot;
import java.util.List;

/**
 * What {@link Reloader#reload} did.
 *
 * @param succeeded whether the running code is what the user asked for: new code swapped in, or
 *     nothing to swap because nothing changed
 * @param message what to tell the user: what was reloaded and how long it took, that nothing
 *     changed, or why nothing was reloaded (javac's diagnostics, the shape change that needs a
 *     restart, the missing file), and saved edits that {@code c} does not apply
 * @param swapped the methods whose code was swapped, with the text each was compiled from; empty
 *     when nothing changed or the reload failed
 */
public record ReloadResult(boolean succeeded, String message, List<Swapped> swapped) {

  /**
   * One method's new code.
   *
   * @param slot the method
   * @param workClass the binary name of the class holding its code now ({@code Foo$HR$m$3}); its
   *     frames, and those of classes nested in it, run {@code text}
   * @param version the method's version after the swap ({@link MethodSlot#version()})
   * @param text the source file's text as compiled
   */
  public record Swapped(MethodSlot slot, String workClass, int version, String text) {}

  /** A canonical result; {@code swapped} is copied. */
  public ReloadResult {
    swapped = List.copyOf(swapped);
  }

  /**
   * A result without swaps: a failure, or a success where nothing changed.
   *
   * @param succeeded whether the running code is what the user asked for
   * @param message what to tell the user
   */
  public ReloadResult(boolean succeeded, String message) {
    this(succeeded, message, List.of());
  }

  /** Whether new code was swapped in. */
  public boolean changed() {
    return !swapped.isEmpty();
  }

  static ReloadResult failure(String message) {
    return new ReloadResult(false, message);
  }
}
