package dev.hotrestart.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.tools.JavaFileObject;

/**
 * Writes random, legal {@code @HotRestartable} classes that combine the shapes the processor
 * must handle (generic classes and methods with bounds, wildcards, arrays, varargs, primitives,
 * checked exceptions, type annotations, overloads, nesting, the default package, a generic
 * superclass with a bridge, and names that clash with what a proxy writes), and records what
 * each method and constructor is and returns, so a test can call it through the proxy.
 *
 * <p>Every method body logs a key to {@code fuzz.Log.CALLS} and returns one of its arguments or
 * a constant, so a call that reached the wrong body, or lost or swapped an argument, shows.
 * The generated sources spell every JDK type fully qualified, because they declare type
 * variables and member classes named {@code Object}, {@code String} and the like.
 */
final class RandomShapes {

  /** What is wrong with a class, if anything, and the tag of the error the processor gives. */
  enum Defect {
    NONE(null),
    FINAL("HotRestartFinal"),
    CONFLICT("HotRestartConflict"),
    INNER("HotRestartInner"),
    NO_CONSTRUCTOR("HotRestartConstructor"),
    ABSTRACT("HotRestartAbstract"),
    FACTORY_CLASH("HotRestartFactoryClash"),
    STATIC_METHOD("HotRestartMethod");

    final String tag;

    Defect(String tag) {
      this.tag = tag;
    }
  }

  /** Ends the line an error must be reported on. */
  private static final String DEFECT_MARK = "// <- defect";

  /** A type a parameter or result can have: its source text and its erasure, a binary name. */
  record Type(String source, String erasure, boolean reifiable) {
    Type(String source, String erasure) {
      this(source, erasure, !source.contains("<"));
    }
  }

  record Parameter(Type type, String name) {}

  /** A constructor of a shape; {@code key} is what its body logs. */
  record Constructor(List<Parameter> parameters, String key) {}

  /**
   * A method of a shape. It returns its parameter {@code echoed} if that is not -1, else {@code
   * constant} (null for void and references other than String).
   */
  record Method(
      String name, List<Parameter> parameters, Type result, int echoed, Object constant, String key) {}

  /**
   * One annotated class: its binary name and the proxy's, its file, its defect ({@link
   * Defect#NONE} or one the processor must report, on line {@code defectLine}), and its members.
   */
  record Shape(
      String binaryName,
      String proxyBinaryName,
      String file,
      Defect defect,
      int defectLine,
      List<Type> memberTypes,
      List<Constructor> constructors,
      List<Method> methods) {}

  /** Names the proxy writes or imports, used as type variable, member, method and parameter names. */
  private static final String[] CLASHING_TYPE_NAMES = {
    "Object", "String", "Throwable", "Override", "SuppressWarnings", "MethodSlot", "MethodHandle",
    "MethodHandles", "Generated", "Deprecated", "SafeVarargs"
  };

  private static final String[] PARAMETER_NAMES = {
    "x", "y", "value", "e", "e1", "e2", "HR_SLOT_0", "HR_CALL_0", "HR_SLOTS", "lookup", "Object",
    "arguments", "item", "items", "String"
  };

  private static final String[] METHOD_NAMES = {
    "run", "get", "apply", "work", "failed", "invokeExact", "erasedInvoker", "of", "all", "lookup",
    "HR_SLOTS", "toString", "hashCode", "Object", "process"
  };

