package dev.hotrestart.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The count of existing objects a reload line gives for a new field. */
class ObjectCountsTest {

  /** A class only this test makes objects of. */
  static class Counted {}

  /** A subclass, as a wrapped class's proxy is: its objects count as the class's. */
  static final class Sub extends Counted {}

  private final long limit = ObjectCounts.maxUsedHeap;

  @AfterEach
  void restore() {
    ObjectCounts.maxUsedHeap = limit;
  }

  @Test
  void countsTheLiveObjectsOfTheClassAndItsSubclasses() throws Exception {
    ObjectCounts.maxUsedHeap = Long.MAX_VALUE;
    List<Object> live = new ArrayList<>();
    live.add(new Counted());
    live.add(new Counted());
    live.add(new Sub());
    for (int i = 0; i < 50; i++) {
      new Counted(); // garbage: the histogram collects it first
    }
    assertEquals(3, ObjectCounts.count(Counted.class));
    assertEquals("the 3 existing objects", ObjectCounts.existing(Counted.class));
    live.remove(2);
    live.remove(1);
    assertEquals("the 1 existing object", ObjectCounts.existing(Counted.class));
    assertEquals(1, live.size());
  }

  @Test
  void aLargeHeapIsNotCountedAndTheLineSaysSo() {
    ObjectCounts.maxUsedHeap = 0;
    assertEquals("objects made before this reload", ObjectCounts.existing(Counted.class));
  }
}
