package dev.hotrestart.junit;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The context class loader while Jupiter looks for auto-detected extensions: it answers the
 * service file {@code META-INF/services/org.junit.jupiter.api.extension.Extension} with a file
 * naming {@link RestartingExtension} only (plus the class path's own files when the project turned
 * auto-detection on itself), and passes everything else to the class path's loader.
 *
 * <p>Why: Jupiter has no API to register an extension for a whole run, only auto-detection
 * through {@link java.util.ServiceLoader} from the context class loader; turning that on for the
 * class path would also load every other library's auto-detected extension, which {@code mvn
 * test} does not, and a service file in the runtime jar would register it under {@code mvn test}
 * for projects that turned auto-detection on. This way the extension exists only under {@code
 * mvn hotrestart:test}, and the tests themselves run with the usual context class loader
 * ({@link TestMain} puts it back once Jupiter started).
 */
final class ExtensionServiceLoader extends ClassLoader {

  static final String SERVICE_FILE = "META-INF/services/org.junit.jupiter.api.extension.Extension";
  /** The property of Jupiter's auto-detection, which {@link TestMain} turns on. */
  static final String AUTODETECTION = "junit.jupiter.extensions.autodetection.enabled";

  private final boolean projectsToo;

  /**
   * @param parent the class path's loader
   * @param projectsToo whether the project turned auto-detection on: its own service files stay
   */
  ExtensionServiceLoader(ClassLoader parent, boolean projectsToo) {
    super(parent);
    this.projectsToo = projectsToo;
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (!name.equals(SERVICE_FILE)) {
      return super.getResources(name);
    }
    List<URL> files = new ArrayList<>();
    if (projectsToo) {
      files.addAll(Collections.list(getParent().getResources(name)));
    }
    URL ours = ExtensionServiceLoader.class.getResource("extension-service");
    if (ours == null) {
      throw new IOException(
          "hotrestart: the runtime jar lacks dev/hotrestart/junit/extension-service; rebuild or"
              + " download it again");
    }
    files.add(ours);
    return Collections.enumeration(files);
  }
}
