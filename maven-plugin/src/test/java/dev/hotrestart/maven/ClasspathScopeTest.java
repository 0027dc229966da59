package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class ClasspathScopeTest {

  @Test
  void runtimeIsTheDefaultAndBlanksAroundANameAreIgnored() throws Exception {
    assertEquals(ClasspathScope.RUNTIME, ClasspathScope.parse(null));
    assertEquals(ClasspathScope.RUNTIME, ClasspathScope.parse("runtime"));
    assertEquals(ClasspathScope.TEST, ClasspathScope.parse(" test\n"));
  }

  @Test
  void anyOtherNameFailsQuotingIt() {
    for (String wrong : new String[] {"compile", "Test", ""}) {
      MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> ClasspathScope.parse(wrong));
      assertEquals("hotrestart:run: classpathScope must be runtime or test, not '" + wrong + "'", e.getMessage());
    }
  }
}
