package dev.hotrestart.reload;

import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.hotrestart.source.SourceTrees;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The start values of the static fields an edit adds ({@link NewFields}): each new static field
 * gets the value of its initializer, computed once, when the reload applies, in its class's
 * context; static fields that exist are never initialised again, and {@code static {}} blocks
 * are not re-run.
 *
 * <p>A constant ({@code static final int N = 3}) takes the value of its {@code ConstantValue}
 * attribute. Any other initializer is compiled on its own: a copy of the edited source has each
 * new static field's initializer moved into a private static method of its class, on the
 * field's own lines (so a stack trace names the field's line), and the field made blank and not
 * {@code final}. Those methods move beside the running class as a debugger expression does
 * ({@link Transplant}); they read the class's static fields, new ones included through their side
 * tables, and call its methods. They run in declaration order before anything else of the reload
 * applies, so a throw changes nothing. The copy's {@code <clinit>}, which has no new initializer
 * left, tells whether the edit changed the static initializer in any other way, and whether a
 * {@code static {}} block uses a new field (refused: it would not run).
 */
final class NewStatics {

  /**
   * How one new static field starts.
   *
   * @param owner its class
   * @param name its name
   * @param descriptor its type
   * @param constant its constant value, or null
   * @param initializer its initializer as a method of no arguments, or null: then the field starts
   *     at the constant, or at its default value when there is none
   */
  record Start(
      Class<?> owner, String name, String descriptor, Object constant, MethodHandle initializer) {}

  private static final String CLINIT = "<clinit>()V";
  private static final Pattern FINAL = Pattern.compile("\\bfinal\\b");
  private static final AtomicInteger COPIES = new AtomicInteger();
  /** The fingerprint of no {@code <clinit>} at all. */
  private static final String NONE = "none";

