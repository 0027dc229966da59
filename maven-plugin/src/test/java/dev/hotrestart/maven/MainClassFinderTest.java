package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainClassFinderTest {

  @TempDir Path temp;

  @Test
  void noCandidate() throws IOException {
    Path classes =
        TestCompiler.compile(
            temp.resolve("classes"),
            Map.of(
                "com.acme.Lib", "package com.acme; public class Lib { public int main() { return 1; } }",
                // near misses: not static, not public, wrong parameter, wrong return type
                "com.acme.NotStatic",
                "package com.acme; public class NotStatic { public void main(String[] a) {} }",
                "com.acme.NotPublic",
                "package com.acme; public class NotPublic { static void main(String[] a) {} }",
                "com.acme.WrongParameter",
                "package com.acme; public class WrongParameter { public static void main(String a) {} }",
                "com.acme.WrongReturn",
                "package com.acme; public class WrongReturn { public static int main(String[] a) { return 0; } }"));

    assertEquals(List.of(), MainClassFinder.find(List.of(classes)));
  }

  @Test
  void oneCandidateAmongOtherClasses() throws IOException {
    Path classes =
        TestCompiler.compile(
            temp.resolve("classes"),
            Map.of(
                "com.acme.App",
                // constants of every width in the pool, a lambda (invokedynamic) and a nested
                // class, so the reader walks a realistic constant pool
                "package com.acme;"
                    + " public class App {"
                    + "   static final long BIG = 1L << 40; static final double PI = 3.14;"
                    + "   static final float F = 1.5f; static final int I = 100000;"
                    + "   class Inner {}"
                    + "   public static void main(String... args) {"
                    + "     Runnable r = () -> System.out.println(\"é\" + BIG + PI + F + I);"
                    + "     r.run();"
                    + "   }"
                    + " }",
                "com.acme.model.Row", "package com.acme.model; public record Row(String name) {}",
                "com.acme.package-info", "package com.acme;"));

    assertEquals(List.of("com.acme.App"), MainClassFinder.find(List.of(classes)));
  }

  @Test
  void severalCandidatesAreSortedAndNestedOnesUseBinaryNames() throws IOException {
    Path main =
        TestCompiler.compile(
            temp.resolve("classes"),
            Map.of(
                "com.acme.Tool",
                "package com.acme; public class Tool {"
                    + " public static class Cli { public static void main(String[] a) {} } }",
                "com.acme.App", "package com.acme; public class App { public static void main(String[] a) {} }",
                "Launcher", "interface Launcher { static void main(String[] a) {} }"));
    Path test =
        TestCompiler.compile(
            temp.resolve("test-classes"),
            Map.of("com.acme.Demo", "package com.acme; class Demo { public static void main(String[] a) {} }"));

    assertEquals(
        List.of("Launcher", "com.acme.App", "com.acme.Demo", "com.acme.Tool$Cli"),
        MainClassFinder.find(List.of(main, test)));
    assertEquals(
        List.of("Launcher", "com.acme.App", "com.acme.Tool$Cli"), MainClassFinder.find(List.of(main)));
  }

  @Test
  void missingDirectoriesAreIgnored() throws IOException {
    assertEquals(List.of(), MainClassFinder.find(List.of(temp.resolve("not-there"))));
  }

  @Test
  void aMalformedClassFileIsReportedByName() throws IOException {
    Path classes = Files.createDirectories(temp.resolve("classes"));
    Files.write(classes.resolve("Broken.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0});
    IOException e = assertThrows(IOException.class, () -> MainClassFinder.find(List.of(classes)));
    assertTrue(e.getMessage().contains("Broken.class"), e.getMessage());

    Files.writeString(classes.resolve("Broken.class"), "not a class");
    e = assertThrows(IOException.class, () -> MainClassFinder.find(List.of(classes)));
    assertTrue(e.getMessage().contains("bad magic number"), e.getMessage());
  }

  @Test
  void messagesListTheCandidatesAndSayHowToChoose() {
    String several = MainClassFinder.severalFoundMessage(List.of("com.acme.App", "com.acme.Tool"));
    String[] lines = several.split("\\R");
    assertEquals("hotrestart:run: several classes have public static void main(String[]):", lines[0]);
    assertEquals("  com.acme.App", lines[1]);
    assertEquals("  com.acme.Tool", lines[2]);
    assertTrue(lines[3].contains("-Dhotrestart.mainClass="), lines[3]);
    assertTrue(lines[3].contains("<mainClass>"), lines[3]);

    String none = MainClassFinder.noneFoundMessage(List.of(Path.of("target", "classes")));
    assertTrue(none.startsWith("hotrestart:run: no class with public static void main(String[]) in ["), none);
    assertTrue(none.contains(Path.of("target", "classes").toString()), none);
    assertTrue(none.contains("-Dhotrestart.mainClass="), none);
  }
}
