package params;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Prints what hotrestart:run gave it, one fact per line, for the tests to read. */
public final class Echo {

  private Echo() {}

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i++) {
      System.out.println("arg[" + i + "]=<" + args[i] + ">");
    }
    System.out.println("arg.count=" + args.length);
    for (String jvmArgument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      System.out.println("jvm=<" + jvmArgument + ">");
    }
    for (String name : new String[] {"from.jvm", "from.pom", "empty.pom", "hotrestart.enabled", "hotrestart.sourceRoots"}) {
      System.out.println("property " + name + "=<" + System.getProperty(name) + ">");
    }
    for (String name : new String[] {"HR_GREETING", "HR_EMPTY"}) {
      System.out.println("env " + name + "=<" + System.getenv(name) + ">");
    }
    System.out.println("cwd=<" + Path.of("").toAbsolutePath() + ">");
    Path input = Path.of("input.txt");
    System.out.println("input=<" + (Files.exists(input) ? Files.readString(input).trim() : "missing") + ">");
    // "crash" among the arguments makes the wrapped method throw, to open the debugger.
    String name = Arrays.asList(args).contains("crash") ? null : "world";
    Greeter greeter = HotRestart_Greeter.create("hello");
    System.out.println(greeter.greet(name));
  }
}
