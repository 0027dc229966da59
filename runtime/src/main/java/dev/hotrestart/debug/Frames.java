package dev.hotrestart.debug;

import dev.hotrestart.reload.LocalCapture;
import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.MethodSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The stack a crash is seen on: the dead frames the exception unwound, from the throw point up to
 * the wrapped method, then the live frames of the callers still waiting above the proxy. Frames
 * of the runtime's own plumbing are hidden, so that the user sees the program as written.
 *
 * <p>Frames are numbered from the throw point ({@code #0}) outwards, as a Java stack trace reads.
 */
final class Frames {

  /** The class name suffix of reloaded code: {@code demo.Report$HR$parse$1} runs {@code Report}. */
  static final String RELOADED_MARK = "$HR$";

  private static final String PROXY_PREFIX = "HotRestart_";

  /** Packages of the runtime itself; exact packages, so a user's {@code dev.hotrestart.demo} shows. */
  private static final Set<String> RUNTIME_PACKAGES =
      Set.of(
          "dev.hotrestart",
          "dev.hotrestart.config",
          "dev.hotrestart.debug",
          "dev.hotrestart.junit",
          "dev.hotrestart.reload",
          "dev.hotrestart.slot",
          "dev.hotrestart.source");

  /**
   * Also JUnit's engine and launcher, which run the tests under {@code mvn hotrestart:test}: some
   * sixty frames below every test, never the user's code (its assertions, {@code
   * org.junit.jupiter.api}, stay visible).
   */
  private static final List<String> PLUMBING_PREFIXES =
      List.of(
          "dev.hotrestart.internal.",
          "java.lang.invoke.",
          "jdk.internal.",
          "sun.reflect.",
          "org.junit.platform.",
          "org.junit.jupiter.engine.");

  /**
   * One visible frame.
   *
   * @param element the frame
   * @param live whether its method is still running (a caller waiting above the proxy)
   * @param wrapped whether it is a wrapped method's own frame (just below a proxy)
   */
  record Frame(StackTraceElement element, boolean live, boolean wrapped) {

    /** The frame as a person reads it: reloaded classes under their original name. */
    String describe() {
      return displayClassName(element.getClassName())
          + "."
          + element.getMethodName()
          + "("
          + location()
          + ")";
    }

    private String location() {
      if (element.isNativeMethod()) {
        return "Native Method";
      }
      String file = element.getFileName();
      if (file == null) {
        return "Unknown Source";
      }
      return element.getLineNumber() >= 0 ? file + ":" + element.getLineNumber() : file;
    }

    /** The frame's line, or -1 when the class has no line numbers. */
    int line() {
      return element.getLineNumber();
    }
  }

  private final List<Frame> frames;
  private final int crashed;
  private final int hidden;

  private Frames(List<Frame> frames, int crashed, int hidden) {
    this.frames = List.copyOf(frames);
    this.crashed = crashed;
    this.hidden = hidden;
  }

  /**
   * The frames of a crash, seen from the thread that runs the debugger.
   *
   * @param crash the crash
   * @return its frames
   */
  static Frames of(Crash crash) {
    StackTraceElement[] live =
        crash.thread() == Thread.currentThread()
            ? Thread.currentThread().getStackTrace()
            : crash.thread().getStackTrace();
    // Copies that capture variables run the running class's code unchanged: named as it, they
    // have its frames, lines and sources.
    return of(
        crash.slot(),
        LocalCapture.asOriginal(crash.thrown().getStackTrace()),
        LocalCapture.asOriginal(live));
  }


  /**
   * The frames of a crash, from its two stacks.
   *
   * @param slot the wrapped method that threw
   * @param dead the exception's stack trace
   * @param live the current stack of the crashed thread, which runs the debugger inside the proxy
   * @return the visible frames
   */
  static Frames of(MethodSlot slot, StackTraceElement[] dead, StackTraceElement[] live) {
    List<Frame> frames = new ArrayList<>();
    int hidden = 0;
    int proxy = slot.proxied() ? proxyIndex(dead, slot) : -1;
    int wrapped = slot.proxied() ? wrappedIndex(dead, slot) : ownIndex(dead, slot);
    int deadEnd = wrapped >= 0 ? wrapped : (proxy >= 0 ? proxy - 1 : dead.length - 1);
    int crashed = -1;
    for (int i = 0; i <= deadEnd; i++) {
      if (i == wrapped) {
        crashed = frames.size();
        frames.add(new Frame(dead[i], false, true));
      } else if (isPlumbing(dead[i].getClassName())) {
        hidden++;
      } else {
        frames.add(new Frame(dead[i], false, false));
      }
    }
    // Without a proxy (a test method) the callers are the test framework's: none is shown.
    int liveProxy = slot.proxied() ? liveProxyIndex(live, slot) : -1;
    if (liveProxy >= 0) {
      hidden += liveProxy + 1; // the debugger's own frames, down to and including the proxy
      for (int i = liveProxy + 1; i < live.length; i++) {
        if (isPlumbing(live[i].getClassName())) {
          hidden++;
        } else {
          // An enclosing wrapped method: its proxy is the next frame out, its caller's side.
          boolean wrappedHere = i + 1 < live.length && isRoutingFrame(live[i + 1], live[i]);
          frames.add(new Frame(live[i], true, wrappedHere));
        }
      }
    }
    return new Frames(frames, crashed, hidden);
  }

  /** The visible frames, from the throw point outwards. */
  List<Frame> list() {
    return frames;
  }

  /** The index in {@link #list()} of the crashed wrapped method's frame, or -1 if not found. */
  int crashed() {
    return crashed;
  }

  /** How many frames of plumbing were left out. */
  int hidden() {
    return hidden;
  }

  /**
   * Index of the first (innermost) frame of the slot's proxy method, or -1.
   *
   * @param trace a stack, innermost first
   * @param slot the wrapped method
   * @return the index
   */
  static int proxyIndex(StackTraceElement[] trace, MethodSlot slot) {
    for (int i = 0; i < trace.length; i++) {
      if (isProxyOf(trace[i], slot)) {
        return i;
      }
      // Routed by the agent, the class's own m calls the slot, and the body below it reads m too.
      if (slot.routed() && i > 0 && isRoutingOf(trace[i], slot) && isBodyOf(trace[i - 1], slot)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Index of the frame that called the slot's failure hook in the crashed thread's live stack:
   * the proxy's, or the routing method's for an instance the agent routes. No frame of the
   * method's body is live there, so the innermost match is it.
   */
  private static int liveProxyIndex(StackTraceElement[] live, MethodSlot slot) {
    for (int i = 0; i < live.length; i++) {
      if (isProxyOf(live[i], slot) || (slot.routed() && isRoutingOf(live[i], slot))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isProxyOf(StackTraceElement frame, MethodSlot slot) {
    // A routed slot without a proxy names its own class, whose frames the routing rule reads.
    return slot.proxyClass() != slot.declaringClass()
        && frame.getClassName().equals(slot.proxyClass().getName())
        && frame.getMethodName().equals(slot.methodName());
  }

  private static boolean isRoutingOf(StackTraceElement frame, MethodSlot slot) {
    return frame.getClassName().equals(slot.declaringClass().getName())
        && frame.getMethodName().equals(slot.methodName());
  }

  /** A frame running the slot's method: its body, a copy named as it, or a reloaded version. */
  private static boolean isBodyOf(StackTraceElement frame, MethodSlot slot) {
    String declaring = slot.declaringClass().getName();
    String name = frame.getClassName();
    String method = frame.getMethodName();
    return (name.equals(declaring) || name.startsWith(declaring + RELOADED_MARK))
        && (method.equals(slot.methodName())
            || method.equals(slot.methodName() + MethodSlot.BODY_SUFFIX));
  }

  /**
   * Whether {@code outer} is what called the wrapped method running in {@code inner}: a proxy, or
   * the routing method of a class the agent routes (then both frames read the same method).
   */
  private static boolean isRoutingFrame(StackTraceElement outer, StackTraceElement inner) {
    if (isProxy(outer.getClassName())) {
      return true;
    }
    return outer.getClassName().equals(inner.getClassName())
        && outer.getMethodName().equals(inner.getMethodName())
        && MethodSlot.isRouted(outer.getClassName(), outer.getMethodName());
  }

  /**
   * Index of the wrapped method's own frame in an exception's stack trace: the nearest frame below
   * the proxy's that runs the method in its declaring class or in a reloaded version of it. Frames
   * of {@code java.lang.invoke} may sit in between, so this looks past them. -1 if the trace has
   * no such frame (say, the exception was created on another thread).
   *
   * @param trace the exception's stack trace
   * @param slot the wrapped method
   * @return the index
   */
  static int wrappedIndex(StackTraceElement[] trace, MethodSlot slot) {
    int proxy = proxyIndex(trace, slot);
    if (proxy < 0) {
      return -1;
    }
    String declaring = slot.declaringClass().getName();
    for (int i = proxy - 1; i >= 0; i--) {
      String name = trace[i].getClassName();
      boolean ours = name.equals(declaring) || name.startsWith(declaring + RELOADED_MARK);
      if (ours && trace[i].getMethodName().equals(slot.methodName())) {
        return i;
      }
    }
    return proxy > 0 ? proxy - 1 : -1;
  }

  /**
   * Index of the outermost frame of a slot's method without a proxy (a test method called
   * through its slot), or of a reloaded version of it; -1 if the trace has none.
   *
   * @param trace the exception's stack trace
   * @param slot a slot that no proxy calls
   * @return the index
   */
  static int ownIndex(StackTraceElement[] trace, MethodSlot slot) {
    String declaring = slot.declaringClass().getName();
    for (int i = trace.length - 1; i >= 0; i--) {
      String name = trace[i].getClassName();
      boolean ours = name.equals(declaring) || name.startsWith(declaring + RELOADED_MARK);
      if (ours && trace[i].getMethodName().equals(slot.methodName())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether a frame belongs to the machinery between the user's code and the debugger: the
   * runtime's packages, generated proxies, method-handle and reflection internals.
   *
   * @param className a frame's class name
   * @return whether to hide it
   */
  static boolean isPlumbing(String className) {
    if (isProxy(className)) {
      return true;
    }
    for (String prefix : PLUMBING_PREFIXES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    int dot = className.lastIndexOf('.');
    return dot > 0 && RUNTIME_PACKAGES.contains(className.substring(0, dot));
  }

  /**
   * Whether a class is a generated proxy ({@code demo.HotRestart_Report}).
   *
   * @param className a class name
   * @return whether its simple name starts with {@code HotRestart_}
   */
  static boolean isProxy(String className) {
    int start = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1;
    return className.startsWith(PROXY_PREFIX, start);
  }

  /**
   * A class name as the user wrote it: {@code demo.Report$HR$parse$1} reads {@code demo.Report}.
   *
   * @param className a frame's class name
   * @return the name without the reload suffix
   */
  static String displayClassName(String className) {
    int mark = className.indexOf(RELOADED_MARK);
    return mark < 0 ? className : className.substring(0, mark);
  }

  /**
   * The package of a frame's class.
   *
   * @param className a binary class name
   * @return its package, empty for the default package
   */
  static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }
}
