package dev.hotrestart.reload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local variables of wrapped methods as they were when an exception left them.
 *
 * <p>With restarting on, every wrapped method runs as a copy ({@link LocalsPreparation}, and each
 * reload's {@link Transplant}) whose last exception handlers ({@link CaptureHandlers}) catch
 * anything, hand the variables live at the throwing instruction to {@link #capture}, and rethrow
 * the same exception. Only the exception path runs that code; the normal path is the method's
 * own. The values are kept per exception, weakly, until the exception is collected.
 */
public final class LocalCapture {

  /** More frames of one exception are not kept: a deep recursion would keep them all. */
  private static final int MAX_FRAMES = 64;

  /** The mark of a copy of a method's original code in a class name: {@code Foo$HR$copy$0}. */
  public static final String COPY_MARK = "$HR$copy$0";

  private static final List<Site> SITES = Collections.synchronizedList(new ArrayList<>());
  private static final Map<Throwable, List<Frame>> FRAMES =
      Collections.synchronizedMap(new WeakHashMap<>());
  /** Why a method's variables are not captured, by {@link #key}. */
  private static final Map<String, String> UNAVAILABLE = new ConcurrentHashMap<>();

  private LocalCapture() {}

  /**
   * A local variable as the class file's LocalVariableTable names it.
   *
   * @param name its name in the source
   * @param descriptor its erased type
   * @param signature its generic type, or null
   */
  public record Variable(String name, String descriptor, String signature) {}

  /**
   * One range of a method's code with the same variables live, and the handler that captures them.
   *
   * @param running the class the method was written in
   * @param methodKey the method, {@code name + descriptor} in the running class
   * @param variables the variables live there, in the order their values are captured
   */
  record Site(Class<?> running, String methodKey, List<Variable> variables) {}

  /**
   * The variables of one frame of a method an exception passed, at the instruction that threw.
   *
   * @param running the class the method was written in
   * @param methodName the method's name
   * @param methodKey the method, {@code name + descriptor} in the running class
   * @param variables the variables live at the throw, {@code this} and parameters included
   * @param values their values, boxed, in the same order
   */
  public record Frame(
      Class<?> running,
      String methodName,
      String methodKey,
      List<Variable> variables,
      List<Object> values) {

    /**
     * The value of a variable.
     *
     * @param name the variable's name
     * @return its value; null also when it was not captured (see {@link #has})
     */
    public Object value(String name) {
      int index = indexOf(name);
      return index < 0 ? null : values.get(index);
    }

    /**
     * Whether a variable was live at the throw.
     *
     * @param name the variable's name
     * @return whether it was captured
     */
    public boolean has(String name) {
      return indexOf(name) >= 0;
    }

    private int indexOf(String name) {
      for (int i = 0; i < variables.size(); i++) {
        if (variables.get(i).name().equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  /**
   * Registers the variables a handler captures; called while a copy is built.
   *
   * @param site where the handler is
   * @return the number the handler passes to {@link #capture}
   */
  static int register(Site site) {
    synchronized (SITES) {
      SITES.add(site);
      return SITES.size() - 1;
    }
  }

  /**
   * Records the variables of one frame as an exception leaves it. Called by the handlers of
   * copied code only, which rethrow {@code thrown} after. Never throws.
   *
   * @param thrown the exception passing
   * @param values the values of the site's variables, boxed
   * @param site the number {@link #register} gave
   */
  public static void capture(Throwable thrown, Object[] values, int site) {
    try {
      Site where = SITES.get(site);
      String key = where.methodKey();
      Frame frame =
          new Frame(
              where.running(),
              key.substring(0, key.indexOf('(')),
              key,
              where.variables(),
              Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values))));
      synchronized (FRAMES) {
        List<Frame> frames = FRAMES.computeIfAbsent(thrown, t -> new ArrayList<>());
        if (frames.size() < MAX_FRAMES) {
          frames.add(frame);
        }
        if (frames.size() == 1) {
          hideCopies(thrown);
        }
      }
    } catch (Throwable failure) {
      // Whatever goes wrong here (a StackOverflowError on its way up, say) must not replace the
      // program's exception: the handler rethrows that one, and the prompt says the variables
      // are not known.
    }
  }

  /**
   * Names the running class instead of its copy in the exception's trace, so that the program,
   * its logs and the user see the trace the original code would have given.
   */
  private static void hideCopies(Throwable thrown) {
    StackTraceElement[] trace = thrown.getStackTrace();
    StackTraceElement[] named = asOriginal(trace);
    if (!Arrays.equals(trace, named)) {
      thrown.setStackTrace(named);
    }
  }

  /**
   * A stack with each frame of a copy ({@link #COPY_MARK}) named as the running class whose code
   * it runs unchanged.
   *
   * @param trace a stack
   * @return the same frames, the copies renamed
   */
  public static StackTraceElement[] asOriginal(StackTraceElement[] trace) {
    StackTraceElement[] named = trace.clone();
    for (int i = 0; i < named.length; i++) {
      String name = named[i].getClassName();
      int mark = name.indexOf(COPY_MARK);
      if (mark >= 0) {
        StackTraceElement element = named[i];
        named[i] =
            new StackTraceElement(
                element.getClassLoaderName(),
                element.getModuleName(),
                element.getModuleVersion(),
                name.substring(0, mark),
                element.getMethodName(),
                element.getFileName(),
                element.getLineNumber());
      }
    }
    return named;
  }

  /**
   * The frames of wrapped methods an exception left, innermost first, each with its variables at
   * the throw.
   *
   * @param thrown the exception
   * @return the frames captured, empty if none
   */
  public static List<Frame> framesOf(Throwable thrown) {
    synchronized (FRAMES) {
      List<Frame> frames = FRAMES.get(thrown);
      return frames == null ? List.of() : List.copyOf(frames);
    }
  }

  /**
   * The variables of the innermost frame of a method that an exception left.
   *
   * @param thrown the exception
   * @param running the class the method was written in
   * @param methodKey the method, {@code name + descriptor}
   * @return the frame, if the method captured its variables
   */
  public static Optional<Frame> frameOf(Throwable thrown, Class<?> running, String methodKey) {
    for (Frame frame : framesOf(thrown)) {
      if (frame.running() == running && frame.methodKey().equals(methodKey)) {
        return Optional.of(frame);
      }
    }
    return Optional.empty();
  }

  /**
   * Why the variables of a method are not captured, when it is known.
   *
   * @param running the class the method was written in
   * @param methodKey the method, {@code name + descriptor}
   * @return the reason, one sentence
   */
  public static Optional<String> whyNot(Class<?> running, String methodKey) {
    return Optional.ofNullable(UNAVAILABLE.get(key(running, methodKey)));
  }

  /**
   * The key of a slot's method in its class, as frames name it: {@code name + descriptor}.
   *
   * @param slot the slot
   * @return the key
   */
  public static String methodKey(dev.hotrestart.slot.MethodSlot slot) {
    return slot.methodName() + slot.methodType().toMethodDescriptorString();
  }

  /** Notes that a method's class file has no LocalVariableTable, so no variable has a name. */
  static void withoutNames(Class<?> running, String methodKey) {
    unavailable(
        running,
        methodKey,
        running.getName() + " was compiled without -g, so its local variables have no names;"
            + " compile it with -g (Maven's default) to see them");
  }

  static void unavailable(Class<?> running, String methodKey, String reason) {
    UNAVAILABLE.put(key(running, methodKey), reason);
  }

  static void available(Class<?> running, String methodKey) {
    UNAVAILABLE.remove(key(running, methodKey));
  }

  private static String key(Class<?> running, String methodKey) {
    return running.getName() + "#" + methodKey;
  }
}
