package dev.hotrestart.reload;

import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import dev.hotrestart.source.SourceLocator;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Recompiles the source of a wrapped method and swaps the new code into its slot.
 *
 * <p>The whole file is compiled in memory against the running class path and must keep the
 * running class's shape ({@link Recompiler}); the edited method, with what it needs, moves into a
 * new class beside the running one ({@link Transplant}), defined through the running class's
 * private lookup ({@link Definer}); then the slot points at it. Each step can refuse, and a
 * refusal leaves the running code as it was. Reloads are serialised. {@link ChangeTracker} keeps
 * what runs now, for {@link #reloadChanged}.
 */
public final class Reloader {

  private static final System.Logger LOG = System.getLogger(Reloader.class.getName());

  private static final Reloader SHARED = new Reloader(SourceLocator.fromSettings());
  private static final AtomicInteger WORK_CLASSES = new AtomicInteger();

  private final ChangeTracker tracker = new ChangeTracker();
  private final Recompiler recompiler;
  private final Unapplied unapplied;
  private final PlainClasses plainClasses;

  /**
   * A reloader reading sources from {@code sources}; the JVM normally uses {@link #shared()}.
   *
   * @param sources where the sources of running classes are
   */
  public Reloader(SourceLocator sources) {
    this.recompiler = new Recompiler(sources, tracker);
    this.plainClasses = new PlainClasses(recompiler);
    this.unapplied = new Unapplied(tracker, sources, plainClasses);
  }

  /** The reloader of this JVM, reading the source roots of {@code -Dhotrestart.sourceRoots}. */
  public static Reloader shared() {
    return SHARED;
  }

  /** The source roots this reloader reads. */
  public SourceLocator sources() {
    return recompiler.sources();
  }

  /** How this reloader compiles, shared with the {@link Evaluator}. */
  Recompiler recompiler() {
    return recompiler;
  }

  /**
   * Recompiles the file that declares {@code slot}'s method and, if it compiles and the class
   * keeps its shape, swaps the edited method in. Never throws: every failure is a result, and a
   * failure leaves the running code as it was.
   *
   * @param slot the method to reload
   * @return what happened, to show the user
   */
  public ReloadResult reload(MethodSlot slot) {
    return reload(List.of(slot));
  }

  /**
   * Reloads several methods; those of one class are compiled once and swapped together. A class
   * whose file was not saved since its running code was compiled is not compiled, and a method
   * whose compiled code equals its running code is not swapped: it keeps its version.
   *
   * @param slots the methods to reload
   * @return what happened, one line per class, and the saved edits it does not apply
   */
  public synchronized ReloadResult reload(Collection<MethodSlot> slots) {
    Map<Class<?>, List<MethodSlot>> byClass = new LinkedHashMap<>();
    for (MethodSlot slot : slots) {
      byClass.computeIfAbsent(slot.declaringClass(), c -> new ArrayList<>()).add(slot);
    }
    if (slots.isEmpty()) {
      return new ReloadResult(true, "");
    }
    return reload(slots.iterator().next(), byClass, Set.copyOf(slots), false);
  }

  /**
   * What {@code c} does unless {@code -Dhotrestart.reloadAll=false}: recompiles the file of every
   * class with wrapped methods that was modified since it last ran, and swaps in each wrapped
   * method whose code differs from the running code, {@code crashed} included; with the Java
   * agent, also every other saved source file of the program, whose classes are redefined ({@link
   * PlainClasses}). Every file is compiled and checked before anything is swapped or redefined,
   * so one broken file changes nothing anywhere.
   *
   * @param crashed the method the user is continuing
   * @param candidates the methods that may have changed: normally {@link SlotRegistry#all()}
   * @return what happened, one line per class
   */
  public synchronized ReloadResult reloadChanged(
      MethodSlot crashed, Collection<MethodSlot> candidates) {
    Map<Class<?>, List<MethodSlot>> byClass = new LinkedHashMap<>();
    byClass.put(crashed.declaringClass(), new ArrayList<>(List.of(crashed)));
    for (MethodSlot slot : candidates) {
      if (slot == crashed) {
        continue;
      }
      byClass.computeIfAbsent(slot.declaringClass(), c -> new ArrayList<>()).add(slot);
    }
    return reload(crashed, byClass, Set.of(crashed), true);
  }

  /**
   * Compiles each class whose file changed, swaps in the methods whose code changed, and says
   * what it did and which saved edits it leaves out.
   *
   * @param crashed the method the user continues
   * @param byClass the methods to consider, by class
   * @param required the methods asked for: a missing source is an error, and no change is said
   *     (the others are skipped then)
   * @param everything whether the program's other saved files are applied too (classes without
   *     wrapped methods, redefined through the Java agent)
   */
  private ReloadResult reload(
      MethodSlot crashed,
      Map<Class<?>, List<MethodSlot>> byClass,
      Set<MethodSlot> required,
      boolean everything) {
    Map<Class<?>, Recompiler.Compiled> compiled = new LinkedHashMap<>();
    Map<Class<?>, List<MethodSlot>> changed = new LinkedHashMap<>();
    List<MethodSlot> unchanged = new ArrayList<>();
    List<String> notApplied = new ArrayList<>();
    List<Path> handled = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<PlainClasses.Prepared> redefinedConstructors = new ArrayList<>();
    List<NewStatics.Start> statics = new ArrayList<>();
    Map<Class<?>, List<String>> newMethods = new LinkedHashMap<>();
    Map<MethodSlot, FileTime> appliedOnSuccess = new LinkedHashMap<>();
    String advice = null;
    NewMethods.discard(); // what an interrupted reload left
    for (Map.Entry<Class<?>, List<MethodSlot>> entry : byClass.entrySet()) {
      Class<?> running = entry.getKey();
      boolean isRequired = entry.getValue().stream().anyMatch(required::contains);
      try {
        if (!isRequired && recompiler.sources().find(running).isEmpty()) {
          continue; // no source to reload from
        }
        Path file = recompiler.sourceFile(running);
        handled.add(file);
        List<MethodSlot> stale = new ArrayList<>();
        for (MethodSlot slot : entry.getValue()) {
          if (tracker.modifiedSince(slot, file)) {
            stale.add(slot);
          } else if (required.contains(slot)) {
            // Not saved since its running code was compiled: nothing to compile for it.
            unchanged.add(slot);
          }
        }
        if (stale.isEmpty()) {
          continue;
        }
        Recompiler.Compiled result = recompiler.compile(running, names(stale));
        statics.addAll(NewStatics.prepare(recompiler, running, result, notApplied));
        List<String> moving = declareNewMethods(running, result);
        List<MethodSlot> swapping = new ArrayList<>();
        for (MethodSlot slot : stale) {
          String key = key(slot);
          String now = Fingerprint.of(result.edited(), key, result.output().classes(), running);
          if (now == null || !now.equals(tracker.running(slot, key))) {
            swapping.add(slot);
          } else {
            if (moving.isEmpty()) {
              tracker.applied(slot, result.modified());
            } else {
              // The file holds new methods too: it counts as applied only if they are.
              appliedOnSuccess.put(slot, result.modified());
            }
            if (required.contains(slot)) {
              unchanged.add(slot);
            }
          }
        }
        PlainClasses.Prepared constructors =
            usesNewFields(swapping, moving) ? plainClasses.constructors(running, result) : null;
        if (constructors != null) {
          redefinedConstructors.add(constructors);
        }
        notApplied.addAll(unapplied.inClass(running, result, swapping, constructors != null));
        compiled.put(running, result);
        changed.put(running, swapping);
        newMethods.put(running, moving);
      } catch (ReloadRefusal refusal) {
        problems.add(refusal.getMessage());
        advice = advice == null ? refusal.advice() : advice;
      } catch (RuntimeException | LinkageError e) {
        problems.add(internalError(running, e));
      }
    }
    List<String> movedLines = new ArrayList<>();
    for (Map.Entry<Class<?>, List<String>> entry : newMethods.entrySet()) {
      try {
        if (!entry.getValue().isEmpty()) {
          movedLines.add(moveNewMethods(entry.getKey(), compiled.get(entry.getKey()), entry.getValue()));
        }
      } catch (ReloadRefusal refusal) {
        problems.add(refusal.getMessage());
      } catch (RuntimeException | LinkageError e) {
        problems.add(internalError(entry.getKey(), e));
      }
    }
    PlainClasses.Scan plain = null;
    if (everything && Redefiner.instrumentation().isPresent()) {
      plain =
          plainClasses.prepare(
              plainClasses.savedFiles(
                  recompiler.sources().roots(), handled, crashed.declaringClass().getClassLoader()),
              crashed.declaringClass().getClassLoader());
      handled.addAll(plain.handled());
      problems.addAll(plain.problems());
      statics.addAll(plain.statics());
      notApplied.addAll(plain.notApplied());
    }
    notApplied.addAll(unapplied.elsewhere(crashed.declaringClass(), handled));
    if (!problems.isEmpty()) {
      problems.addAll(notApplied);
      problems.add(
          "hotrestart: nothing was reloaded"
              + (byClass.size() > 1 || handled.size() > 1 ? ", in any class" : "")
              + "; the old code is still running. "
              + (advice != null
                  ? advice
                  : "Fix it and type c again, or r to raise the exception."));
      NewMethods.discard();
      return ReloadResult.failure(String.join("\n", problems));
    }
    List<String> messages = new ArrayList<>();
    // Before any new code can run, a new static field's initializer included: it links its calls
    // of new methods on first use.
    Runnable undoNewMethods = NewMethods.commit();
    try {
      NewStatics.run(statics); // before anything applies: a throw changes nothing
    } catch (ReloadRefusal refusal) {
      undoNewMethods.run();
      return ReloadResult.failure(
          refusal.getMessage()
              + "\nhotrestart: nothing was reloaded, in any class; the old code is still running. "
              + refusal.advice());
    }
    if (plain != null || !redefinedConstructors.isEmpty()) {
      // First, and in one call: the JVM redefines every plain class or none, and nothing was
      // swapped yet if it refuses.
      List<PlainClasses.Prepared> redefining = new ArrayList<>(redefinedConstructors);
      if (plain != null) {
        redefining.addAll(plain.prepared());
      }
      try {
        plainClasses.apply(redefining);
      } catch (ReloadRefusal refusal) {
        NewStatics.undo(statics);
        undoNewMethods.run();
        return ReloadResult.failure(
            refusal.getMessage()
                + "\nhotrestart: nothing was reloaded, in any class; the old code is still running."
                + " Fix it and type c again, or r to raise the exception.");
      }
      if (plain != null) {
        plain.unchanged().forEach(plainClasses::done);
        plain.prepared().forEach(p -> messages.add(p.message()));
      }
    }
    appliedOnSuccess.forEach(tracker::applied);
    ReloadResult applied = applyAll(compiled, changed, newMethods);
    if (!applied.message().isEmpty()) {
      messages.add(applied.message());
    }
    messages.addAll(movedLines);
    redefinedConstructors.forEach(p -> messages.add(p.message()));
    boolean otherCode =
        applied.changed()
            || !movedLines.isEmpty()
            || (plain != null && !plain.prepared().isEmpty())
            || !redefinedConstructors.isEmpty();
    unchanged.forEach(slot -> messages.add(unchanged(slot, otherCode)));
    messages.addAll(notApplied);
    return new ReloadResult(
        applied.succeeded(), String.join("\n", messages), applied.swapped());
  }

  /**
   * Declares the new non-private methods of a wrapped class's compiled edit ({@link NewMethods}),
   * so that code of every file of this reload can call them, and returns those whose code is not
   * the copy already moved: they move, with {@link #moveNewMethods}.
   */
  private static List<String> declareNewMethods(Class<?> running, Recompiler.Compiled compiled) {
    List<String> moving = new ArrayList<>();
    for (String key : NewMethods.added(compiled.edited(), running)) {
      NewMethods.declare(running, key);
      NewMethods.Copy now = NewMethods.published(running, key);
      String code = Fingerprint.of(compiled.edited(), key, compiled.output().classes(), running);
      if (now == null || code == null || !code.equals(now.fingerprint())) {
        moving.add(key);
      }
    }
    return moving;
  }

  /**
   * Moves the new methods {@code keys} of a wrapped class into a work class of their own, where
   * every reloaded class's calls reach them ({@link NewMethods}), and says so.
   *
   * @throws ReloadRefusal if their code uses what the running program lacks
   */
  private static String moveNewMethods(Class<?> running, Recompiler.Compiled compiled, List<String> keys)
      throws ReloadRefusal {
    // A fresh read: the slots' transplant consumes the edited class's method nodes.
    ClassNode edited =
        ClassFiles.read(compiled.output().classes().get(running.getName()));
    Map<String, String> fingerprints = new HashMap<>();
    Map<String, Boolean> statics = new HashMap<>();
    List<String> described = new ArrayList<>();
    for (MethodNode method : edited.methods) {
      String key = method.name + method.desc;
      if (keys.contains(key)) {
        fingerprints.put(key, Fingerprint.of(edited, key, compiled.output().classes(), running));
        statics.put(key, (method.access & Opcodes.ACC_STATIC) != 0);
        if ((method.access & Opcodes.ACC_BRIDGE) == 0) {
          described.add(Unapplied.member(running.getName(), method));
        }
      }
    }
    String first = keys.get(0);
    Transplant.Result transplant =
        Transplant.build(
            compiled.output().classes(),
            running,
            edited,
            keys,
            workClassName(running, first.substring(0, first.indexOf('('))));
    Map<String, MethodHandle> handles = Definer.define(running, transplant);
    for (String key : keys) {
      NewMethods.moved(
          running, key, new NewMethods.Copy(handles.get(key), statics.get(key), fingerprints.get(key)));
    }
    return "hotrestart: reloaded the new method"
        + (described.size() == 1 ? " " : "s ")
        + String.join(", ", described)
        + " from "
        + compiled.file().getFileName()
        + " (moved beside the running class; calls from every reloaded class reach "
        + (described.size() == 1 ? "it" : "them")
        + ")";
  }

  /**
   * Says that {@code slot} keeps its code; "nothing reloaded" only when the reload changed no
   * other code either.
   */
  private static String unchanged(MethodSlot slot, boolean otherCode) {
    return "hotrestart: no change to "
        + slot.describe()
        + " since its running code ("
        + (slot.version() == 0 ? "the original" : "version " + slot.version())
        + (otherCode ? "), which it keeps" : "); nothing reloaded");
  }

  /**
   * Whether a class's changed code may use its new fields, which then need their constructors
   * redefined and their start said: a swapped method, or a new method that moves.
   */
  private static boolean usesNewFields(List<MethodSlot> swapping, List<String> moving) {
    return !swapping.isEmpty() || !moving.isEmpty();
  }

  /**
   * Swaps in each class's compiled edit; all of them compiled and passed their checks. A class
   * with nothing to swap counts as applied: its file's text is what runs. Each class whose
   * changed code may use its new fields, swapped or new methods that moved ({@code newMethods}),
   * says how they start, after its swap's line; one that only adds methods has no swap line.
   */
  private ReloadResult applyAll(
      Map<Class<?>, Recompiler.Compiled> compiled,
      Map<Class<?>, List<MethodSlot>> slots,
      Map<Class<?>, List<String>> newMethods) {
    List<String> messages = new ArrayList<>();
    List<ReloadResult.Swapped> swapped = new ArrayList<>();
    boolean allSucceeded = true;
    for (Map.Entry<Class<?>, List<MethodSlot>> entry : slots.entrySet()) {
      Class<?> running = entry.getKey();
      Recompiler.Compiled result = compiled.get(running);
      try {
        // Before the swap: swapped code that runs makes objects and the fields' tables, which
        // the line would count as existing objects and fields in use.
        String newFields =
            usesNewFields(entry.getValue(), newMethods.get(running))
                ? NewFields.startLine(running, NewFields.added(result.edited(), running))
                : null;
        if (!entry.getValue().isEmpty()) {
          messages.add(apply(running, result, entry.getValue(), swapped));
        }
        if (newFields != null) {
          messages.add(newFields);
        }
        for (MethodSlot slot : entry.getValue()) {
          tracker.applied(slot, result.modified());
        }
      } catch (ReloadRefusal refusal) {
        allSucceeded = false;
        messages.add(refusal.getMessage());
        messages.add(
            "hotrestart: "
                + entry.getKey().getName()
                + " was not reloaded; its old code is still running. "
                + (refusal.advice() != null
                    ? refusal.advice()
                    : "Fix it and type c again, or r to raise the exception."));
      } catch (RuntimeException | LinkageError e) {
        allSucceeded = false;
        messages.add(internalError(entry.getKey(), e));
      }
    }
    return new ReloadResult(allSucceeded, String.join("\n", messages), swapped);
  }

  private static String internalError(Class<?> running, Throwable e) {
    return "hotrestart: internal error while reloading "
        + running.getName()
        + ", nothing was swapped: "
        + e;
  }

  private static Set<String> names(List<MethodSlot> slots) {
    return slots.stream().map(MethodSlot::methodName).collect(Collectors.toSet());
  }

  /** A fresh name for a work class beside {@code running}, after the first method it holds. */
  static String workClassName(Class<?> running, String methodName) {
    return Type.getInternalName(running) + "$HR$" + methodName + "$" + WORK_CLASSES.incrementAndGet();
  }

  static String key(MethodSlot slot) {
    return slot.methodName() + slot.methodType().toMethodDescriptorString();
  }

  /**
   * Transplants, defines and swaps in one class's compiled edit of {@code slots}, and says what
   * it did and how long each step took (the steps at DEBUG).
   *
   * @throws ReloadRefusal if the new code cannot be moved or defined; nothing is swapped then
   */
  String apply(Class<?> running, Recompiler.Compiled compiled, List<MethodSlot> slots)
      throws ReloadRefusal {
    return apply(running, compiled, slots, new ArrayList<>());
  }

  private String apply(
      Class<?> running,
      Recompiler.Compiled compiled,
      List<MethodSlot> slots,
      List<ReloadResult.Swapped> swapped)
      throws ReloadRefusal {
    List<String> roots = new ArrayList<>();
    for (MethodSlot slot : slots) {
      roots.add(key(slot));
    }
    // Fingerprints first: the transplant consumes the edited class's method nodes.
    Map<MethodSlot, String> fingerprints = new HashMap<>();
    for (MethodSlot slot : slots) {
      fingerprints.put(slot, fingerprintOfSwapped(compiled, slot));
    }
    String name = workClassName(running, slots.get(0).methodName());
    long transplantStart = System.nanoTime();
    Transplant.Result transplant =
        Transplant.build(compiled.output().classes(), running, compiled.edited(), roots, name);
    long defineStart = System.nanoTime();
    Map<String, MethodHandle> handles = Definer.define(running, transplant);
    long swapStart = System.nanoTime();
    for (MethodSlot slot : slots) {
      slot.swap(handles.get(key(slot)));
      tracker.swapped(slot, fingerprints.get(slot));
      swapped.add(
          new ReloadResult.Swapped(
              slot, name.replace('/', '.'), slot.version(), compiled.text()));
    }
    long end = System.nanoTime();
    long start = compiled.start();
    long total = (end - start) / 1_000_000;
    LOG.log(
        System.Logger.Level.DEBUG,
        () ->
            String.format(
                Locale.ROOT,
                "reloaded %s as %s: %.1f ms in all; javac %d ms, shape check %.1f ms,"
                    + " transplant %.1f ms, define and link %.1f ms, swap %.1f ms",
                slots,
                name,
                (end - start) / 1e6,
                compiled.output().millis(),
                (transplantStart - start) / 1e6 - compiled.output().millis(),
                (defineStart - transplantStart) / 1e6,
                (swapStart - defineStart) / 1e6,
                (end - swapStart) / 1e6));
    return "hotrestart: reloaded "
        + slots.stream().map(MethodSlot::describe).collect(Collectors.joining(", "))
        + " from "
        + compiled.file().getFileName()
        + " in "
        + total
        + " ms (javac "
        + compiled.output().millis()
        + " ms)";
  }

  /**
   * The fingerprint to remember for code about to be swapped in. It is bookkeeping for {@link
   * #reloadChanged} only, so a failure to compute it must not refuse the reload: the code then
   * counts as changed next time, and is reloaded again, which is harmless.
   */
  private static String fingerprintOfSwapped(Recompiler.Compiled compiled, MethodSlot slot) {
    try {
      String fingerprint =
          Fingerprint.of(
              compiled.edited(), key(slot), compiled.output().classes(), slot.declaringClass());
      return fingerprint == null ? ChangeTracker.UNKNOWN : fingerprint;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot fingerprint " + slot.describe(), e);
      return ChangeTracker.UNKNOWN;
    }
  }

  /**
   * Keeps the class file of {@code slot}'s class as it is now, so that {@link #reloadChanged}
   * can tell later edits from the running code even after an IDE recompiles the class file on
   * disk. Called when a proxy is created with restarting enabled.
   *
   * @param slot a slot of a proxy being initialised
   */
  public void remember(MethodSlot slot) {
    tracker.original(slot.declaringClass());
  }

  /**
   * Warms javac up in the background so that the first reload is fast: a tiny class first, then
   * the source file of {@code example}'s class, pruned as a reload of it would be, which loads
   * the parts of javac that real code needs and reads the jars of the class path. The results
   * are thrown away.
   *
   * @param example a method that may be reloaded later
   */
  public void warmUp(MethodSlot example) {
    recompiler.warmUp(example.declaringClass(), example.methodName());
  }
}
