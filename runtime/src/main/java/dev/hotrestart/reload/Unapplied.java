package dev.hotrestart.reload;

import dev.hotrestart.config.Settings;
import dev.hotrestart.slot.MethodSlot;
import dev.hotrestart.slot.SlotRegistry;
import dev.hotrestart.source.SourceLocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Saved edits that a {@code c} does not apply, each named with the reason, so that no edit to the
 * running program's source is ignored in silence: in a compiled class, the constructors, static
 * initialisers and methods that changed but do not move with a reloaded method; elsewhere, the
 * source files of the program saved since the code that runs was compiled.
 */
final class Unapplied {

  private static final System.Logger LOG = System.getLogger(Unapplied.class.getName());

  private static final String RESTART = "a restart applies it";

  private final ChangeTracker tracker;
  private final SourceLocator sources;
  private final PlainClasses plainClasses;

  Unapplied(ChangeTracker tracker, SourceLocator sources, PlainClasses plainClasses) {
    this.tracker = tracker;
    this.sources = sources;
    this.plainClasses = plainClasses;
  }

  /**
   * The members of a compiled class, other than its wrapped methods (the debugger compares those
   * by source), whose code changed against the running code but that the reload of {@code
   * swapping} leaves as they are. Call before the transplant, which consumes the
   * edited class's methods.
   *
   * @param running the running class
   * @param compiled its compiled edit
   * @param swapping the methods about to be swapped in
   * @param constructorsApplied whether the reload redefines the class's constructors (an edit
   *     that adds fields, with the Java agent)
   * @return one line per member
   */
  List<String> inClass(
      Class<?> running,
      Recompiler.Compiled compiled,
      List<MethodSlot> swapping,
      boolean constructorsApplied) {
    Map<String, byte[]> originalFiles = tracker.original(running);
    byte[] originalBytes = originalFiles.get(running.getName());
    if (originalBytes == null) {
      return List.of(); // no class file to compare with: nothing can be claimed either way
    }
    ClassNode original = ClassFiles.read(originalBytes);
    ClassNode edited = compiled.edited();
    Map<String, byte[]> editedFiles = compiled.output().classes();
    Set<String> moving = new HashSet<>();
    for (MethodSlot slot : swapping) {
      moving.addAll(Fingerprint.moving(edited, Reloader.key(slot), editedFiles, running));
    }
    Set<String> wrapped = new HashSet<>();
    for (MethodSlot slot : SlotRegistry.all()) {
      if (slot.declaringClass() == running) {
        wrapped.add(Reloader.key(slot));
      }
    }
    List<String> lines = new ArrayList<>();
    String file = compiled.file().getFileName().toString();
    for (MethodNode method : edited.methods) {
      String key = method.name + method.desc;
      if (moving.contains(key)
          || method.name.startsWith("lambda$")
          || (method.access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0
          || blanked(method)
          || (constructorsApplied && method.name.equals("<init>"))) {
        continue;
      }
      if (wrapped.contains(key)) {
        // The debugger names those, by their source (RunningSource.unappliedWrapped): their code
        // here is blanked unless pruning failed, and one owner keeps a line from being said twice.
        continue;
      }
      String before = Fingerprint.of(original, key, originalFiles);
      String after = Fingerprint.of(edited, key, editedFiles);
      if (after == null || after.equals(before)) {
        continue;
      }
      if (method.name.equals("<clinit>") && NewStatics.explains(running, before)) {
        continue; // only new static fields' initializers changed, and those run
      }
      if (before == null && (method.access & Opcodes.ACC_PRIVATE) != 0) {
        continue; // a new private helper nothing reloaded calls yet
      }
      if (NewMethods.declared(running, key)) {
        continue; // a new method: the reload moves it on its own
      }
      lines.add(
          "hotrestart: not applied: the change to "
              + member(running, method)
              + " in "
              + file
              + " ("
              + reason(method)
              + ")");
    }
    return lines;
  }

  /**
   * The program's source files saved since the code that runs was compiled, other than {@code
   * handled}: a file counts when its top-level class has a class file where the crashed class was
   * loaded from.
   *
   * @param crashed the class of the crashed method
   * @param handled the files this reload compiled or found unchanged
   * @return one line per file
   */
  List<String> elsewhere(Class<?> crashed, Collection<Path> handled) {
    Map<Path, List<MethodSlot>> wrappedFiles = new HashMap<>();
    for (MethodSlot slot : SlotRegistry.all()) {
      sources
          .find(slot.declaringClass())
          .ifPresent(
              file -> wrappedFiles.computeIfAbsent(normal(file), f -> new ArrayList<>()).add(slot));
    }
    Set<Path> skip = handled.stream().map(Unapplied::normal).collect(Collectors.toSet());
    ClassLoader loader = crashed.getClassLoader();
    List<String> lines = new ArrayList<>();
    for (Path root : sources.roots()) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : (Iterable<Path>) walk.filter(Unapplied::isJava).sorted()::iterator) {
          Path normal = normal(file);
          if (skip.contains(normal)) {
            continue;
          }
          List<MethodSlot> wrappedType = wrappedFiles.get(normal);
          if (!savedSince(file, wrappedType)) {
            continue; // first: a file's time is cheaper than a class loader's lookup
          }
          String relative = root.relativize(file).toString().replace('\\', '/');
          String className = relative.substring(0, relative.length() - ".java".length());
          if (loader == null || loader.getResource(className + ".class") == null) {
            continue; // not a class of this program's class path
          }
          String simple = className.substring(className.lastIndexOf('/') + 1);
          lines.add(
              "hotrestart: not applied: "
                  + file.getFileName()
                  + " was saved since its running code was compiled ("
                  + (wrappedType != null
                      ? "c reloads only the class of the method that crashed;"
                          + (Settings.reloadAll()
                              ? " this one will reload when one of its methods crashes"
                              : " -Dhotrestart.reloadAll=true makes it reload every changed"
                                  + " wrapped class")
                      : plainReason(simple))
                  + ")");
        }
      } catch (IOException | UncheckedIOException e) {
        LOG.log(System.Logger.Level.DEBUG, "cannot walk " + root, e);
      }
    }
    return lines;
  }

  /** Why a saved file whose classes have no wrapped method was not applied, and what applies it. */
  private static String plainReason(String simple) {
    if (Redefiner.instrumentation().isEmpty()) {
      return simple
          + " has no wrapped method, and classes without one reload only when the runtime jar is"
          + " the program's Java agent: add "
          + Redefiner.agentOption()
          + " to the program's JVM options (mvn hotrestart:run does); "
          + RESTART;
    }
    if (!Settings.reloadAll()) {
      return "c reloads only the class of the method that crashed; -Dhotrestart.reloadAll=true"
          + " makes it redefine "
          + simple
          + " too";
    }
    return simple
        + " is not loaded from the project's output directories, and c redefines only the"
        + " program's own classes; "
        + RESTART;
  }

  private boolean savedSince(Path file, List<MethodSlot> wrapped) {
    try {
      if (wrapped != null) {
        for (MethodSlot slot : wrapped) {
          if (tracker.modifiedSince(slot, file)) {
            return true;
          }
        }
        return false;
      }
      return plainClasses.savedSince(file, Files.getLastModifiedTime(file));
    } catch (ReloadRefusal | IOException e) {
      return false; // unreadable: the reload of that class, if any, will say so
    }
  }

  private static boolean isJava(Path file) {
    return file.getFileName().toString().endsWith(".java") && Files.isRegularFile(file);
  }

  private static Path normal(Path file) {
    return file.toAbsolutePath().normalize();
  }

  /**
   * Whether javac compiled {@code method} from a body {@link BodyPruner} blanked: its code then
   * says nothing of the edit, and comparing it with the running code would name every method of
   * the file as changed.
   */
  private static boolean blanked(MethodNode method) {
    List<Integer> opcodes = new ArrayList<>();
    for (AbstractInsnNode insn : method.instructions) {
      if (insn.getOpcode() >= 0) {
        opcodes.add(insn.getOpcode());
      }
    }
    return opcodes.equals(BLANKED_BODY);
  }

  /** {@code throw null;}, the body {@link BodyPruner} writes. */
  private static final List<Integer> BLANKED_BODY = List.of(Opcodes.ACONST_NULL, Opcodes.ATHROW);

  private static String member(Class<?> running, MethodNode method) {
    return member(running.getSimpleName(), method);
  }

  /**
   * {@code Money.cents(String)}, {@code the constructor Money(String)} or {@code the static
   * initializer of Money}, for a method of the class named {@code className}.
   */
  static String member(String className, MethodNode method) {
    return switch (method.name) {
      case "<init>" -> "the constructor " + className + parameters(method.desc);
      case "<clinit>" -> "the static initializer of " + className;
      default -> className + "." + method.name + parameters(method.desc);
    };
  }

  /** A method descriptor's parameters by simple names: {@code (String, int[])}. */
  static String parameters(String descriptor) {
    return Stream.of(Type.getArgumentTypes(descriptor))
        .map(t -> t.getClassName().substring(t.getClassName().lastIndexOf('.') + 1))
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String reason(MethodNode method) {
    if ((method.access & Opcodes.ACC_PRIVATE) != 0 && !method.name.startsWith("<")) {
      return "no reloaded method calls it: it moves with a wrapped method that calls it when that"
          + " method is reloaded";
    }
    return "a reload swaps wrapped methods and the private methods and lambdas they call, not "
        + kind(method)
        + "; "
        + RESTART;
  }

  private static String kind(MethodNode method) {
    return switch (method.name) {
      case "<init>" -> "constructors";
      case "<clinit>" -> "static initializers";
      default -> "methods that are neither wrapped nor private";
    };
  }
}
