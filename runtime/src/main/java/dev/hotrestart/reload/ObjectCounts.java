package dev.hotrestart.reload;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Counts the live objects of a class, for the reload line of a new field: the JDK's in-process
 * {@code DiagnosticCommand} MBean ({@code jcmd GC.class_histogram}, which collects garbage first,
 * so only reachable objects count). When that is not available (no {@code java.management} in a
 * module-path program's boot layer) the line says "objects made before this reload" instead. The
 * first count in a JVM also starts the platform MBean server (about 0.5 s at a load average of 10
 * on 2 cores): paid by the first reload that adds a field, not warmed up in the background, which
 * would cost every session's first seconds for a rare reload.
 */
final class ObjectCounts {

  private static final System.Logger LOG = System.getLogger(ObjectCounts.class.getName());

  /**
   * Above this much old generation the count is not taken: the histogram collects garbage first,
   * which takes time in proportion to the live heap (measured at a load average of 10 on 2 cores:
   * 30 to 90 ms with 16 MB used, 160 to 330 ms with 55 MB, 630 to 900 ms with about 150 MB), so
   * a large program's reload would wait a second or more for a number. Tests raise it: their JVM
   * holds many test programs.
   */
  static volatile long maxUsedHeap = 128L << 20;

  private ObjectCounts() {}

  /** "the 1 existing object", "the 3 existing objects", or the words without a number. */
  static String existing(Class<?> type) {
    long start = System.nanoTime();
    try {
      if (longLived() > maxUsedHeap) {
        return "objects made before this reload";
      }
      long count = count(type);
      LOG.log(
          System.Logger.Level.DEBUG,
          () -> String.format(Locale.ROOT, "counted %d %s in %.1f ms", count, type.getName(),
              (System.nanoTime() - start) / 1e6));
      return "the " + count + " existing object" + (count == 1 ? "" : "s");
    } catch (Exception | LinkageError e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot count the objects of " + type, e);
      return "objects made before this reload";
    }
  }

  /**
   * The old generation's use, where a collection's time goes: the young one holds mostly a
   * reload's own garbage (javac's). The whole heap when the collector has no old generation.
   */
  private static long longLived() {
    long old = 0;
    boolean found = false;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP
          && (pool.getName().contains("Old") || pool.getName().contains("Tenured"))) {
        old += pool.getUsage().getUsed();
        found = true;
      }
    }
    Runtime heap = Runtime.getRuntime();
    return found ? old : heap.totalMemory() - heap.freeMemory();
  }

  /** The live objects of {@code type} and of its subclasses (a wrapped class's proxy) in the heap. */
  static long count(Class<?> type) throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    String histogram =
        (String)
            server.invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram",
                new Object[] {new String[0]},
                new String[] {String[].class.getName()});
    String name = type.getName();
    long count = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String line : histogram.split("\n")) {
      // "   7:             1             16  demo.Steps" (a module after the name on newer JDKs)
      String[] columns = line.trim().split("\\s+");
      if (columns.length < 4 || !columns[0].endsWith(":") || !samePackage(columns[3], name)) {
        continue;
      }
      String rowClass = columns[3];
      if (rowClass.equals(name) || subclass(rowClass, type)) {
        if (!seen.add(rowClass)) {
          // Classes of one name from two loaders: the rows do not say which is this one's.
          throw new IllegalStateException("two classes named " + rowClass);
        }
        count += Long.parseLong(columns[1]);
      }
    }
    return count;
  }

  /** Whether the classes are in one package: a proxy is in its class's. */
  private static boolean samePackage(String row, String name) {
    return row.lastIndexOf('.') == name.lastIndexOf('.')
        && row.regionMatches(0, name, 0, name.lastIndexOf('.') + 1);
  }

  private static boolean subclass(String name, Class<?> type) {
    try {
      Class<?> row = Class.forName(name, false, type.getClassLoader());
      return row != type && type.isAssignableFrom(row);
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
