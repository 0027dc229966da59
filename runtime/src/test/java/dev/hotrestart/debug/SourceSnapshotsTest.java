package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.slot.MethodSlot;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which text is the baseline of {@code diff} at a class's first crash. */
class SourceSnapshotsTest {

  private static final SourceSnapshots.Snapshot AT_START =
      new SourceSnapshots.Snapshot("start", LocalTime.of(14, 2, 0), SourceSnapshots.AT_START_UP);

  @Test
  void theStartUpTextWinsOverTheTextAtTheCrashAndIsNotReadAgain() throws Exception {
    MethodSlot slot = new Fixture().slot();
    AtomicInteger reads = new AtomicInteger();
    SourceSnapshots snapshots = new SourceSnapshots(type -> Optional.of(AT_START));

    snapshots.recordFirstCrash(slot, () -> Optional.of("now " + reads.incrementAndGet()));
    snapshots.recordFirstCrash(slot, () -> Optional.of("now " + reads.incrementAndGet()));

    assertEquals(AT_START, snapshots.get(slot.declaringClass()).orElseThrow());
    assertEquals(0, reads.get(), "the file now is not needed");
    assertEquals("at start-up, 14:02:00", AT_START.describe(), "seconds even when they are 0");
  }

  @Test
  void withoutAStartUpTextTheBaselineIsTheTextAtTheFirstCrash() throws Exception {
    MethodSlot slot = new Fixture().slot();
    SourceSnapshots snapshots = new SourceSnapshots(type -> Optional.empty());

    snapshots.recordFirstCrash(slot, () -> Optional.of("first"));
    snapshots.recordFirstCrash(slot, () -> Optional.of("second"));

    SourceSnapshots.Snapshot baseline = snapshots.get(slot.declaringClass()).orElseThrow();
    assertEquals("first", baseline.text());
    assertEquals(SourceSnapshots.AT_FIRST_CRASH, baseline.when());
  }

  /** Reloaded while another class's prompt was open ({@code reloadAll}): start-up is stale. */
  @Test
  void aMethodAlreadyReloadedStartsFromTheTextAtTheCrash() throws Exception {
    Fixture fixture = new Fixture();
    MethodSlot slot = fixture.slot();
    slot.swap(fixture.fixedParse());
    SourceSnapshots snapshots = new SourceSnapshots(type -> Optional.of(AT_START));

    snapshots.recordFirstCrash(slot, () -> Optional.of("now"));

    SourceSnapshots.Snapshot baseline = snapshots.get(slot.declaringClass()).orElseThrow();
    assertEquals("now", baseline.text());
    assertEquals(SourceSnapshots.AT_FIRST_CRASH, baseline.when());
  }

  @Test
  void aReloadReplacesTheBaseline() throws Exception {
    MethodSlot slot = new Fixture().slot();
    SourceSnapshots snapshots = new SourceSnapshots(type -> Optional.of(AT_START));
    snapshots.recordFirstCrash(slot, Optional::empty);

    snapshots.recordReload(
        List.of(new ReloadResult.Swapped(slot, "demo.Report$HR$parse$1", slot.version(), "compiled")));

    SourceSnapshots.Snapshot baseline = snapshots.running(slot).orElseThrow();
    assertEquals("compiled", baseline.text());
    assertEquals(SourceSnapshots.AT_RELOAD, baseline.when());
  }
}
