package dev.hotrestart.reload;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.ClassNode;

/**
 * Defines a transplant's classes beside the running class, through its private lookup (same
 * package and loader, so package-private and protected members work directly), and links them
 * before anything is swapped. Nothing is initialised: no code of the program runs at reload time.
 */
final class Definer {

  private Definer() {}

  /**
   * Defines classes an edit of {@code top}'s file adds outside its nest (an annotation
   * processor's output, say MapStruct's {@code OrderMapperImpl}): beside it, so that the
   * program's class loader finds them by name as it would on disk. Linked, not initialised.
   *
   * <p>A class the program's loader already has is left as it is: an earlier {@code c} that was
   * then refused added it, and it runs nothing until code that uses it is applied.
   *
   * @param top the running top-level class of the file
   * @param classes the new class files, by binary name
   * @throws ReloadRefusal if the package is not open, a class is in another package, or a class
   *     fails to define or verify
   */
  static void defineNew(Class<?> top, Map<String, byte[]> classes) throws ReloadRefusal {
    MethodHandles.Lookup host = hostOf(top);
    for (Map.Entry<String, byte[]> entry : supertypesFirst(classes).entrySet()) {
      String name = entry.getKey();
      String packageName = name.substring(0, Math.max(0, name.lastIndexOf('.')));
      if (!packageName.equals(top.getPackageName())) {
        throw new ReloadRefusal(
            "hotrestart: cannot add the new class "
                + name
                + ": a reload defines a new class beside a running class of its package, and "
                + top.getName()
                + ", whose file uses it, is in "
                + (top.getPackageName().isEmpty() ? "the unnamed package" : top.getPackageName()),
            "Move the new class into " + top.getPackageName() + ", or restart to load it.");
      }
      if (loaded(name, top.getClassLoader())) {
        continue;
      }
      try {
        host.defineClass(entry.getValue()).getDeclaredMethods();
      } catch (IllegalAccessException | LinkageError | IllegalArgumentException e) {
        throw new ReloadRefusal(
            "hotrestart: cannot add the new class "
                + entry.getKey()
                + " (compiled from the file of "
                + top.getName()
                + "): "
                + e,
            "Undo that part of the edit and type c again, or r to raise the exception (a restart"
                + " applies it).");
      }
    }
  }

  /**
   * {@code classes} with each after its superclass and interfaces among them: defining a class
   * loads those, and the loader would not find a new one.
   */
  static Map<String, byte[]> supertypesFirst(Map<String, byte[]> classes) {
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    Map<String, byte[]> left = new LinkedHashMap<>(classes);
    while (!left.isEmpty()) {
      int before = ordered.size();
      for (Iterator<Map.Entry<String, byte[]>> i = left.entrySet().iterator(); i.hasNext(); ) {
        Map.Entry<String, byte[]> entry = i.next();
        ClassNode node = ClassFiles.read(entry.getValue());
        List<String> supertypes = new ArrayList<>(node.interfaces);
        if (node.superName != null) {
          supertypes.add(node.superName);
        }
        if (supertypes.stream().map(t -> t.replace('/', '.')).noneMatch(left::containsKey)) {
          ordered.put(entry.getKey(), entry.getValue());
          i.remove();
        }
      }
      if (ordered.size() == before) {
        ordered.putAll(left); // a cycle javac would not compile: defining says what is wrong
        break;
      }
    }
    return ordered;
  }

  private static boolean loaded(String name, ClassLoader loader) {
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static MethodHandles.Lookup hostOf(Class<?> running) throws ReloadRefusal {
    try {
      ModuleAccess.open(running);
      return MethodHandles.privateLookupIn(running, MethodHandles.lookup());
    } catch (IllegalAccessException e) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload "
              + running.getName()
              + ": its package is not open to hotrestart ("
              + e.getMessage()
              + "); "
              + ModuleAccess.needed(running));
    }
  }

  /**
   * Defines and links {@code transplant}'s classes.
   *
   * @param running the running class
   * @param transplant the classes to define, the work class last
   * @return a handle on each moved root, by its key in the running class ({@code name +
   *     descriptor})
   * @throws ReloadRefusal if the package is not open to hotrestart, or the new classes fail to
   *     define or verify
   */
  static Map<String, MethodHandle> define(Class<?> running, Transplant.Result transplant)
      throws ReloadRefusal {
    MethodHandles.Lookup host = hostOf(running);
    List<Class<?>> defined = new ArrayList<>();
    try {
      for (byte[] bytes : transplant.classes().values()) {
        defined.add(host.defineClass(bytes));
      }
      // Link and verify now: a verification error must refuse the reload, not crash later.
      // Asking for a class's methods links it without initialising it; initialising would run
      // static initialisers of the new code (a local class's, say) at reload time, which the
      // program may never have run, and turn their throws into a failed reload. They run when
      // the program first uses the class, as they would have without hotrestart.
      for (Class<?> type : defined) {
        type.getDeclaredMethods();
      }
      Class<?> work = defined.get(defined.size() - 1);
      LiveLocals.remember(work, transplant.classes().get(transplant.workClass()));
      Map<String, MethodHandle> handles = new LinkedHashMap<>();
      for (Map.Entry<String, String> root : transplant.rootDescriptors().entrySet()) {
        String methodName = root.getKey().substring(0, root.getKey().indexOf('('));
        MethodType type =
            MethodType.fromMethodDescriptorString(root.getValue(), running.getClassLoader());
        handles.put(root.getKey(), host.findStatic(work, methodName, type));
      }
      return handles;
    } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException e) {
      throw new ReloadRefusal(
          "hotrestart: the reloaded code of "
              + running.getName()
              + " could not be loaded, so nothing was swapped: "
              + e
              + "\nThis is a hotrestart bug; please report it with the edit that caused it.");
    }
  }
}
