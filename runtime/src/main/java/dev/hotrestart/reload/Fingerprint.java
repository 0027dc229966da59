package dev.hotrestart.reload;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * What a method does, as text that two compiles of the same code agree on: its instructions and
 * those of everything that moves with it on a reload (the private methods and lambda bodies it
 * reaches, and the anonymous and local classes it creates, whole, with what they reach in turn),
 * with line numbers and frames left out, so an edit elsewhere in the file that only shifts lines
 * does not count as a change. Used by {@code -Dhotrestart.reloadAll=true} to reload only what
 * changed.
 *
 * <p>Anonymous classes and lambda bodies are named by the order in which the method reaches
 * them, not by javac's names ({@code Foo$1}, {@code lambda$run$0}): those count up through the
 * whole class, so a new anonymous class or lambda in one method would otherwise renumber, and
 * "change", every method declared after it.
 *
 * <p>The synthetic class that holds a class's enum switch maps ({@code Foo$1.$SwitchMap$...}) is
 * shared by every method that switches on an enum, so it is not counted whole: a method counts
 * only the entries of the maps it reads. Otherwise a first switch on another enum, anywhere in
 * the class, would "change" every method with an enum switch.
 */
final class Fingerprint {

  /** How the text names the class of the enum switch maps: one class, whatever javac calls it. */
  private static final String SWITCH_MAPS = "switch-maps";

  private final ClassNode type;
  private final String nestHost;
  private final Map<String, byte[]> classFiles;
  private final Map<String, MethodNode> methods = new HashMap<>();
  /** Companion classes (internal names) and lambda bodies (keys) by their stable names. */
  private final Map<String, String> aliases = new HashMap<>();
  private final Set<String> reached = new HashSet<>();
  private final Deque<String> methodsToDescribe = new ArrayDeque<>();
  private final Deque<String> companionsToDescribe = new ArrayDeque<>();
  private final StringBuilder text = new StringBuilder();
  /** Classes read from {@code classFiles}, by internal name. */
  private final Map<String, ClassNode> read = new HashMap<>();
  /** {@link #switchMaps} of each class asked about, empty for a class that is not one. */
  private final Map<String, Optional<Map<String, String>>> switchMaps = new HashMap<>();

  private final Remapper names =
      new Remapper(Opcodes.ASM9) {
        @Override
        public String map(String internalName) {
          return companion(internalName);
        }
      };

  /**
   * The running class, whose new methods (those it lacks) move with their callers and so count
   * in them; null to count only private methods and lambda bodies.
   */
  private final Class<?> running;

  private Fingerprint(ClassNode type, Map<String, byte[]> classFiles, Class<?> running) {
    this.type = type;
    this.running = running;
    this.nestHost = type.nestHostClass != null ? type.nestHostClass : type.name;
    this.classFiles = classFiles;
    for (MethodNode m : type.methods) {
      methods.put(m.name + m.desc, m);
    }
  }

  /**
   * The fingerprint of {@code name + descriptor} in {@code type}, or null if it has no such
   * method.
   *
   * @param type the class declaring the method
   * @param method the method's name and descriptor
   * @param classFiles the class files of the same compile (or of the running program), by binary
   *     name, where the anonymous and local classes the method creates are read from; one that is
   *     missing counts by its name only
   */
  static String of(ClassNode type, String method, Map<String, byte[]> classFiles) {
    return new Fingerprint(type, classFiles, null).describe(method);
  }

  /**
   * Like {@link #of(ClassNode, String, Map)}, also counting the methods new to {@code running}
   * that the method reaches: they move with it on a reload, as private methods do.
   */
  static String of(
      ClassNode type, String method, Map<String, byte[]> classFiles, Class<?> running) {
    return new Fingerprint(type, classFiles, running).describe(method);
  }

  /**
   * The methods of {@code type} that move with {@code method} on a reload: itself, and the
   * private methods and lambda bodies it reaches, as keys {@code name + descriptor}.
   *
   * @param type the class declaring the method
   * @param method the method's name and descriptor
   * @param classFiles as for {@link #of}
   * @return the keys; empty if there is no such method
   */
  static Set<String> moving(ClassNode type, String method, Map<String, byte[]> classFiles) {
    return moving(type, method, classFiles, null);
  }

  /** Like {@link #moving(ClassNode, String, Map)}, with the methods new to {@code running}. */
  static Set<String> moving(
      ClassNode type, String method, Map<String, byte[]> classFiles, Class<?> running) {
    Fingerprint fingerprint = new Fingerprint(type, classFiles, running);
    return fingerprint.describe(method) == null ? Set.of() : Set.copyOf(fingerprint.reached);
  }

  private String describe(String method) {
    if (!methods.containsKey(method)) {
      return null;
    }
    reached.add(method);
    methodsToDescribe.add(method);
    while (!methodsToDescribe.isEmpty() || !companionsToDescribe.isEmpty()) {
      if (!methodsToDescribe.isEmpty()) {
        String key = methodsToDescribe.poll();
        MethodNode m = methods.get(key);
        text.append("method ").append(methodName(type.name, key)).append(' ').append(m.access)
            .append('\n');
        describe(m);
      } else {
        describeCompanion(companionsToDescribe.poll());
      }
    }
    return text.toString();
  }

