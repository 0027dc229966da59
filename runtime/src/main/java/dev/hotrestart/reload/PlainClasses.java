package dev.hotrestart.reload;

import dev.hotrestart.config.Jvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Reloads source files of the program whose classes have no wrapped method, through the JDK's
 * {@link Instrumentation#redefineClasses} (the runtime jar is the program's Java agent, {@link
 * Redefiner}). Only classes loaded from a directory of the class path (the project's output
 * directories) whose source is in the source roots are ever redefined: never a class of the JDK
 * or of a dependency jar.
 *
 * <p>An edit that keeps every class's members as they run (method bodies only) redefines the
 * classes with the new class files, as IDE HotSwap does. An edit the JVM would refuse to
 * redefine, a new lambda or private helper, still applies: each changed method moves into a work
 * class beside the running one, as a wrapped method's reload does ({@link Transplant}), and the
 * running class is redefined with the old members whose changed bodies call the moved copies.
 * A new field lives in a side table ({@link NewFields}) and a new non-private method moves beside
 * the class ({@link NewMethods}). Changes no running JVM can take (a removed or retyped field or
 * method, a new constructor, the superclass) are refused before anything changes, naming the
 * member.
 */
final class PlainClasses {

  private static final System.Logger LOG = System.getLogger(PlainClasses.class.getName());
  private static final String LAMBDAS = "java/lang/invoke/LambdaMetafactory";

  /**
   * One file ready to apply: the classes to redefine and what to say.
   *
   * @param file the source file
   * @param modified its modification time, read before it was compiled
   * @param definitions the classes to redefine, with their new class files
   * @param running the code each class runs once redefined, by class, as compiled from the file
   * @param message the reload line
   */
  record Prepared(
      Path file,
      FileTime modified,
      List<ClassDefinition> definitions,
      Map<Class<?>, byte[]> actual,
      Map<Class<?>, byte[]> running,
      String message) {}

  /**
   * What the plain files saved since they last ran come to.
   *
   * @param prepared the files to apply
   * @param handled the files compiled, whether they changed anything or not
   * @param problems why a file cannot be applied; any one blocks the whole reload
   * @param notApplied the parts of an applied file left out, one line each
   * @param unchanged files that compiled to the code that runs
   * @param statics the starts of the new static fields, to run before anything applies
   */
  record Scan(
      List<Prepared> prepared,
      List<Path> handled,
      List<String> problems,
      List<String> notApplied,
      Map<Path, FileTime> unchanged,
      List<NewStatics.Start> statics) {}

  private final Recompiler recompiler;
  /** The class file the JVM runs for each class redefined or captured, by class. */
  private final Map<Class<?>, byte[]> actual = new ConcurrentHashMap<>();
  /**
   * The class file each class's code was last compiled to: equal to {@link #actual} after a plain
   * redefinition; after a move, the edited class whose changed methods moved.
   */
  private final Map<Class<?>, byte[]> running = new ConcurrentHashMap<>();
  /** The modification time of the source text each file's running code matches. */
  private final Map<Path, FileTime> applied = new ConcurrentHashMap<>();

  PlainClasses(Recompiler recompiler) {
    this.recompiler = recompiler;
  }

  /**
   * Whether {@code file} was saved since the code that runs was compiled from it, or, never
   * reloaded, since the JVM started.
   */
  boolean savedSince(Path file, FileTime modified) {
    FileTime before = applied.get(file.toAbsolutePath().normalize());
    return before == null
        ? modified.toInstant().isAfter(Jvm.started())
        : modified.compareTo(before) > 0;
  }