  private static final Type[] FIXED_TYPES = {
    new Type("int", "int"),
    new Type("long", "long"),
    new Type("boolean", "boolean"),
    new Type("double", "double"),
    new Type("char", "char"),
    new Type("@fuzz.Nullable int", "int"),
    new Type("java.lang.String", "java.lang.String"),
    new Type("java.lang.@fuzz.Nullable String", "java.lang.String"),
    new Type("java.lang.Object", "java.lang.Object"),
    new Type("java.lang.Integer", "java.lang.Integer"),
    new Type("java.util.List<java.lang.String>", "java.util.List"),
    new Type("java.util.List<? extends java.lang.Number>", "java.util.List"),
    new Type("java.util.Map<java.lang.String, java.util.List<java.lang.Integer>>", "java.util.Map"),
    new Type(
        "java.util.function.Function<? super java.lang.String, ? extends java.lang.Integer>",
        "java.util.function.Function"),
    new Type("java.lang.Runnable", "java.lang.Runnable"),
    // Beside Function, a lambda of one parameter fits both: javac flags factories that overload
    // on the two ([overloads]); the class itself suppresses it for its methods.
    new Type(
        "java.util.function.Consumer<? super java.lang.String>", "java.util.function.Consumer"),
    new Type("int[]", "[I"),
    new Type("java.lang.String[][]", "[[Ljava.lang.String;"),
    new Type("java.util.List<java.lang.String>[]", "[Ljava.util.List;"),
    new Type("java.util.List<java.lang.@fuzz.Nullable String>", "java.util.List"),
    new Type("java.lang.@fuzz.Nullable String @fuzz.Nullable []", "[Ljava.lang.String;"),
    new Type("java.util.Map.Entry<java.lang.String, ? super java.lang.Integer>", "java.util.Map$Entry"),
  };

  /** Type variable bounds, {@code %s} standing for the variable; and the bound's erasure. */
  private static final String[][] BOUNDS = {
    {"", "java.lang.Object"},
    {" extends java.lang.Number", "java.lang.Number"},
    {" extends java.lang.Comparable<%s>", "java.lang.Comparable"},
    {" extends java.lang.Number & java.lang.Comparable<%s>", "java.lang.Number"},
    {" extends java.lang.Exception", "java.lang.Exception"},
    {" extends java.lang.Comparable<%s> & java.io.Serializable", "java.lang.Comparable"},
  };

  private final Random random;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final List<Shape> shapes = new ArrayList<>();

  private final boolean defects;

  private RandomShapes(long seed, boolean defects) {
    this.random = new Random(seed);
    this.defects = defects;
  }

  /** {@code count} random shapes from {@code seed}, with the support classes they use. */
  static RandomShapes generate(long seed, int count) {
    return generate(seed, count, false);
  }

  /**
   * As {@link #generate(long, int)}; with {@code defects}, about a third of the classes have
   * one defect that the processor must report as an error.
   */
  static RandomShapes generate(long seed, int count, boolean defects) {
    RandomShapes generated = new RandomShapes(seed, defects);
    generated.support();
    for (int i = 0; i < count; i++) {
      generated.shape(i);
    }
    return generated;
  }

  /** Every source, in memory. */
  List<JavaFileObject> sources() {
    List<JavaFileObject> files = new ArrayList<>();
    sources.forEach((name, text) -> files.add(JavaFileObjects.forSourceString(name, text)));
    return files;
  }

  /** Every source by qualified name of its top-level class, as text. */
  Map<String, String> sourceTexts() {
    return sources;
  }

  private void add(String qualifiedName, String... lines) {
    sources.put(qualifiedName, String.join("\n", lines) + "\n");
  }

  List<Shape> shapes() {
    return shapes;
  }

  private void support() {
    add(
        "fuzz.Log",
        "package fuzz;",
        "public final class Log {",
        "  public static final java.util.List<java.lang.String> CALLS =",
        "      new java.util.ArrayList<>();",
        "  private Log() {}",
        "}");
    add(
        "fuzz.Nullable",
        "package fuzz;",
        "@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)",
        "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
        "public @interface Nullable {}");
    add(
        "fuzz.Base",
        "package fuzz;",
        "public abstract class Base<P> {",
        "  public abstract P get();",
        "  public P twice() { return get(); }",
        "}");
    add(
        "fuzz.Shape",
        "package fuzz;",
        "public interface Shape<Q> {",
        "  Q apply(Q q);",
        "  default java.lang.String describe() { return \"shape\"; }",
        "}");
  }