  /** A lambda body's stable name, or the method's own name and descriptor. */
  private String methodName(String key) {
    String alias = aliases.get(key);
    return alias != null ? alias + key.substring(key.indexOf('(')) : key;
  }

  private String companion(String internalName) {
    if (internalName.equals(type.name)
        || !ClassFiles.isCompanionName(nestHost, internalName)
        || !classFiles.containsKey(internalName.replace('/', '.'))) {
      return internalName;
    }
    if (switchMaps(internalName) != null) {
      return SWITCH_MAPS;
    }
    String alias = aliases.get(internalName);
    if (alias == null) {
      alias = "companion#" + aliases.size();
      aliases.put(internalName, alias);
      companionsToDescribe.add(internalName);
    }
    return alias;
  }

  private ClassNode read(String internalName) {
    return read.computeIfAbsent(
        internalName, n -> ClassFiles.read(classFiles.get(n.replace('/', '.'))));
  }

  /**
   * The enum switch maps of a class that holds nothing else (static {@code int[] $SwitchMap$...}
   * fields and their initializer), each map's entries by field name, as the static initializer
   * fills them ({@code map[Constant.ordinal()] = n}, in order); null for any other class.
   */
  private Map<String, String> switchMaps(String internalName) {
    return switchMaps.computeIfAbsent(internalName, n -> Optional.ofNullable(readSwitchMaps(n)))
        .orElse(null);
  }

  private Map<String, String> readSwitchMaps(String internalName) {
    ClassNode node = read(internalName);
    boolean onlyMaps =
        !node.fields.isEmpty()
            && node.fields.stream()
                .allMatch(f -> f.name.startsWith("$SwitchMap$")
                    && f.desc.equals("[I")
                    && (f.access & Opcodes.ACC_STATIC) != 0)
            && node.methods.stream()
                .allMatch(m -> m.name.equals("<clinit>") || m.name.equals("<init>"));
    if (!onlyMaps) {
      return null;
    }
    Map<String, StringBuilder> entries = new HashMap<>();
    for (MethodNode m : node.methods) {
      if (!m.name.equals("<clinit>")) {
        continue;
      }
      // Each entry: GETSTATIC the map, GETSTATIC the constant, ordinal(), the number, IASTORE.
      StringBuilder map = null;
      String constant = null;
      Integer number = null;
      for (AbstractInsnNode insn : m.instructions) {
        if (insn.getOpcode() == Opcodes.GETSTATIC) {
          FieldInsnNode f = (FieldInsnNode) insn;
          if (f.owner.equals(internalName)) {
            map = entries.computeIfAbsent(f.name, k -> new StringBuilder());
            constant = null;
            number = null;
          } else if (map != null) {
            constant = f.name;
          }
        } else if (map != null && constant != null && intConstant(insn) != null) {
          number = intConstant(insn);
        } else if (insn.getOpcode() == Opcodes.IASTORE && map != null && constant != null
            && number != null) {
          map.append(' ').append(constant).append('=').append(number);
          constant = null;
          number = null;
        }
      }
    }
    Map<String, String> maps = new HashMap<>();
    entries.forEach((field, text) -> maps.put(field, text.toString()));
    return maps;
  }

  private static Integer intConstant(AbstractInsnNode insn) {
    int opcode = insn.getOpcode();
    if (opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5) {
      return opcode - Opcodes.ICONST_0;
    } else if (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH) {
      return ((IntInsnNode) insn).operand;
    } else if (insn instanceof LdcInsnNode && ((LdcInsnNode) insn).cst instanceof Integer) {
      return (Integer) ((LdcInsnNode) insn).cst;
    }
    return null;
  }

  private void describeCompanion(String internalName) {
    ClassNode node = read(internalName);
    text.append("class ").append(names.mapType(node.name)).append(' ').append(node.access)
        .append(" extends ").append(names.mapType(node.superName));
    for (String implemented : node.interfaces) {
      text.append(' ').append(names.mapType(implemented));
    }
    text.append('\n');
    for (FieldNode field : node.fields) {
      text.append("field ").append(field.access).append(' ').append(field.name)
          .append(names.mapDesc(field.desc)).append(' ').append(field.value).append('\n');
    }
    for (MethodNode m : node.methods) {
      text.append("method ").append(m.name).append(names.mapMethodDesc(m.desc)).append(' ')
          .append(m.access).append('\n');
      describe(m);
    }
  }