  /**
   * Compiles each plain file of {@code files} and prepares what applying it takes, changing
   * nothing yet.
   *
   * @param files the program's source files saved since they last ran, with their top-level
   *     classes' binary names
   * @param loader the program's class loader
   * @return what to apply, or why not
   */
  Scan prepare(Map<Path, String> files, ClassLoader loader) {
    List<Prepared> prepared = new ArrayList<>();
    List<Path> handled = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> notApplied = new ArrayList<>();
    Map<Path, FileTime> unchanged = new LinkedHashMap<>();
    Map<Class<?>, Recompiler.Compiled> compiledFiles = new LinkedHashMap<>();
    List<NewStatics.Start> statics = new ArrayList<>();
    Instrumentation instrumentation = Redefiner.instrumentation().orElse(null);
    if (instrumentation == null || files.isEmpty()) {
      return new Scan(prepared, handled, problems, notApplied, unchanged, statics);
    }
    for (Map.Entry<Path, String> entry : files.entrySet()) {
      Path file = entry.getKey();
      Class<?> top;
      try {
        top = Class.forName(entry.getValue(), false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue; // not a class this program can load: Unapplied names the file
      }
      if (!own(top, instrumentation)) {
        continue;
      }
      handled.add(file);
      try {
        compiledFiles.put(top, recompiler.compileWhole(top, file));
      } catch (ReloadRefusal refusal) {
        problems.add(refusal.getMessage());
      } catch (RuntimeException | LinkageError e) {
        problems.add(internalError(top, file, e));
      }
    }
    // Every file's new fields first: another file's edit may use them.
    Map<Class<?>, List<String>> added = new LinkedHashMap<>();
    for (Map.Entry<Class<?>, Recompiler.Compiled> entry : compiledFiles.entrySet()) {
      try {
        declareNewFields(entry.getValue(), loader);
      } catch (ReloadRefusal refusal) {
        problems.add(refusal.getMessage());
      }
    }
    // Then the start of each new static field, whose initializer may read another's.
    for (Map.Entry<Class<?>, Recompiler.Compiled> entry : compiledFiles.entrySet()) {
      try {
        statics.addAll(NewStatics.prepare(recompiler, entry.getKey(), entry.getValue(), notApplied));
        added.put(entry.getKey(), NewFields.startLines(entry.getValue(), loader));
      } catch (ReloadRefusal refusal) {
        problems.add(refusal.getMessage());
      } catch (RuntimeException | LinkageError e) {
        problems.add(internalError(entry.getKey(), entry.getValue().file(), e));
      }
    }
    // Every file's new methods too: another file's edit may call them.
    compiledFiles.values().forEach(compiled -> declareNewMethods(compiled, loader));
    for (Map.Entry<Class<?>, Recompiler.Compiled> entry : compiledFiles.entrySet()) {
      Class<?> top = entry.getKey();
      Path file = entry.getValue().file();
      try {
        Recompiler.Compiled compiled = entry.getValue();
        Prepared one =
            prepare(top, compiled, instrumentation, loader, notApplied, added.getOrDefault(top, List.of()));
        if (one == null) {
          unchanged.put(file, compiled.modified());
        } else {
          prepared.add(one);
        }
      } catch (ReloadRefusal refusal) {
        problems.add(refusal.getMessage());
      } catch (RuntimeException | LinkageError e) {
        problems.add(internalError(top, file, e));
      }
    }
    return new Scan(prepared, handled, problems, notApplied, unchanged, statics);
  }

  private static String internalError(Class<?> top, Path file, Throwable e) {
    LOG.log(System.Logger.Level.DEBUG, "reloading " + file, e);
    return "hotrestart: internal error while reloading " + top.getName() + ", nothing was changed: " + e;
  }

  /**
   * Redefines every prepared file's classes in one call, so that they change together or not at
   * all.
   *
   * @throws ReloadRefusal if the JVM refuses the redefinition; nothing changed then
   */
  void apply(List<Prepared> prepared) throws ReloadRefusal {
    List<ClassDefinition> definitions = new ArrayList<>();
    prepared.forEach(p -> definitions.addAll(p.definitions()));
    if (!definitions.isEmpty()) {
      Instrumentation instrumentation =
          Redefiner.instrumentation().orElseThrow(() -> new IllegalStateException("no agent"));
      try {
        instrumentation.redefineClasses(definitions.toArray(new ClassDefinition[0]));
      } catch (Exception | LinkageError e) {
        // Exception, not UnmodifiableClassException by name: a catch type is loaded when this
        // class is verified, and a program on the module path without the agent has no
        // java.instrument module (ClassNotFoundException, UnmodifiableClassException or
        // UnsupportedOperationException are what redefineClasses throws).
        throw new ReloadRefusal(
            "hotrestart: the JVM refused to redefine "
                + definitions.stream()
                    .map(d -> d.getDefinitionClass().getName())
                    .collect(Collectors.joining(", "))
                + ": "
                + e);
      }
    }
    for (Prepared one : prepared) {
      actual.putAll(one.actual());
      running.putAll(one.running());
      done(one.file(), one.modified());
    }
  }

  /** Notes that {@code file}, as saved at {@code modified}, holds the code that runs. */
  void done(Path file, FileTime modified) {
    applied.merge(file.toAbsolutePath().normalize(), modified, (a, b) -> a.compareTo(b) >= 0 ? a : b);
  }

  /**
   * What applying one compiled file takes, or null when its code is the code that runs.
   *
   * @throws ReloadRefusal naming the change no running JVM can take
   */
  private Prepared prepare(
      Class<?> top,
      Recompiler.Compiled compiled,
      Instrumentation instrumentation,
      ClassLoader loader,
      List<String> notApplied,
      List<String> newFields)
      throws ReloadRefusal {
    Map<String, byte[]> editedFiles = NewFields.lowered(compiled.output().classes(), loader);
    String fileName = compiled.file().getFileName().toString();
    // The classes of the file the JVM has or can load, each with what runs now.
    Map<Class<?>, ClassNode> actualNodes = new LinkedHashMap<>();
    Map<String, byte[]> actualFiles = new LinkedHashMap<>();
    Map<String, byte[]> runningFiles = new LinkedHashMap<>();
    Set<String> newClasses = new TreeSet<>();
    for (String name : editedFiles.keySet()) {
      Class<?> type = load(name, loader);
      if (type == null) {
        newClasses.add(name);
        continue;
      }
      byte[] now = actualBytes(type, instrumentation);
      actualNodes.put(type, ClassFiles.read(now));
      actualFiles.put(name, now);
      runningFiles.put(name, running.getOrDefault(type, now));
    }
    List<String> refusals = new ArrayList<>();
    for (Map.Entry<Class<?>, ClassNode> entry : actualNodes.entrySet()) {
      if (ClassFiles.isCompanionName(Type.getInternalName(top), Type.getInternalName(entry.getKey()))) {
        continue; // a changed anonymous class moves, renamed, with the methods that create it
      }
      refusals.addAll(
          structure(entry.getKey(), ClassFiles.read(editedFiles.get(entry.getKey().getName())), entry.getValue()));
    }
    if (!refusals.isEmpty()) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload "
              + fileName
              + ": the edit changes what a running JVM cannot redefine:\n  - "
              + String.join("\n  - ", refusals),
          "Undo that part of the edit and type c again, or r to raise the exception (a restart"
              + " applies it).");
    }

