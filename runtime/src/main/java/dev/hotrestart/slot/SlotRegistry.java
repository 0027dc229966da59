package dev.hotrestart.slot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every slot of every loaded proxy, for {@code -Dhotrestart.reloadAll=true}. */
public final class SlotRegistry {

  private static final List<MethodSlot> SLOTS = new CopyOnWriteArrayList<>();

  private SlotRegistry() {}

  static void register(MethodSlot slot) {
    SLOTS.add(slot);
  }

  /** The slots created so far, in creation order. */
  public static List<MethodSlot> all() {
    return new ArrayList<>(SLOTS);
  }
}
