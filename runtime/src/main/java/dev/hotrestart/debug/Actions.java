package dev.hotrestart.debug;

import dev.hotrestart.reload.Evaluation;
import dev.hotrestart.reload.Evaluator;
import dev.hotrestart.reload.ReloadResult;
import dev.hotrestart.reload.Reloader;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import dev.hotrestart.source.SourceLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the debugger asks of the rest of the runtime. An interface so that tests can run the
 * debugger with fakes while {@link PostMortem} uses the real reloader and evaluator.
 */
interface Actions {

  /**
   * Recompiles and swaps in one method. Should not throw; the debugger treats a throw as an
   * internal error and stays at the prompt.
   *
   * @param slot the method
   * @return what happened
   */
  ReloadResult reload(MethodSlot slot);

  /**
   * Evaluates an expression in the crashed method's scope. Should not throw.
   *
   * @param crash the crash
   * @param expression Java source of an expression
   * @return its value or the error
   */
  Evaluation evaluate(Crash crash, String expression);

  /**
   * The wrapped methods whose source may have changed since they last ran, for {@code
   * -Dhotrestart.reloadAll=true}.
   *
   * @return the slots to reload besides the crashed one
   */
  List<MethodSlot> changedSlots();

  /**
   * The source text of each class's running version, kept for the life of the JVM.
   *
   * @return the store
   */
  SourceSnapshots snapshots();

  /** The real actions: the JVM's {@link Reloader} and {@link Evaluator}. */
  static Actions jvm() {
    return JvmActions.INSTANCE;
  }

  /** The real actions, with the bookkeeping that tells which sources changed. */
  final class JvmActions implements Actions {
    static final JvmActions INSTANCE = new JvmActions();

    /**
     * When each slot last reloaded successfully. A source file modified after that (or, for a slot
     * never reloaded, after the JVM started) may hold edits the running code lacks.
     */
    private final Map<MethodSlot, Instant> reloadedAt = new ConcurrentHashMap<>();

    private final Instant started =
        ProcessHandle.current().info().startInstant().orElse(Instant.EPOCH);

    private final SourceSnapshots snapshots = new SourceSnapshots();

    private JvmActions() {}

    @Override
    public SourceSnapshots snapshots() {
      return snapshots;
    }

    @Override
    public ReloadResult reload(MethodSlot slot) {
      Instant before = Instant.now();
      ReloadResult result = Reloader.shared().reload(slot);
      if (result.succeeded()) {
        reloadedAt.put(slot, before);
      }
      return result;
    }

    @Override
    public Evaluation evaluate(Crash crash, String expression) {
      return Evaluator.shared().evaluate(crash, expression);
    }

    @Override
    public List<MethodSlot> changedSlots() {
      SourceLocator locator = SourceLocator.fromSettings();
      List<MethodSlot> changed = new ArrayList<>();
      for (MethodSlot slot : SlotRegistry.all()) {
        Optional<Path> file = locator.find(slot.declaringClass());
        if (file.isEmpty()) {
          continue;
        }
        Instant since = reloadedAt.getOrDefault(slot, started);
        try {
          if (Files.getLastModifiedTime(file.get()).toInstant().isAfter(since)) {
            changed.add(slot);
          }
        } catch (IOException e) {
          // Unreadable now: the reloader would fail on it too; leave the running code alone.
          System.getLogger(Actions.class.getName())
              .log(System.Logger.Level.DEBUG, "cannot read the time of " + file.get(), e);
        }
      }
      return changed;
    }
  }
}