  /**
   * The fingerprints of each class's {@code <clinit>} as an edit has it without the new static
   * fields' initializers ({@link Fingerprint}, with and without the class), and of the edit's own
   * {@code <clinit>}, which says when they can be reused.
   */
  private static final ClassValue<Map<String, String>> REST =
      new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
          return new java.util.concurrent.ConcurrentHashMap<>();
        }
      };

  /**
   * The initializer of each new static field as it was when it ran, by class: name + descriptor,
   * blanks collapsed; so a later change of it is named as not applied.
   */
  private static final ClassValue<Map<String, String>> INITIALIZERS =
      new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> type) {
          return new java.util.concurrent.ConcurrentHashMap<>();
        }
      };

  private NewStatics() {}

  /**
   * Whether the static initializer of {@code type} as the last prepared edit has it differs from
   * the one whose fingerprint is {@code before} only by the new static fields' initializers,
   * which a reload runs.
   *
   * @param type the running class
   * @param before the fingerprint of its {@code <clinit>} before the edit (either kind)
   */
  static boolean explains(Class<?> type, String before) {
    Map<String, String> rest = REST.get(type);
    String value = before == null ? NONE : before;
    return value.equals(rest.get("plain")) || value.equals(rest.get("reaching"));
  }

  /**
   * Prepares the start of each static field that the classes of a compiled file add and that no
   * earlier reload started, changing nothing yet; notes how each starts for the reload line
   * ({@link NewFields#startLine}). The fields are declared already.
   *
   * @param recompiler the compiler of the file
   * @param top the running class the file was compiled for
   * @param compiled the compiled edit
   * @param notApplied receives a line for each changed initializer of a field an earlier reload
   *     added, which does not run again
   * @return the starts, in declaration order, class by class
   * @throws ReloadRefusal if an initializer cannot be compiled on its own, or a static block uses
   *     a new static field
   */
  static List<Start> prepare(
      Recompiler recompiler, Class<?> top, Recompiler.Compiled compiled, List<String> notApplied)
      throws ReloadRefusal {
    ClassLoader loader = top.getClassLoader();
    Map<Class<?>, List<FieldNode>> added = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> file : compiled.output().classes().entrySet()) {
      Class<?> type = PlainClasses.load(file.getKey(), loader);
      if (type == null) {
        continue;
      }
      ClassNode edited = ClassFiles.read(file.getValue());
      List<FieldNode> fields =
          NewFields.added(edited, type).stream()
              .filter(f -> (f.access & Opcodes.ACC_STATIC) != 0)
              .filter(f -> NewFields.declared(type, f.name, f.desc))
              .toList();
      REST.get(type).clear();
      if (!fields.isEmpty()) {
        added.put(type, fields);
      }
    }
    if (added.isEmpty()) {
      return List.of();
    }
    String text = compiled.text() != null ? compiled.text() : read(compiled.file());
    String fileName = compiled.file().getFileName().toString();
    SourceTrees.Parsed parsed =
        SourceTrees.parse(text, fileName)
            .orElseThrow(
                () -> new ReloadRefusal("hotrestart: this JVM has no Java compiler; run it on a JDK"));
    List<Edit> edits = new ArrayList<>();
    Map<Class<?>, Map<FieldNode, String>> methods = new LinkedHashMap<>();
    for (Map.Entry<Class<?>, List<FieldNode>> entry : added.entrySet()) {
      Class<?> type = entry.getKey();
      ClassTree tree = SourceTrees.findClass(parsed.unit(), type).orElse(null);
      Map<FieldNode, String> ofType = new LinkedHashMap<>();
      for (FieldNode field : entry.getValue()) {
        if ((field.access & Opcodes.ACC_ENUM) != 0) {
          throw new ReloadRefusal(
              "hotrestart: cannot reload " + fileName + ": the new enum constant `" + field.name
                  + "` of " + type.getName() + " cannot be added while the program runs"
                  + " (values() and the switches over the enum know the running ones)",
              "Undo that part of the edit and type c again, or restart the program.");
        }
        VariableTree variable = tree == null ? null : variable(tree, field.name);
        boolean fresh = !NewFields.started(type, field.name, field.desc);
        if (field.value != null || variable == null || variable.getInitializer() == null) {
          if (variable == null && tree == null && fresh && field.value == null) {
            throw new ReloadRefusal(
                "hotrestart: cannot reload " + fileName + ": the new static field `" + field.name
                    + "` of " + type.getName() + " is in a class whose source hotrestart cannot"
                    + " find in the file (a local or anonymous class), so its initializer cannot"
                    + " run",
                "Move the field to a named class, or restart the program.");
          }
          continue; // a constant, or no initializer: nothing to compile
        }
        String initializer = parsed.text(text, variable.getInitializer()).replaceAll("\\s+", " ");
        String key = field.name + ":" + field.desc;
        if (fresh) {
          INITIALIZERS.get(type).put(key, initializer);
        } else if (!initializer.equals(INITIALIZERS.get(type).getOrDefault(key, initializer))) {
          notApplied.add(
              "hotrestart: not applied: the change to the initializer of the static field `"
                  + field.name + "` of " + type.getName() + " in " + fileName + " (an earlier"
                  + " reload added the field and ran its initializer, which runs once; a"
                  + " restart applies it)");
        }
        if (type.isInterface()) {
          if (fresh) {
            String method = methodName(field);
            String declaration = initializerMethod(parsed, text, variable, field, method, "");
            edits.add(atClassEnd(parsed, tree, declaration));
            ofType.put(field, method);
          }
          continue; // an interface's field cannot be blank: its <clinit> is not analysed
        }
        String method = fresh ? methodName(field) : null;
        edits.addAll(inPlace(parsed, text, tree, variable, field, method));
        if (fresh) {
          ofType.put(field, method);
        }
      }
      methods.put(type, ofType);
    }
    Map<String, byte[]> classes = compiled.output().classes();
    if (!edits.isEmpty()) {
      InMemoryCompiler.Output output =
          Evaluator.compileCopy(recompiler, top, compiled.file(), apply(text, edits));
      if (!output.succeeded()) {
        throw new ReloadRefusal(
            "hotrestart: cannot reload "
                + fileName
                + ": the initializers of its new static fields do not compile on their own, in"
                + " static methods of their class:\n"
                + output.errors(),
            "Give the field a simpler initializer (a call of a static method), or restart the"
                + " program.");
      }
      classes = output.classes();
    }
    List<Start> starts = new ArrayList<>();
    for (Map.Entry<Class<?>, List<FieldNode>> entry : added.entrySet()) {
      Class<?> type = entry.getKey();
      ClassNode copy = ClassFiles.read(classes.get(type.getName()));
      if (!type.isInterface()) { // an interface has no static block, and blank fields
        refuseStaticBlocks(type, copy, entry.getValue(), fileName);
        Map<String, String> rest = REST.get(type);
        rest.put("plain", orNone(Fingerprint.of(copy, CLINIT, classes)));
        rest.put("reaching", orNone(Fingerprint.of(copy, CLINIT, classes, type)));
      }
      Map<FieldNode, String> ofType = methods.getOrDefault(type, Map.of());
      Map<String, MethodHandle> handles = Map.of();
      List<String> roots = new ArrayList<>();
      for (String method : ofType.values()) {
        copy.methods.stream()
            .filter(m -> m.name.equals(method))
            .findFirst()
            .ifPresent(m -> roots.add(m.name + m.desc));
      }
      if (!roots.isEmpty()) {
        Transplant.Result transplant =
            Transplant.build(
                classes,
                type,
                copy,
                roots,
                Type.getInternalName(type) + "$HR$static$" + COPIES.incrementAndGet(),
                Transplant.Mode.EVALUATION);
        handles = Definer.define(type, transplant);
      }
      for (FieldNode field : entry.getValue()) {
        if (NewFields.started(type, field.name, field.desc)) {
          continue; // started by an earlier reload: it keeps its value
        }
        String method = ofType.get(field);
        MethodHandle initializer = null;
        if (method != null) {
          String root =
              roots.stream().filter(r -> r.startsWith(method + "(")).findFirst().orElse(null);
          initializer = root == null ? null : handles.get(root);
          if (initializer == null) {
            throw new IllegalStateException(
                "the initializer of " + field.name + " was not compiled");
          }
        }
        Object constant = field.value == null ? null : constant(field);
        boolean set = constant != null || initializer != null;
        NewFields.startsStatic(
            type,
            field,
            set
                ? "set by its initializer"
                : "starts at " + NewFields.defaultText(Type.getType(field.desc)));
        starts.add(new Start(type, field.name, field.desc, constant, initializer));
      }
    }
    return starts;
  }

  /**
   * Gives each new static field its start value, in order. All or nothing: when an initializer
   * throws, the fields set so far go back to having no value, and the refusal names the field
   * and the exception.
   *
   * @param starts the starts of one reload
   * @throws ReloadRefusal if an initializer throws
   */
  static void run(List<Start> starts) throws ReloadRefusal {
    List<Start> done = new ArrayList<>();
    for (Start start : starts) {
      Object value = start.constant();
      if (start.initializer() != null) {
        try {
          value = start.initializer().invokeWithArguments();
        } catch (Throwable thrown) {
          undo(done);
          throw new ReloadRefusal(
              "hotrestart: cannot reload: the initializer of the new static field `"
                  + start.name()
                  + "` of "
                  + start.owner().getName()
                  + " threw "
                  + ExpressionErrors.describe(thrown),
              "Fix the initializer and type c again, or r to raise the exception.");
        }
      }
      if (value != null) {
        NewFields.table(start.owner(), start.name(), start.descriptor()).putStatic(value);
      }
      NewFields.started(start.owner(), start.name(), start.descriptor(), true);
      done.add(start);
    }
  }

  /**
   * Takes back what {@link #run} did: the fields have no value and no start again, so the next
   * reload computes them anew.
   *
   * @param starts the starts that ran
   */
  static void undo(List<Start> starts) {
    for (Start start : starts) {
      NewFields.started(start.owner(), start.name(), start.descriptor(), false);
    }
  }

  /** A static block of the edit that reads or writes a new static field would not run: refused. */
  private static void refuseStaticBlocks(
      Class<?> type, ClassNode copy, List<FieldNode> fields, String fileName) throws ReloadRefusal {
    Set<String> names = new HashSet<>();
    fields.forEach(f -> names.add(f.name + ":" + f.desc));
    Set<String> used = new java.util.TreeSet<>();
    String owner = Type.getInternalName(type);
    for (MethodNode method : copy.methods) {
      if (!(method.name + method.desc).equals(CLINIT)) {
        continue;
      }
      for (AbstractInsnNode insn : method.instructions) {
        if (insn instanceof FieldInsnNode field
            && field.owner.equals(owner)
            && names.contains(field.name + ":" + field.desc)) {
          used.add("`" + field.name + "`");
        }
      }
    }
    if (!used.isEmpty()) {
      throw new ReloadRefusal(
          "hotrestart: cannot reload "
              + fileName
              + ": a static block of "
              + type.getName()
              + " uses the new static field"
              + (used.size() == 1 ? " " : "s ")
              + String.join(", ", used)
              + ", and a reload does not run static blocks (they would run again for the fields"
              + " that exist)",
          "Set the field in its initializer instead (`= build();`, with the block's code in a"
              + " static method), and type c again; or restart the program.");
    }
  }

  /** The value of a constant field as the side table holds it: a boolean as a Boolean, say. */
  private static Object constant(FieldNode field) {
    Object value = field.value;
    if (value instanceof Integer number) {
      return switch (field.desc) {
        case "Z" -> number != 0;
        case "C" -> (char) number.intValue();
        case "B" -> (byte) number.intValue();
        case "S" -> (short) number.intValue();
        default -> number;
      };
    }
    return value;
  }

  private static String orNone(String fingerprint) {
    return fingerprint == null ? NONE : fingerprint;
  }

  private static String methodName(FieldNode field) {
    return "$hr$static$" + COPIES.incrementAndGet() + "$" + field.name;
  }

  private static VariableTree variable(ClassTree type, String name) {
    for (Tree member : type.getMembers()) {
      if (member instanceof VariableTree variable && variable.getName().contentEquals(name)) {
        return variable;
      }
    }
    return null;
  }

  /** A change of the source text: {@code [start, end)} becomes {@code text}. */
  private record Edit(int start, int end, String text) {}

  private static String apply(String text, List<Edit> edits) {
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparingInt(Edit::start).reversed());
    StringBuilder result = new StringBuilder(text);
    int limit = Integer.MAX_VALUE;
    for (Edit edit : sorted) {
      if (edit.end() > limit) {
        continue; // overlaps one applied already: the same `final` of two declarators
      }
      result.replace(edit.start(), edit.end(), edit.text());
      limit = edit.start();
    }
    return result.toString();
  }

  /**
   * The edits that make a field blank and not final in the copy and, for a {@code method} name,
   * put its initializer into that method, on the initializer's own lines: {@code static final
   * Map<K, V> CACHE = new HashMap<>();} becomes {@code static Map<K, V> CACHE; private static
   * Map<K, V> $hr$static$1$CACHE() { return new HashMap<>(); };}. When another declarator
   * follows on the same declaration ({@code a = f(), b = g()}), the method goes to the class's
   * end instead.
   */
  private static List<Edit> inPlace(
      SourceTrees.Parsed parsed,
      String text,
      ClassTree type,
      VariableTree variable,
      FieldNode field,
      String method) {
    List<Edit> edits = new ArrayList<>();
    ModifiersTree modifiers = variable.getModifiers();
    long modifiersStart = parsed.positions().getStartPosition(parsed.unit(), modifiers);
    long modifiersEnd = parsed.positions().getEndPosition(parsed.unit(), modifiers);
    if (modifiersStart >= 0 && modifiersEnd > modifiersStart) {
      Matcher matcher = FINAL.matcher(text.substring((int) modifiersStart, (int) modifiersEnd));
      int found = -1;
      while (matcher.find()) {
        found = matcher.start();
      }
      if (found >= 0) {
        int at = (int) modifiersStart + found;
        edits.add(new Edit(at, at + "final".length(), "     "));
      }
    }
    Tree initializer = variable.getInitializer();
    int initializerStart = (int) parsed.positions().getStartPosition(parsed.unit(), initializer);
    int initializerEnd = (int) parsed.positions().getEndPosition(parsed.unit(), initializer);
    int variableStart = (int) parsed.positions().getStartPosition(parsed.unit(), variable);
    int equals = text.lastIndexOf('=', initializerStart - 1);
    if (equals < variableStart) {
      equals = initializerStart; // cannot be: javac parsed an initializer
    }
    String gap = text.substring(equals, initializerStart).replaceAll("[^\n]", "");
    int after = initializerEnd;
    while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
      after++;
    }
    boolean last = after < text.length() && text.charAt(after) == ';';
    if (method == null) {
      edits.add(new Edit(equals, initializerEnd, gap));
    } else if (last) {
      edits.add(
          new Edit(
              equals,
              initializerEnd,
              "; " + initializerMethod(parsed, text, variable, field, method, gap)));
    } else {
      edits.add(new Edit(equals, initializerEnd, gap));
      String declaration = initializerMethod(parsed, text, variable, field, method, "");
      edits.add(atClassEnd(parsed, type, declaration));
    }
    return edits;
  }

  /**
   * {@code private static T name() { return INITIALIZER; }}, an array initializer made an array;
   * {@code gap} (the line breaks between {@code =} and the initializer) after {@code return}.
   */
  private static String initializerMethod(
      SourceTrees.Parsed parsed,
      String text,
      VariableTree variable,
      FieldNode field,
      String method,
      String gap) {
    // The element type as written, then the dimensions: `int sizes[]` writes some after the name.
    Tree element = variable.getType();
    while (element instanceof ArrayTypeTree array) {
      element = array.getType();
    }
    Type type = Type.getType(field.desc);
    String typeText =
        parsed.text(text, element)
            + "[]".repeat(type.getSort() == Type.ARRAY ? type.getDimensions() : 0);
    String value = parsed.text(text, variable.getInitializer());
    if (variable.getInitializer() instanceof NewArrayTree array && array.getType() == null) {
      value = "new " + typeText + " " + value;
    }
    return "private static " + typeText + " " + method + "() { return " + gap + value + "; }";
  }

  private static Edit atClassEnd(SourceTrees.Parsed parsed, ClassTree type, String method) {
    int closing = (int) parsed.positions().getEndPosition(parsed.unit(), type) - 1;
    return new Edit(closing, closing, " " + method);
  }

  private static String read(Path file) throws ReloadRefusal {
    try {
      return Files.readString(file, dev.hotrestart.config.Settings.sourceEncoding());
    } catch (IOException e) {
      throw new ReloadRefusal("hotrestart: cannot read " + file + ": " + e.getMessage());
    }
  }
}