  private <T> T pick(T[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private void shape(int index) {
    String name = "C" + index;
    boolean defaultPackage = random.nextInt(8) == 0;
    int depth = random.nextInt(3);
    Defect defect = Defect.NONE;
    if (defects && random.nextInt(3) == 0) {
      Defect[] kinds = Defect.values();
      defect = kinds[1 + random.nextInt(kinds.length - 1)];
      if (defect == Defect.INNER && depth == 0) {
        depth = 1;
      }
    }
    String pkg = defaultPackage ? "" : "fuzz.p" + (index % 3);

    // Enclosing classes, outermost first.
    List<String> outers = new ArrayList<>();
    for (int level = 0; level < depth; level++) {
      outers.add("H" + index + "x" + level);
    }
    String flat = String.join("_", outers) + (outers.isEmpty() ? "" : "_") + name;
    String binaryPrefix = (pkg.isEmpty() ? "" : pkg + ".") + String.join("$", outers)
        + (outers.isEmpty() ? "" : "$");
    String binaryName = binaryPrefix + name;
    String proxyBinaryName = (pkg.isEmpty() ? "" : pkg + ".") + "HotRestart_" + flat;

    // Class type variables; their names clash with the proxy's imports now and then.
    List<String> typeVariableDeclarations = new ArrayList<>();
    List<Type> typeVariables = new ArrayList<>();
    Set<String> usedTypeNames =
        typeVariables(random.nextInt(3), "T", typeVariableDeclarations, typeVariables);

    // Member classes named like what the proxy imports shadow those names in the proxy.
    List<Type> memberTypes = new ArrayList<>();
    List<String> members = new ArrayList<>();
    if (random.nextInt(3) == 0) {
      String member = pick(CLASHING_TYPE_NAMES);
      if (usedTypeNames.add(member)) {
        members.add("  public static class " + member + " {}");
        memberTypes.add(new Type(member, binaryName + "$" + member));
      }
    }

    // A generic superclass or interface: the proxy's overrides then meet bridge methods.
    String supertypes = "";
    List<String> body = new ArrayList<>();
    List<Method> methods = new ArrayList<>();
    Set<String> signatures = new HashSet<>();
    if (random.nextInt(4) == 0) {
      // Fields the proxy's own slot fields hide.
      body.add("  protected int HR_SLOTS = 7;");
      body.add("  static final java.lang.String HR_CALL_0 = \"field\";");
    }
    int inheritance = random.nextInt(4);
    if (inheritance == 1) {
      supertypes = " extends fuzz.Base<java.lang.String>";
      methods.add(
          method(
              body,
              name,
              "public",
              "get",
              List.of(),
              List.of(),
              new Type("java.lang.String", "java.lang.String"),
              ""));
    } else if (inheritance == 2) {
      supertypes = " implements fuzz.Shape<java.lang.Integer>";
      // The bridge apply(Object) is taken.
      signatures.add("apply[java.lang.Object]");
      Parameter q = new Parameter(new Type("java.lang.Integer", "java.lang.Integer"), "q");
      methods.add(
          method(
              body,
              name,
              "public",
              "apply",
              List.of(),
              List.of(q),
              q.type(),
              ""));
    }

    List<Type> classTypes = new ArrayList<>(List.of(FIXED_TYPES));
    classTypes.addAll(typeVariables);
    classTypes.addAll(memberTypes);

    List<Constructor> constructors = new ArrayList<>();
    Set<String> constructorErasures = new HashSet<>();
    int constructorCount = 1 + random.nextInt(3);
    for (int i = 0; i < constructorCount; i++) {
      List<Type> constructorVariables = new ArrayList<>();
      String constructorTypeParameters = "";
      // The clashing create copies the first constructor's parameters, so that one is plain.
      if (random.nextInt(4) == 0 && !(defect == Defect.FACTORY_CLASH && i == 0)) {
        String[] bound = pick(BOUNDS);
        String variable = "K" + i;
        constructorTypeParameters = "<" + variable + bound[0].replace("%s", variable) + "> ";
        constructorVariables.add(new Type(variable, bound[1], false));
      }
      List<Parameter> parameters =
          parameters(classTypes, constructorVariables, random.nextInt(3));
      if (!constructorErasures.add(erasures(parameters))) {
        continue;
      }
      String key = name + ".<init>/" + i;
      String visibility =
          defect == Defect.NO_CONSTRUCTOR
              ? "private "
              : pick(new String[] {"public ", "protected ", ""});
      boolean varargs = varargs(parameters);
      body.add("  " + (varargs && !reifiable(last(parameters))
          ? "@java.lang.SafeVarargs " : "")
          + (random.nextInt(6) == 0 ? "@java.lang.Deprecated " : "")
          + visibility + constructorTypeParameters + name + "(" + declare(parameters, varargs) + ")"
          + (random.nextInt(4) == 0 ? " throws java.io.IOException" : "") + " {");
      body.add("    fuzz.Log.CALLS.add(\"" + key + "\");");
      body.add("  }");
      constructors.add(new Constructor(parameters, key));
    }
    if (random.nextInt(4) == 0) {
      // Private constructors are no factory's business.
      body.add("  private " + name + "(char c, char d, char e) {}");
    }

    methods.forEach(m -> signatures.add(m.name() + erasures(m.parameters())));
    int methodCount = 1 + random.nextInt(6);
    for (int i = 0; i < methodCount; i++) {
      String methodName = random.nextBoolean() ? "m" + i : pick(METHOD_NAMES);
      // Method type variables, named to shadow the class's now and then.
      List<String> methodVariableDeclarations = new ArrayList<>();
      List<Type> methodVariables = new ArrayList<>();
      Set<String> methodTypeNames =
          typeVariables(
              random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0,
              "R",
              methodVariableDeclarations,
              methodVariables);
      // Inside the method its own type variables shadow the class's and its member classes.
      List<Type> types = new ArrayList<>();
      for (Type type : classTypes) {
        if (!methodTypeNames.contains(type.source().split("[\\[ >]")[0])
            && methodTypeNames.stream().noneMatch(n -> type.source().contains("<? super " + n + ">"))) {
          types.add(type);
        }
      }
      List<Parameter> parameters = parameters(types, methodVariables, random.nextInt(4));
      String signature = methodName + erasures(parameters);
      if (methodName.equals("toString") || methodName.equals("hashCode")) {
        if (!parameters.isEmpty() || !methodVariables.isEmpty() || !signatures.add(signature)) {
          continue;
        }
        Type result =
            methodName.equals("toString")
                ? new Type("java.lang.String", "java.lang.String")
                : new Type("int", "int");
        methods.add(method(body, name, "public", methodName, List.of(), List.of(), result, ""));
        continue;
      }
      if (!signatures.add(signature)) {
        continue;
      }
      List<Type> results = new ArrayList<>(types);
      results.addAll(methodVariables);
      Type result = random.nextInt(5) == 0 ? new Type("void", "void") : pick(results.toArray(new Type[0]));
      String visibility = pick(new String[] {"public", "protected", ""});
      String throwsClause =
          switch (random.nextInt(5)) {
            case 0 -> " throws java.io.IOException";
            case 1 -> " throws java.lang.Exception, java.lang.InterruptedException";
            case 2 -> throwsTypeVariable(methodVariables, typeVariables, methodTypeNames);
            default -> "";
          };
      methods.add(
          method(
              body,
              name,
              (random.nextInt(8) == 0 ? "@java.lang.Deprecated " : "")
                  + (random.nextInt(6) == 0 ? "synchronized " : "")
                  + visibility,
              methodName,
              methodVariableDeclarations,
              parameters,
              result,
              throwsClause));
    }
    if (methods.isEmpty()) {
      // A class with nothing to wrap draws a warning; it is not a shape worth a proxy.
      methods.add(method(body, name, "public", "fallback", List.of(), List.of(),
          new Type("int", "int"), ""));
    }
    switch (defect) {
      case FACTORY_CLASH -> body.add("  public int create("
          + declare(constructors.get(0).parameters(), false) + ") { return 0; }");
      case STATIC_METHOD -> body.add("  @dev.hotrestart.HotRestartable public static int shared() {"
          + " return 3; } " + DEFECT_MARK);
      case ABSTRACT -> body.add("  public abstract int missing();");
      default -> {}
    }
    if (defect != Defect.STATIC_METHOD && random.nextInt(3) == 0) {
      // Not wrapped. The final method would warn and fail this -Werror compile, so it opts out;
      // the private and static ones do not warn, and their suppressions must stay harmless.
      body.add("  @dev.hotrestart.NoRestart public final int fixed() { return 1; }");
      body.add("  @java.lang.SuppressWarnings(\"hotrestart\") private int hidden() { return 2; }");
      body.add("  @java.lang.SuppressWarnings(\"hotrestart\") static int shared() { return 3; }");
    }

    List<String> lines = new ArrayList<>();
    if (!pkg.isEmpty()) {
      lines.add("package " + pkg + ";");
    }
    String indent = "";
    for (int level = 0; level < outers.size(); level++) {
      lines.add(indent + (level == 0 ? "public class " : "public static class ")
          + outers.get(level) + (level == 0 && random.nextBoolean() ? "<Z>" : "") + " {");
      indent += "  ";
    }
    lines.add(indent + "@dev.hotrestart.HotRestartable"
        + pick(new String[] {"", "", "(propagate = java.io.IOException.class)",
            "(propagate = {java.lang.IllegalStateException.class, java.lang.Error.class})"}));
    if (defect == Defect.CONFLICT) {
      lines.add(indent + "@dev.hotrestart.NoRestart");
    }
    lines.add(indent + "@java.lang.SuppressWarnings(\"overloads\")");
    boolean onClass = defect != Defect.NONE && defect != Defect.STATIC_METHOD;
    lines.add(indent + "public "
        + (outers.isEmpty() || defect == Defect.INNER ? "" : "static ")
        + (defect == Defect.FINAL ? "final " : "")
        + (defect == Defect.ABSTRACT ? "abstract " : "")
        + "class " + name
        + (typeVariableDeclarations.isEmpty() ? "" : "<" + String.join(", ", typeVariableDeclarations) + ">")
        + supertypes + " {" + (onClass ? " " + DEFECT_MARK : ""));
    for (String line : members) {
      lines.add(indent + line);
    }
    for (String line : body) {
      lines.add(indent + line);
    }
    lines.add(indent + "}");
    for (int level = outers.size() - 1; level >= 0; level--) {
      indent = indent.substring(2);
      lines.add(indent + "}");
    }
    String top = outers.isEmpty() ? name : outers.get(0);
    String qualifiedTop = (pkg.isEmpty() ? "" : pkg + ".") + top;
    add(qualifiedTop, lines.toArray(new String[0]));
    int defectLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(DEFECT_MARK)) {
        defectLine = i + 1;
      }
    }
    shapes.add(
        new Shape(
            binaryName,
            proxyBinaryName,
            qualifiedTop.replace('.', '/') + ".java",
            defect,
            defectLine,
            memberTypes,
            constructors,
            methods));
  }