    // Classes new to the JVM outside the file's nest (a processor's output, a second top-level
    // class) are added as they are; a new class inside the nest cannot be (its host does not list
    // it), so it moves with the methods that use it.
    Map<String, byte[]> added = new java.util.TreeMap<>();
    for (String name : newClasses) {
      if (!name.startsWith(top.getName() + "$") && !name.contains("$HR$")) {
        added.put(name, editedFiles.get(name));
      }
    }
    newClasses.removeAll(added.keySet());
    boolean sameMembers = newClasses.isEmpty();
    for (Map.Entry<Class<?>, ClassNode> entry : actualNodes.entrySet()) {
      ClassNode edited = ClassFiles.read(editedFiles.get(entry.getKey().getName()));
      sameMembers &= members(edited).equals(members(entry.getValue()));
    }
    long start = compiled.start();
    if (!added.isEmpty()) {
      Definer.defineNew(top, added);
    }
    List<ClassDefinition> definitions = new ArrayList<>();
    Map<Class<?>, byte[]> newActual = new LinkedHashMap<>();
    Map<Class<?>, byte[]> newRunning = new LinkedHashMap<>();
    Set<String> changed = new LinkedHashSet<>();
    for (Map.Entry<Class<?>, ClassNode> entry : actualNodes.entrySet()) {
      Class<?> type = entry.getKey();
      ClassNode edited = ClassFiles.read(editedFiles.get(type.getName()));
      ClassNode runningNode = ClassFiles.read(runningFiles.get(type.getName()));
      List<MethodNode> differing = changedMethods(type, edited, editedFiles, runningNode, runningFiles);
      // An anonymous or local class counts in the methods that create it, which name the change.
      boolean companion = ClassFiles.isCompanionName(Type.getInternalName(top), Type.getInternalName(type));
      if (sameMembers) {
        // HotSwap: the new class files as they are, for every class whose code differs from
        // what the JVM runs (after a move, the stubs differ too).
        if (!changedMethods(type, edited, editedFiles, entry.getValue(), actualFiles).isEmpty()) {
          byte[] bytes = linkNewMethods(edited, editedFiles.get(type.getName()), loader);
          List<String> missing = unresolved(edited, loader);
          if (!missing.isEmpty()) {
            throw new ReloadRefusal(
                "hotrestart: cannot reload "
                    + fileName
                    + ": "
                    + type.getName()
                    + " would use what the running program does not have (new in this edit? a"
                    + " new member is there once the same c applies the file that declares"
                    + " it):\n  - "
                    + String.join("\n  - ", missing),
                "Undo that part of the edit and type c again, or r to raise the exception (a"
                    + " restart applies it).");
          }
          definitions.add(new ClassDefinition(type, bytes));
          newActual.put(type, bytes);
          newRunning.put(type, bytes);
        }
        if (!companion) {
          differing.forEach(m -> changed.add(describe(type, m)));
        }
        continue;
      }
      if (companion) {
        continue; // the moved methods take a renamed copy of it along
      }
      List<String> roots = new ArrayList<>();
      // A new non-private method moves even when its own class does not call it: another
      // class's reloaded code may (NewMethods).
      List<String> addedMethods = NewMethods.added(edited, type);
      Set<String> staticAdded = new java.util.HashSet<>();
      for (MethodNode method : edited.methods) {
        String key = method.name + method.desc;
        if (addedMethods.contains(key)) {
          if ((method.access & Opcodes.ACC_STATIC) != 0) {
            staticAdded.add(key);
          }
          roots.add(key);
          if ((method.access & Opcodes.ACC_BRIDGE) == 0) {
            changed.add(describe(type, method));
          }
        }
      }
      List<String> constructorsTaken = new ArrayList<>();
      takeConstructors(type, entry.getValue(), actualFiles.get(type.getName()), editedFiles, constructorsTaken);
      changed.addAll(constructorsTaken);
      for (MethodNode method : differing) {
        if (constructorsTaken.contains(describe(type, method))) {
          continue; // redefined in place
        }
        if (method.name.startsWith("<")) {
          notApplied.add(
              "hotrestart: not applied: the change to "
                  + describe(type, method)
                  + " in "
                  + fileName
                  + " (the edit also adds a lambda, a private method or a class, so the changed"
                  + " methods move beside the running class, and "
                  + (method.name.equals("<init>") ? "a constructor" : "a static initializer")
                  + " cannot move; a restart applies it)");
        } else {
          roots.add(method.name + method.desc);
          changed.add(describe(type, method));
        }
      }
      if (roots.isEmpty() && constructorsTaken.isEmpty()) {
        continue;
      }
      byte[] stubbed;
      if (roots.isEmpty()) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        entry.getValue().accept(writer);
        stubbed = writer.toByteArray();
      } else {
        String workClass =
            Reloader.workClassName(type, roots.get(0).substring(0, roots.get(0).indexOf('(')));
        Transplant.Result transplant = Transplant.build(editedFiles, type, edited, roots, workClass);
        Map<String, java.lang.invoke.MethodHandle> handles = Definer.define(type, transplant);
        for (String key : addedMethods) {
          // No fingerprint: a plain file's new methods move with every change of the file.
          NewMethods.moved(type, key, new NewMethods.Copy(handles.get(key), staticAdded.contains(key), null));
        }
        stubbed = callMoved(entry.getValue(), transplant);
      }
      definitions.add(new ClassDefinition(type, stubbed));
      newActual.put(type, stubbed);
      newRunning.put(type, editedFiles.get(type.getName()));
    }
    if (definitions.isEmpty() && changed.isEmpty() && newFields.isEmpty() && added.isEmpty()) {
      return null;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    String message =
        "hotrestart: reloaded "
            + (changed.isEmpty() ? "the code" : String.join(", ", changed))
            + " from "
            + fileName
            + " in "
            + millis
            + " ms (javac "
            + compiled.output().millis()
            + " ms; "
            + (sameMembers ? "class redefined" : "changed methods moved beside the running class")
            + ")"
            + newFields.stream().map(line -> "\n" + line).collect(Collectors.joining())
            + (added.isEmpty()
                ? ""
                : "\nhotrestart: added the new class" + (added.size() == 1 ? " " : "es ")
                    + String.join(", ", added.keySet()) + " from " + fileName);
    return new Prepared(compiled.file(), compiled.modified(), definitions, newActual, newRunning, message);
  }

  /**
   * The redefinition of a wrapped class whose edit adds instance fields, with the running
   * members and bodies but for its constructors, which become the edited ones: objects made
   * after the reload then run the new fields' initializers (into their side tables, {@link
   * NewFields}). Null when the agent is missing, no constructor changed, or an edited
   * constructor uses what the running class lacks (a new lambda, say): then it is not applied,
   * and {@link Unapplied} names it.
   *
   * @param running the wrapped class
   * @param compiled its compiled edit, the new fields declared
   */
  Prepared constructors(Class<?> running, Recompiler.Compiled compiled) {
    Instrumentation instrumentation = Redefiner.instrumentation().orElse(null);
    if (instrumentation == null
        || !own(running, instrumentation)
        || NewFields.added(compiled.edited(), running).stream()
            .allMatch(f -> (f.access & Opcodes.ACC_STATIC) != 0)) {
      return null;
    }
    ClassLoader loader = running.getClassLoader();
    Map<String, byte[]> lowered = NewFields.lowered(compiled.output().classes(), loader);
    byte[] nowBytes = actualBytes(running, instrumentation);
    ClassNode now = ClassFiles.read(nowBytes);
    List<String> changed = new ArrayList<>();
    if (!takeConstructors(running, now, nowBytes, lowered, changed).isEmpty() || changed.isEmpty()) {
      return null; // one cannot run in the running class: Unapplied names them all
    }
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    now.accept(writer);
    byte[] bytes = writer.toByteArray();
    return new Prepared(
        compiled.file(),
        compiled.modified(),
        List.of(new ClassDefinition(running, bytes)),
        Map.of(running, bytes),
        Map.of(running, bytes),
        "hotrestart: redefined "
            + String.join(", ", changed)
            + " through the Java agent, so objects made from now on run the new fields'"
            + " initializers");
  }

  /** Declares the new non-private methods of the compiled file's classes ({@link NewMethods}). */
  private static void declareNewMethods(Recompiler.Compiled compiled, ClassLoader loader) {
    for (Map.Entry<String, byte[]> file : compiled.output().classes().entrySet()) {
      Class<?> type = load(file.getKey(), loader);
      if (type != null) {
        NewMethods.added(ClassFiles.read(file.getValue()), type).forEach(key -> NewMethods.declare(type, key));
      }
    }
  }

  /**
   * Puts into {@code now} (the class the JVM runs) each constructor of the edit whose code
   * differs and can run in the running class as it is: it uses no member the running program
   * lacks and makes no lambda (javac numbers those afresh). A constructor is a body the JVM can
   * redefine, so objects made after the reload run the edit's initializers.
   *
   * @param type the running class
   * @param now its class file as the JVM runs it, changed in place
   * @param nowBytes the same, as bytes
   * @param editedFiles the compiled edit, new fields lowered ({@link NewFields#lowered})
   * @param taken receives the constructors taken, described
   * @return the changed constructors that cannot be taken
   */
  private static List<MethodNode> takeConstructors(
      Class<?> type, ClassNode now, byte[] nowBytes, Map<String, byte[]> editedFiles, List<String> taken) {
    ClassNode edited = ClassFiles.read(editedFiles.get(type.getName()));
    Map<String, byte[]> nowFiles = Map.of(type.getName(), nowBytes);
    List<MethodNode> refused = new ArrayList<>();
    for (MethodNode replacement : edited.methods) {
      if (!replacement.name.equals("<init>")) {
        continue;
      }
      String key = replacement.name + replacement.desc;
      int index = -1;
      for (int i = 0; i < now.methods.size(); i++) {
        if ((now.methods.get(i).name + now.methods.get(i).desc).equals(key)) {
          index = i;
        }
      }
      String was = index < 0 ? null : Fingerprint.of(now, key, nowFiles, type);
      String will = Fingerprint.of(edited, key, editedFiles, type);
      if (index < 0 || will == null || will.equals(was)) {
        continue;
      }
      ClassNode alone = new ClassNode();
      alone.methods.add(replacement);
      boolean lambda = false;
      for (AbstractInsnNode insn : replacement.instructions) {
        lambda |= insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().equals(LAMBDAS);
      }
      if (lambda || !unresolved(alone, type.getClassLoader()).isEmpty()) {
        refused.add(replacement);
        continue;
      }
      replacement.access = now.methods.get(index).access;
      now.methods.set(index, replacement);
      taken.add(describe(type, replacement));
    }
    return refused;
  }

  /**
   * Declares the fields that the classes of one compiled file add to the running classes ({@link
   * NewFields}).
   *
   * @throws ReloadRefusal when a new field would hide an inherited one
   */
  private static void declareNewFields(Recompiler.Compiled compiled, ClassLoader loader)
      throws ReloadRefusal {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, byte[]> file : compiled.output().classes().entrySet()) {
      Class<?> type = load(file.getKey(), loader);
      if (type == null) {
        continue;
      }
      ClassNode edited = ClassFiles.read(file.getValue());
      List<FieldNode> fields = NewFields.added(edited, type);
      for (FieldNode field : fields) {
        String problem = ShapeCheck.newFieldProblem(type, field);
        if (problem != null) {
          problems.add(problem);
        } else {
          NewFields.declare(type, field);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload "
              + compiled.file().getFileName()
              + ": the edit changes what a running JVM cannot redefine:\n  - "
              + String.join("\n  - ", problems),
          "Undo that part of the edit and type c again, or r to raise the exception (a restart"
              + " applies it).");
    }
  }

  /**
   * {@code edited} (whose class file is {@code bytes}) with each call of a method a reload added
   * to a supertype of the class it names made a call of its moved copy: {@link
   * NewFields#lowered} links those naming the declaring class, this the rest. Returns the class
   * file, changed or not.
   */
  private static byte[] linkNewMethods(ClassNode edited, byte[] bytes, ClassLoader loader) {
    boolean changed = false;
    for (MethodNode method : edited.methods) {
      for (java.util.ListIterator<AbstractInsnNode> it = method.instructions.iterator(); it.hasNext(); ) {
        if (it.next() instanceof MethodInsnNode call && !call.owner.startsWith("[")) {
          Class<?> owner = load(call.owner.replace('/', '.'), loader);
          if (owner != null && owner.getClassLoader() == loader
              && !RunningClasses.hasMethod(owner, call.name, call.desc)) {
            AbstractInsnNode linked = NewMethods.callOf(owner, call);
            if (linked != null) {
              it.set(linked);
              changed = true;
            }
          }
        }
      }
    }
    if (!changed) {
      return bytes;
    }
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    edited.accept(writer);
    return writer.toByteArray();
  }

  /**
   * The methods and fields of the program's classes that {@code edited} names but the running
   * program lacks, one line each. A class redefined whole is not rewritten as moved code is
   * ({@link LinkageRewriter}), so this is its check: a miss would be a {@code NoSuchMethodError}
   * later, not a refusal now.
   */
  private static List<String> unresolved(ClassNode edited, ClassLoader loader) {
    Set<String> missing = new TreeSet<>();
    for (MethodNode method : edited.methods) {
      for (AbstractInsnNode insn : method.instructions) {
        if (insn instanceof MethodInsnNode call) {
          missingMember(call.owner, call.name, call.desc, false, loader, missing);
        } else if (insn instanceof FieldInsnNode field) {
          missingMember(field.owner, field.name, field.desc, true, loader, missing);
        } else if (insn instanceof InvokeDynamicInsnNode indy) {
          for (Object argument : indy.bsmArgs) {
            if (argument instanceof Handle handle) {
              boolean isField = handle.getTag() <= Opcodes.H_PUTSTATIC;
              missingMember(handle.getOwner(), handle.getName(), handle.getDesc(), isField, loader, missing);
            }
          }
        }
      }
    }
    return new ArrayList<>(missing);
  }

  private static void missingMember(
      String owner, String name, String descriptor, boolean field, ClassLoader loader, Set<String> missing) {
    if (owner.startsWith("[")) {
      return;
    }
    Class<?> type = load(owner.replace('/', '.'), loader);
    if (type == null || type.getClassLoader() != loader) {
      return; // not yet loaded from disk, or the JDK's or a parent loader's, which javac saw as is
    }
    boolean present =
        field
            ? RunningClasses.hasField(type, name, descriptor)
            : RunningClasses.hasMethod(type, name, descriptor);
    if (!present) {
      missing.add(
          (field ? "field `" : "method `")
              + type.getName()
              + "."
              + name
              + (field ? "" : Unapplied.parameters(descriptor))
              + "`");
    }
  }

  /** The loaded class named {@code name}, loading it (not initialising it) if it can be; or null. */
  static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /**
   * Whether {@code type} is the program's own: loaded from a directory of the class path (a
   * project's output directory), not from a jar or the JDK, and redefinable.
   */
  private static boolean own(Class<?> type, Instrumentation instrumentation) {
    if (type.getClassLoader() == null || !instrumentation.isModifiableClass(type)) {
      return false;
    }
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      return source != null
          && source.getLocation() != null
          && source.getLocation().getProtocol().equals("file")
          && Files.isDirectory(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return false;
    }
  }

  /**
   * The class file the JVM runs for {@code type}: as this class last redefined it, else as the
   * JVM gives it back (a retransformation that changes nothing), else as on disk. Not read from
   * disk first: an IDE may have compiled the edit into the output directory already.
   */
  private byte[] actualBytes(Class<?> type, Instrumentation instrumentation) {
    byte[] known = actual.get(type);
    if (known != null) {
      return known;
    }
    byte[] captured = null;
    if (instrumentation.isRetransformClassesSupported()) {
      captured = RunningClassFile.read(instrumentation, type);
    }
    if (captured == null) {
      captured = ClassFiles.classFile(type.getClassLoader(), Type.getInternalName(type));
    }
    actual.put(type, captured);
    return captured;
  }

  /** What no redefinition can take, one sentence per member; empty when there is none. */
  private static List<String> structure(Class<?> type, ClassNode edited, ClassNode now) {
    List<String> problems = new ArrayList<>();
    String name = type.getName();
    if (!String.valueOf(now.superName).equals(String.valueOf(edited.superName))) {
      problems.add(
          "the superclass of " + name + " changed from " + dotted(now.superName) + " to "
              + dotted(edited.superName));
    }
    if (!new TreeSet<>(now.interfaces).equals(new TreeSet<>(edited.interfaces))) {
      problems.add("the interfaces implemented by " + name + " changed");
    }
    Map<String, FieldNode> fieldsNow = new LinkedHashMap<>();
    now.fields.forEach(f -> fieldsNow.put(f.name, f));
    Set<String> fieldsEdited = new LinkedHashSet<>();
    for (FieldNode field : edited.fields) {
      fieldsEdited.add(field.name);
      FieldNode before = fieldsNow.get(field.name);
      String declared = Type.getType(field.desc).getClassName() + " " + field.name;
      if (before == null) {
        problems.add("a new field `" + declared + "` was added to " + name);
      } else if (!before.desc.equals(field.desc) || before.access != field.access) {
        problems.add("field `" + field.name + "` of " + name + " changed its type or modifiers");
      }
    }
    for (String field : fieldsNow.keySet()) {
      if (!fieldsEdited.contains(field)) {
        problems.add("field `" + field + "` was removed from " + name);
      }
    }
    Map<String, MethodNode> methodsNow = new LinkedHashMap<>();
    for (MethodNode method : now.methods) {
      if (!synthetic(method)) {
        methodsNow.put(method.name + method.desc, method);
      }
    }
    Set<String> methodsEdited = new LinkedHashSet<>();
    for (MethodNode method : edited.methods) {
      String bridgeProblem = ShapeCheck.bridgeProblem(type, method);
      if (bridgeProblem != null) {
        problems.add(bridgeProblem);
      }
      if (synthetic(method)) {
        continue;
      }
      String key = method.name + method.desc;
      methodsEdited.add(key);
      MethodNode before = methodsNow.get(key);
      if (before == null) {
        if (method.name.equals("<init>")) {
          problems.add(
              "a new constructor `" + describe(type, method) + "` was added to " + name
                  + " (objects are made by the running constructors)");
        } else if ((method.access & Opcodes.ACC_PRIVATE) == 0) {
          String problem = ShapeCheck.newMethodProblem(type, method);
          if (problem != null) {
            problems.add(problem);
          }
        }
      } else if (modifiers(before) != modifiers(method)) {
        problems.add("`" + describe(type, method) + "` changed its modifiers");
      }
    }
    for (Map.Entry<String, MethodNode> method : methodsNow.entrySet()) {
      if (!methodsEdited.contains(method.getKey()) && !method.getKey().startsWith("<clinit>")) {
        problems.add(
            "`"
                + describe(type, method.getValue())
                + "` was removed, renamed or changed its signature (running code may still call"
                + " it)");
      }
    }
    return problems;
  }

  private static int modifiers(MethodNode method) {
    return method.access
        & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED | Opcodes.ACC_STATIC
            | Opcodes.ACC_FINAL | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE);
  }

  /** Every member with its modifiers, synthetic ones included, as the JVM compares them. */
  private static Set<String> members(ClassNode type) {
    Set<String> members = new TreeSet<>();
    type.fields.forEach(f -> members.add("field " + f.access + " " + f.name + f.desc));
    type.methods.forEach(m -> members.add("method " + modifiers(m) + " " + m.name + m.desc));
    members.add("nest " + type.nestHostClass + " " + (type.nestMembers == null ? List.of() : new TreeSet<>(type.nestMembers)));
    return members;
  }

  private static boolean synthetic(MethodNode method) {
    return (method.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0;
  }

  /**
   * The methods of {@code edited} that {@code before} has too, lambdas left out, whose code
   * differs from {@code before}'s. A new private method is no change of its own: it moves with
   * the changed methods that call it.
   */
  private static List<MethodNode> changedMethods(
      Class<?> running,
      ClassNode edited,
      Map<String, byte[]> editedFiles,
      ClassNode before,
      Map<String, byte[]> beforeFiles) {
    List<MethodNode> changed = new ArrayList<>();
    for (MethodNode method : edited.methods) {
      if (synthetic(method)) {
        continue;
      }
      String key = method.name + method.desc;
      String now = Fingerprint.of(edited, key, editedFiles, running);
      String was = Fingerprint.of(before, key, beforeFiles, running);
      if (now != null && was != null && !now.equals(was)
          && !(key.equals("<clinit>()V") && NewStatics.explains(running, was))) {
        changed.add(method);
      }
    }
    return changed;
  }

  /**
   * {@code now} with the body of each moved root replaced by a call of its moved copy: the
   * members stay as the JVM has them, so it can redefine the class.
   */
  private static byte[] callMoved(ClassNode now, Transplant.Result transplant) {
    for (MethodNode method : now.methods) {
      String descriptor = transplant.rootDescriptors().get(method.name + method.desc);
      if (descriptor == null) {
        continue;
      }
      InsnList body = new InsnList();
      int slot = 0;
      if ((method.access & Opcodes.ACC_STATIC) == 0) {
        body.add(new VarInsnNode(Opcodes.ALOAD, 0));
        slot = 1;
      }
      for (Type argument : Type.getArgumentTypes(method.desc)) {
        body.add(new VarInsnNode(argument.getOpcode(Opcodes.ILOAD), slot));
        slot += argument.getSize();
      }
      body.add(
          new MethodInsnNode(Opcodes.INVOKESTATIC, transplant.workClass(), method.name, descriptor, false));
      body.add(new InsnNode(Type.getReturnType(method.desc).getOpcode(Opcodes.IRETURN)));
      method.instructions = body;
      method.tryCatchBlocks = new ArrayList<>();
      method.localVariables = null;
      method.visibleLocalVariableAnnotations = null;
      method.invisibleLocalVariableAnnotations = null;
      method.visibleTypeAnnotations = null;
      method.invisibleTypeAnnotations = null;
    }
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    now.accept(writer);
    return writer.toByteArray();
  }

  /** {@code demo.Money.cents(String)}, or {@code the constructor demo.Money(String)}. */
  static String describe(Class<?> type, MethodNode method) {
    return Unapplied.member(type.getName(), method);
  }

  private static String dotted(String internalName) {
    return internalName == null ? "none" : internalName.replace('/', '.');
  }

  /**
   * The program's source files under {@code roots} saved since the JVM started or they were last
   * reloaded, except {@code skip}, each with the binary name of the top-level class it declares
   * by its path, when the program's class loader has a class file of that name.
   */
  Map<Path, String> savedFiles(List<Path> roots, Collection<Path> skip, ClassLoader loader) {
    Set<Path> skipped = skip.stream().map(p -> p.toAbsolutePath().normalize()).collect(Collectors.toSet());
    Map<Path, String> files = new LinkedHashMap<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : (Iterable<Path>) walk.filter(p -> p.toString().endsWith(".java")).sorted()::iterator) {
          Path normal = file.toAbsolutePath().normalize();
          if (skipped.contains(normal) || !Files.isRegularFile(file)) {
            continue;
          }
          if (!savedSince(file, Files.getLastModifiedTime(file))) {
            continue;
          }
          String relative = root.relativize(file).toString().replace('\\', '/');
          String internal = relative.substring(0, relative.length() - ".java".length());
          if (loader != null && loader.getResource(internal + ".class") != null) {
            files.put(file, internal.replace('/', '.'));
          }
        }
      } catch (IOException | UncheckedIOException e) {
        LOG.log(System.Logger.Level.DEBUG, "cannot walk " + root, e);
      }
    }
    return files;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "PlainClasses[%d redefined]", actual.size());
  }

  /**
   * Reads a class file back from the JVM. A class of its own, loaded only with the agent: its
   * transformer's type is in java.instrument, which a program on the module path without the
   * agent does not have, and verifying {@link PlainClasses} must not need it.
   */
  private static final class RunningClassFile implements ClassFileTransformer {
    private final Class<?> type;
    private byte[] seen;

    private RunningClassFile(Class<?> type) {
      this.type = type;
    }

    /** {@code type}'s class file as the JVM runs it, or null when the JVM does not give it. */
    static byte[] read(Instrumentation instrumentation, Class<?> type) {
      RunningClassFile capture = new RunningClassFile(type);
      instrumentation.addTransformer(capture, true);
      try {
        instrumentation.retransformClasses(type);
        return capture.seen;
      } catch (Exception | LinkageError e) {
        LOG.log(System.Logger.Level.DEBUG, "cannot read the running class file of " + type, e);
        return null;
      } finally {
        instrumentation.removeTransformer(capture);
      }
    }

    @Override
    public byte[] transform(
        Module module,
        ClassLoader loader,
        String name,
        Class<?> redefined,
        ProtectionDomain domain,
        byte[] bytes) {
      if (redefined == type) {
        seen = bytes.clone();
      }
      return null;
    }
  }
}