  private void describe(MethodNode method) {
    Map<LabelNode, Integer> labels = new HashMap<>();
    for (AbstractInsnNode insn : method.instructions) {
      if (insn instanceof LabelNode) {
        labels.put((LabelNode) insn, labels.size());
      }
    }
    for (AbstractInsnNode insn : method.instructions) {
      if (insn instanceof LineNumberNode || insn instanceof FrameNode) {
        continue;
      }
      if (insn instanceof LabelNode) {
        text.append('L').append(labels.get(insn)).append('\n');
        continue;
      }
      text.append(insn.getOpcode()).append(' ');
      if (insn instanceof FieldInsnNode) {
        FieldInsnNode f = (FieldInsnNode) insn;
        String owner = names.mapType(f.owner);
        text.append(owner).append('.').append(f.name).append(names.mapDesc(f.desc));
        if (owner.equals(SWITCH_MAPS)) {
          text.append(" {").append(switchMaps(f.owner).getOrDefault(f.name, "")).append(" }");
        }
      } else if (insn instanceof MethodInsnNode) {
        MethodInsnNode m = (MethodInsnNode) insn;
        follow(m.owner, m.name + m.desc);
        text.append(names.mapType(m.owner)).append('.').append(methodName(m.owner, m.name + m.desc));
      } else if (insn instanceof InvokeDynamicInsnNode) {
        InvokeDynamicInsnNode indy = (InvokeDynamicInsnNode) insn;
        text.append(indy.name).append(names.mapMethodDesc(indy.desc)).append(indy.bsm);
        for (Object argument : indy.bsmArgs) {
          text.append(' ').append(constant(argument));
        }
      } else if (insn instanceof LdcInsnNode) {
        Object constant = ((LdcInsnNode) insn).cst;
        text.append(constant.getClass().getSimpleName()).append(':').append(constant(constant));
      } else if (insn instanceof IntInsnNode) {
        text.append(((IntInsnNode) insn).operand);
      } else if (insn instanceof VarInsnNode) {
        text.append(((VarInsnNode) insn).var);
      } else if (insn instanceof IincInsnNode) {
        text.append(((IincInsnNode) insn).var).append(' ').append(((IincInsnNode) insn).incr);
      } else if (insn instanceof TypeInsnNode) {
        text.append(names.mapType(((TypeInsnNode) insn).desc));
      } else if (insn instanceof MultiANewArrayInsnNode) {
        MultiANewArrayInsnNode array = (MultiANewArrayInsnNode) insn;
        text.append(names.mapDesc(array.desc)).append(' ').append(array.dims);
      } else if (insn instanceof JumpInsnNode) {
        text.append('L').append(labels.get(((JumpInsnNode) insn).label));
      } else if (insn instanceof TableSwitchInsnNode) {
        TableSwitchInsnNode table = (TableSwitchInsnNode) insn;
        text.append(table.min).append("..").append(table.max).append(" L").append(labels.get(table.dflt));
        table.labels.forEach(l -> text.append(" L").append(labels.get(l)));
      } else if (insn instanceof LookupSwitchInsnNode) {
        LookupSwitchInsnNode lookup = (LookupSwitchInsnNode) insn;
        text.append(lookup.keys).append(" L").append(labels.get(lookup.dflt));
        lookup.labels.forEach(l -> text.append(" L").append(labels.get(l)));
      }
      text.append('\n');
    }
    for (TryCatchBlockNode block : method.tryCatchBlocks) {
      text.append("try L").append(labels.get(block.start)).append(" L").append(labels.get(block.end))
          .append(" L").append(labels.get(block.handler)).append(' ')
          .append(block.type == null ? null : names.mapType(block.type)).append('\n');
    }
  }

  /** A constant or bootstrap argument, with companions and lambda bodies by stable name. */
  private String constant(Object value) {
    if (value instanceof Handle) {
      Handle handle = (Handle) value;
      if (handle.getTag() <= Opcodes.H_PUTSTATIC) {
        // A field (a record's ObjectMethods bootstrap names them).
        return handle.getTag() + " " + names.mapType(handle.getOwner()) + "." + handle.getName()
            + names.mapDesc(handle.getDesc());
      }
      String key = handle.getName() + handle.getDesc();
      follow(handle.getOwner(), key);
      return handle.getTag() + " " + names.mapType(handle.getOwner()) + "." + methodName(handle.getOwner(), key);
    }
    return String.valueOf(names.mapValue(value));
  }

  /** A method as named in the text: lambda bodies of the class by stable name. */
  private String methodName(String owner, String key) {
    String name = owner.equals(type.name) ? methodName(key) : key;
    int open = name.indexOf('(');
    return name.substring(0, open) + names.mapMethodDesc(name.substring(open));
  }

  /** Whether {@code method} is one the running class lacks, which moves with its callers. */
  private boolean isNew(MethodNode method) {
    return running != null
        && !method.name.startsWith("<")
        && (method.access & Opcodes.ACC_ABSTRACT) == 0
        && !RunningClasses.hasMethod(running, method.name, method.desc);
  }

  /** The class's own private methods and lambda bodies move with the method, so they count. */
  private void follow(String owner, String key) {
    MethodNode target = methods.get(key);
    if (owner.equals(type.name)
        && target != null
        && ((target.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC)) != 0 || isNew(target))
        && reached.add(key)) {
      if (target.name.startsWith("lambda$") && (target.access & Opcodes.ACC_SYNTHETIC) != 0) {
        aliases.put(key, "lambda#" + aliases.size());
      }
      methodsToDescribe.add(key);
    }
  }
}