  /** Writes a method to {@code body}: it logs its key and returns an argument or a constant. */
  private Method method(
      List<String> body,
      String className,
      String modifiers,
      String name,
      List<String> typeVariables,
      List<Parameter> parameters,
      Type result,
      String throwsClause) {
    String key = className + "." + name + "/" + body.size();
    int echoed = -1;
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).type().equals(result)) {
        echoed = i;
      }
    }
    Object constant = null;
    String returned = "null";
    if (echoed >= 0) {
      returned = parameters.get(echoed).name();
    } else {
      switch (result.erasure()) {
        case "int" -> {
          constant = 42;
          returned = "42";
        }
        case "long" -> {
          constant = 42L;
          returned = "42L";
        }
        case "boolean" -> {
          constant = true;
          returned = "true";
        }
        case "double" -> {
          constant = 4.5;
          returned = "4.5";
        }
        case "char" -> {
          constant = 'k';
          returned = "'k'";
        }
        case "java.lang.String" -> {
          constant = key;
          returned = "\"" + key + "\"";
        }
        default -> {}
      }
    }
    boolean varargs = varargs(parameters);
    body.add("  " + (varargs && !reifiable(last(parameters))
        ? "@java.lang.SuppressWarnings(\"unchecked\") " : "")
        + modifiers + (modifiers.isEmpty() || modifiers.endsWith(" ") ? "" : " ")
        + (typeVariables.isEmpty() ? "" : "<" + String.join(", ", typeVariables) + "> ")
        + result.source() + " " + name + "(" + declare(parameters, varargs) + ")" + throwsClause
        + " {");
    body.add("    fuzz.Log.CALLS.add(\"" + key + "\");");
    if (!result.source().equals("void")) {
      body.add("    return " + returned + ";");
    }
    body.add("  }");
    return new Method(name, parameters, result, echoed, constant, key);
  }

  /**
   * Declares up to {@code count} type variables, named {@code prefix} and a number or like the
   * proxy's own names, with random bounds: adds their declarations, and adds to {@code types}
   * each variable and the types made of it. Returns their names.
   */
  private Set<String> typeVariables(
      int count, String prefix, List<String> declarations, List<Type> types) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < count; i++) {
      String variable = random.nextBoolean() ? prefix + i : pick(CLASHING_TYPE_NAMES);
      if (!names.add(variable)) {
        continue;
      }
      String[] bound = pick(BOUNDS);
      declarations.add(variable + bound[0].replace("%s", variable));
      types.add(new Type(variable, bound[1], false));
      types.addAll(derived(variable, bound[1]));
    }
    return names;
  }

  /**
   * A {@code throws} clause naming a type variable bounded by {@code Exception}: the method's
   * own, else the class's unless the method shadows it; empty if there is none.
   */
  private static String throwsTypeVariable(
      List<Type> methodVariables, List<Type> classVariables, Set<String> shadowed) {
    for (Type variable : methodVariables) {
      if (variable.erasure().equals("java.lang.Exception")) {
        return " throws " + variable.source();
      }
    }
    for (Type variable : classVariables) {
      if (variable.erasure().equals("java.lang.Exception")
          && !shadowed.contains(variable.source())) {
        return " throws " + variable.source();
      }
    }
    return "";
  }

  /** Types made of a type variable: an array of it, and a list of its supertypes. */
  private static List<Type> derived(String variable, String erasure) {
    return List.of(
        new Type(variable + "[]", "[L" + erasure + ";", false),
        new Type("java.util.List<? super " + variable + ">", "java.util.List"));
  }

  private List<Parameter> parameters(List<Type> types, List<Type> methodVariables, int count) {
    List<Type> choices = new ArrayList<>(types);
    choices.addAll(methodVariables);
    Set<String> names = new LinkedHashSet<>();
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = random.nextBoolean() ? "p" + i : pick(PARAMETER_NAMES);
      if (!names.add(name)) {
        name = "p" + i;
        names.add(name);
      }
      Type type = pick(choices.toArray(new Type[0]));
      boolean vararg = i == count - 1 && random.nextInt(3) == 0;
      parameters.add(
          new Parameter(
              vararg
                  ? new Type(type.source() + "...", "[" + descriptorOf(type.erasure()), type.reifiable())
                  : type,
              name));
    }
    return parameters;
  }

  private static String descriptorOf(String erasure) {
    return switch (erasure) {
      case "int" -> "I";
      case "long" -> "J";
      case "boolean" -> "Z";
      case "double" -> "D";
      case "char" -> "C";
      default -> erasure.startsWith("[") ? erasure : "L" + erasure + ";";
    };
  }

  private static boolean varargs(List<Parameter> parameters) {
    return !parameters.isEmpty() && last(parameters).type().source().endsWith("...");
  }

  private static Parameter last(List<Parameter> parameters) {
    return parameters.get(parameters.size() - 1);
  }

  /** Whether a vararg's element type is reifiable, so it draws no heap-pollution warning. */
  private static boolean reifiable(Parameter vararg) {
    return vararg.type().reifiable();
  }

  private static String declare(List<Parameter> parameters, boolean varargs) {
    List<String> declared = new ArrayList<>();
    for (Parameter parameter : parameters) {
      declared.add(parameter.type().source() + " " + parameter.name());
    }
    return String.join(", ", declared);
  }

  private static String erasures(List<Parameter> parameters) {
    List<String> erasures = new ArrayList<>();
    parameters.forEach(p -> erasures.add(p.type().erasure()));
    return erasures.toString();
  }
}
