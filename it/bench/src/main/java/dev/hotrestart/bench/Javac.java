package dev.hotrestart.bench;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** In-process javac over a source tree, against this JVM's class path (the benchmarks jar). */
final class Javac {

  static final String PROCESSOR = "dev.hotrestart.processor.HotRestartProcessor";

  private Javac() {}

  /**
   * Compiles every {@code .java} file under {@code sources} into {@code classes}, with the
   * hotrestart processor (named explicitly, so that no other processor on the class path runs)
   * or with {@code -proc:none}, as Maven would: {@code -g}, {@code --release 17}.
   *
   * @return the wall time, in nanoseconds
   */
  static long compile(Path sources, Path classes, boolean withProcessor) {
    return time(sources, classes, withProcessor ? PROCESSOR : null).wallNanos();
  }

  /**
   * The wall time of a compile, and the CPU time of the thread that ran it (javac compiles on
   * the caller's thread). The CPU time leaves out other processes, the JIT and the garbage
   * collector, which run on threads of their own; it does not remove the JVM's own variation from
   * one run to the next (performance.md, section 4, measured both). {@code roundsCpuNanos} is the
   * part of that CPU time spent in annotation processing rounds: the processors' own work.
   */
  record Timing(long wallNanos, long cpuNanos, long roundsCpuNanos) {}

  /**
   * Like {@link #compile(Path, Path, boolean)}, with the processor of class {@code processor} (on
   * this JVM's class path), or with {@code -proc:none} when it is {@code null}, timing the compile
   * both ways.
   */
  static Timing time(Path sources, Path classes, String processor) {
    return time(sources, classes, processor, List.of());
  }

  /**
   * Like {@link #time(Path, Path, String)}, with more options for the processor ({@code
   * -Ahotrestart.proxySource=true}).
   */
  static Timing time(Path sources, Path classes, String processor, List<String> processorOptions) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
        Stream<Path> walk = Files.walk(sources)) {
      List<Path> all = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
      Files.createDirectories(classes);
      List<String> options =
          new ArrayList<>(
              List.of(
                  "-g",
                  "--release", "17",
                  "-d", classes.toString(),
                  "-classpath", System.getProperty("java.class.path")));
      if (processor != null) {
        Path generated = Files.createDirectories(classes.resolveSibling(classes.getFileName() + "-generated"));
        options.addAll(List.of("-processor", processor, "-s", generated.toString()));
        options.addAll(processorOptions);
      } else {
        options.add("-proc:none");
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      JavacTask task =
          (JavacTask) javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(all));
      // The processors' share: javac runs them inside ANNOTATION_PROCESSING_ROUND, on its thread.
      // Only with a processor: any TaskListener makes javac keep every comment and end position
      // while parsing, which -proc:none compiles would otherwise not pay (with a processor javac
      // keeps them anyway).
      long[] rounds = new long[2];
      if (processor != null) {
        task.addTaskListener(new TaskListener() {
          @Override
          public void started(TaskEvent event) {
            if (event.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
              rounds[1] = threads.getCurrentThreadCpuTime();
            }
          }

          @Override
          public void finished(TaskEvent event) {
            if (event.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
              rounds[0] += threads.getCurrentThreadCpuTime() - rounds[1];
            }
          }
        });
      }
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      boolean ok = task.call();
      long elapsed = System.nanoTime() - start;
      long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
      if (!ok) {
        throw new IllegalStateException("generated sources do not compile: " + diagnostics.getDiagnostics());
      }
      return new Timing(elapsed, cpu, rounds[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
