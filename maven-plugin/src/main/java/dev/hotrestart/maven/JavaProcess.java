package dev.hotrestart.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Runs the program's JVM with the terminal attached and waits for it.
 *
 * <p>While it runs, Ctrl-C is left to the program ({@link SigIntTrap}) and a shutdown hook stops
 * it if Maven itself is ended (SIGTERM, a closed terminal): {@code destroy()}, then
 * {@code destroyForcibly()} after a grace period, so no JVM is left orphaned holding the
 * terminal. If the waiting thread is interrupted the program is stopped the same way.
 */
final class JavaProcess {

  /** How long the program may take to end after a polite request. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private final Consumer<String> debug;

  JavaProcess(Consumer<String> debug) {
    this.debug = debug;
  }

  /**
   * Runs the program of {@code command} to its end and turns the outcome into the build's: exit
   * code 0 returns, any other fails the build with one line ({@link ExitStatus}).
   *
   * @param argFile where a class path too long for the command line is written
   * @param environment added to Maven's; see {@link #run}
   * @throws MojoExecutionException if the program cannot start or this thread is interrupted
   * @throws MojoFailureException if the program exits with another code than 0
   */
  void runProgram(JavaCommand command, Path argFile, Path workingDirectory, Map<String, String> environment)
      throws MojoExecutionException, MojoFailureException {
    runProgram(command, argFile, workingDirectory, environment, code -> ExitStatus.message(command.mainClass(), code));
  }

  /**
   * Like {@link #runProgram(JavaCommand, Path, Path, Map)}, with the build's failure message for
   * an exit code other than 0 given by {@code failure}.
   */
  void runProgram(
      JavaCommand command,
      Path argFile,
      Path workingDirectory,
      Map<String, String> environment,
      IntFunction<String> failure)
      throws MojoExecutionException, MojoFailureException {
    String main = command.mainClass();
    int exitCode;
    try {
      exitCode = run(command.toList(ClassPath.ARGFILE_THRESHOLD, argFile), workingDirectory, environment);
    } catch (IOException e) {
      throw new MojoExecutionException("hotrestart:run: cannot run " + main + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("hotrestart:run: interrupted; " + main + " was stopped", e);
    }
    if (exitCode != 0) {
      throw new MojoFailureException(failure.apply(exitCode));
    }
  }

  /**
   * Starts {@code command} in {@code workingDirectory} with {@code environment} added to this
   * process's environment (a {@code null} value sets the variable to the empty string), its
   * standard streams those of Maven, and returns its exit code.
   *
   * @throws IOException if the working directory does not exist or the process cannot start
   * @throws InterruptedException if this thread is interrupted; the program is stopped first
   */
  int run(List<String> command, Path workingDirectory, Map<String, String> environment)
      throws IOException, InterruptedException {
    if (!Files.isDirectory(workingDirectory)) {
      throw new IOException("working directory " + workingDirectory + " does not exist");
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).inheritIO();
    environment.forEach((name, value) -> builder.environment().put(name, value == null ? "" : value));
    debug.accept("hotrestart:run: starting " + String.join(" ", command) + " in " + workingDirectory);
    // trap before starting: a Ctrl-C while the JVM starts must not end Maven and orphan the child
    try (SigIntTrap trap = SigIntTrap.install(debug)) {
      if (trap.ignoredSinceStart()) {
        debug.accept("hotrestart:run: Maven started with SIGINT ignored (in the background?); nothing to trap");
      }
      Process process = builder.start();
      Thread hook = new Thread(() -> stop(process, GRACE), "hotrestart-stop-program");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        int exitCode = process.waitFor();
        if (trap.trapped() > 0) {
          debug.accept("hotrestart:run: left " + trap.trapped() + " Ctrl-C to the program");
        }
        return exitCode;
      } catch (InterruptedException e) {
        stop(process, GRACE);
        throw e;
      } finally {
        removeShutdownHook(hook);
      }
    }
  }

  private void removeShutdownHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down, and the hook is running or has run: nothing to undo
      debug.accept("hotrestart:run: shutdown in progress, hook left in place");
    }
  }

  /**
   * Asks {@code process} to end, waits up to {@code grace}, then kills it. Returns once it has
   * ended, or after a further {@code grace} if even a forced kill is not observed.
   */
  static void stop(Process process, Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    boolean interrupted = false;
    try {
      if (!waitFor(process, grace)) {
        process.destroyForcibly();
        waitFor(process, grace);
      }
    } catch (InterruptedException e) {
      interrupted = true;
      process.destroyForcibly();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean waitFor(Process process, Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
