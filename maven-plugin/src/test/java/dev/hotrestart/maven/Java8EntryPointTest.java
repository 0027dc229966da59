package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/**
 * Maven 3 on Java 8 or 11 must be able to load the Mojo and run it up to the Java version check,
 * so that the user reads "needs Java 17" instead of an UnsupportedClassVersionError. That holds
 * if the Mojo and the check are Java 8 class files and linking and running them that far needs
 * no other class of the plugin (which are Java 17 class files).
 */
class Java8EntryPointTest {

  private static final int JAVA_8 = 52;
  private static final int JAVA_17 = 61;

  @Test
  void theEntryPointIsJava8AndTheRestJava17() throws IOException {
    assertEquals(JAVA_8, majorVersion(RunMojo.class));
    assertEquals(JAVA_8, majorVersion(TestMojo.class));
    assertEquals(JAVA_8, majorVersion(ForkingMojo.class));
    assertEquals(JAVA_8, majorVersion(JavaRequirement.class));
    assertEquals(JAVA_17, majorVersion(JavaCommand.class));
  }

  /** hotrestart:run's forked lifecycle runs check-processor first: the same holds for it. */
  @Test
  void theProcessorCheckGoalIsJava8AndLinksWithoutTheJava17Classes() throws Exception {
    assertEquals(JAVA_8, majorVersion(CheckProcessorMojo.class));
    RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());
    Class<?> mojoClass = Class.forName(CheckProcessorMojo.class.getName(), true, loader);
    Mojo mojo = (Mojo) mojoClass.getConstructor().newInstance();
    MavenProject parent = new MavenProject();
    parent.setPackaging("pom");
    Field project = mojoClass.getDeclaredField("project");
    project.setAccessible(true);
    project.set(mojo, parent);
    mojo.execute(); // passes the Java check on this JVM, then has nothing to check in a pom

    assertEquals(
        Set.of(CheckProcessorMojo.class.getName(), JavaRequirement.class.getName()), loader.ownClassesLoaded);
  }

  @Test
  void linkingAndRunningTheMojoUpToTheCheckNeedsOnlyJava8Classes() throws Exception {
    RecordingLoader loader = new RecordingLoader(getClass().getClassLoader());
    // initialising forces linking, which runs the verifier over every method of RunMojo
    Class<?> mojoClass = Class.forName(RunMojo.class.getName(), true, loader);
    Mojo mojo = (Mojo) mojoClass.getConstructor().newInstance();
    Field skip = mojoClass.getSuperclass().getDeclaredField("skip");
    skip.setAccessible(true);
    skip.setBoolean(mojo, true);
    List<String> info = new ArrayList<>();
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void info(CharSequence content) {
            info.add(content.toString());
          }
        });
    mojo.execute(); // passes the Java check on this JVM, then stops at skip

    assertEquals(List.of("hotrestart:run: skipped (hotrestart.skip)"), info);

    assertEquals(
        Set.of(RunMojo.class.getName(), ForkingMojo.class.getName(), JavaRequirement.class.getName()),
        loader.ownClassesLoaded);
  }

  /** Defines this package's classes itself, recording which, and leaves the rest to its parent. */
  private static final class RecordingLoader extends ClassLoader {
    final Set<String> ownClassesLoaded = new TreeSet<>();

    RecordingLoader(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(RunMojo.class.getPackageName() + ".") || name.endsWith("Test")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          ownClassesLoaded.add(name);
          try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
              throw new ClassNotFoundException(name);
            }
            byte[] bytes = in.readAllBytes();
            loaded = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
        return loaded;
      }
    }
  }

  private static int majorVersion(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      assertNotNull(in);
      DataInputStream data = new DataInputStream(in);
      assertTrue(data.readInt() == 0xCAFEBABE);
      data.readUnsignedShort();
      return data.readUnsignedShort();
    }
  }
}
