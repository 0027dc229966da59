package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Dtest} as Surefire users type it, and Surefire's default includes without it. */
class TestSelectionTest {

  private static final List<String> CLASSES =
      List.of("shop.CartTest", "shop.TestPrices", "shop.CartHelper", "shop.io.CsvTests", "shop.io.ReaderTestCase", "other.CartTest");

  private static List<String> select(String test) throws MojoExecutionException {
    return TestSelection.parse(test).arguments(CLASSES);
  }

  @Test
  void withoutDashDTestSurefiresDefaultIncludesRun() throws MojoExecutionException {
    assertEquals(
        List.of("shop.CartTest", "shop.TestPrices", "shop.io.CsvTests", "shop.io.ReaderTestCase", "other.CartTest"),
        select(null));
    assertFalse(TestSelection.parse(" ").specified());
    assertTrue(TestSelection.parse("CartTest").specified());
  }

  @Test
  void aSimpleNameMatchesInEveryPackageAQualifiedOneInItsOwn() throws MojoExecutionException {
    assertEquals(List.of("shop.CartTest", "other.CartTest"), select("CartTest"));
    assertEquals(List.of("shop.CartTest"), select("shop.CartTest"));
    assertEquals(List.of("shop.CartHelper"), select("CartHelper"), "-Dtest names any class");
  }

  @Test
  void starsMatchWithinANameAndDoubleStarsAcrossPackages() throws MojoExecutionException {
    assertEquals(List.of("shop.CartTest", "shop.CartHelper", "other.CartTest"), select("Cart*"));
    assertEquals(List.of("shop.io.CsvTests", "shop.io.ReaderTestCase"), select("shop/io/*"));
    assertEquals(
        List.of("shop.CartTest", "shop.TestPrices", "shop.CartHelper", "shop.io.CsvTests", "shop.io.ReaderTestCase"),
        select("shop/**/*"));
    assertEquals(List.of("shop.CartTest"), select("shop/Cart?est.java"));
  }

  @Test
  void methodsFollowAHashJoinedByPlus() throws MojoExecutionException {
    assertEquals(List.of("shop.CartTest#total*+discount"), select("shop.CartTest#total*+discount"));
    assertEquals(
        List.of("shop.CartTest#total", "other.CartTest#total"), select("CartTest#total"));
  }

  @Test
  void aClassNamedWithAndWithoutMethodsRunsWhole() throws MojoExecutionException {
    assertEquals(List.of("shop.CartTest"), select("shop.CartTest#total, shop.CartTest"));
    assertEquals(List.of("shop.CartTest#total+label"), select("shop.CartTest#total,shop.CartTest#label"));
  }

  @Test
  void anExclamationMarkLeavesClassesOut() throws MojoExecutionException {
    assertEquals(List.of("shop.CartTest", "shop.CartHelper"), select("Cart*, !other/**"));
  }

  @Test
  void regexEntriesAreRefusedWithTheFormsThatWork() {
    MojoExecutionException e =
        assertThrows(MojoExecutionException.class, () -> TestSelection.parse("%regex[.*Cart.*]"));
    assertTrue(e.getMessage().contains("%regex[...] is not supported; use class names with *"), e.getMessage());
  }

  @Test
  void testClassesAreTheTopLevelClassFilesSorted(@TempDir Path dir) throws Exception {
    for (String file :
        List.of("shop/CartTest.class", "shop/CartTest$Nested.class", "shop/package-info.class", "A.class", "shop/notes.txt")) {
      Path path = dir.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "");
    }
    assertEquals(List.of("A", "shop.CartTest"), TestSelection.testClasses(dir));
    assertEquals(List.of(), TestSelection.testClasses(dir.resolve("missing")));
  }
}
