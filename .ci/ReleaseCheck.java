import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Checks what a release would upload, as {@code .ci/release-dry-run} deployed it into a folder
 * laid out like a Maven repository: each published artifact has its pom, jar, -sources.jar and
 * -javadoc.jar with checksums; each pom carries, itself or through the parent pom beside it, the
 * metadata Maven Central requires; the runtime jar has its module name, ASM relocated and no
 * dependency in its pom; the processor and the plugin jars hold what makes them work. A
 * single-file program: it needs nothing but the JDK.
 *
 * <p>Argument: the staging folder. Prints one line per problem and exits with 1 if there is any.
 */
public final class ReleaseCheck {

  static final String GROUP = "dev/hotrestart";
  static final List<String> JAR_ARTIFACTS =
      List.of("hotrestart-runtime", "hotrestart-processor", "hotrestart-maven-plugin");
  static final String PARENT = "hotrestart-parent";

  /** What Central requires of a pom, as XPath over the pom (or its parent). */
  static final List<String> REQUIRED =
      List.of(
          "name",
          "description",
          "url",
          "licenses/license/name",
          "licenses/license/url",
          "scm/url",
          "scm/connection",
          "developers/developer/name",
          "developers/developer/email");

  final Path staging;
  final List<String> problems = new ArrayList<>();
  final XPath xpath = XPathFactory.newInstance().newXPath();

  ReleaseCheck(Path staging) {
    this.staging = staging;
  }

  public static void main(String[] args) throws Exception {
    ReleaseCheck check = new ReleaseCheck(Path.of(args[0]));
    int files = check.run();
    check.problems.forEach(System.out::println);
    System.out.printf(
        "release check: %d files, %d problem%s%n",
        files, check.problems.size(), check.problems.size() == 1 ? "" : "s");
    System.exit(check.problems.isEmpty() ? 0 : 1);
  }

  int run() throws Exception {
    Path group = staging.resolve(GROUP);
    List<String> deployed;
    try (Stream<Path> dirs = Files.list(group)) {
      deployed = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().collect(Collectors.toList());
    }
    List<String> expected = new ArrayList<>(JAR_ARTIFACTS);
    expected.add(PARENT);
    expected.sort(null);
    if (!deployed.equals(expected)) {
      problems.add("deployed artifacts " + deployed + ", expected exactly " + expected);
    }
    Document parentPom = pom(PARENT).map(this::parse).orElse(null);
    if (parentPom == null) {
      problems.add(PARENT + ": no pom");
    } else {
      checkMetadata(PARENT, parentPom, null);
    }
    for (String artifact : JAR_ARTIFACTS) {
      Optional<Path> pomFile = pom(artifact);
      if (pomFile.isEmpty()) {
        problems.add(artifact + ": no pom");
        continue;
      }
      Document pom = parse(pomFile.get());
      checkMetadata(artifact, pom, parentPom);
      Path jar = file(artifact, ".jar");
      Path sources = file(artifact, "-sources.jar");
      Path javadoc = file(artifact, "-javadoc.jar");
      if (jar != null) {
        checkJar(artifact, jar, pom);
      }
      if (sources != null && entries(sources).stream().noneMatch(e -> e.endsWith(".java"))) {
        problems.add(artifact + ": -sources.jar holds no .java file");
      }
      if (javadoc != null && !entries(javadoc).contains("index.html")) {
        problems.add(artifact + ": -javadoc.jar has no index.html");
      }
      if (javadoc != null
          && artifact.equals("hotrestart-runtime")
          && !entries(javadoc).contains("dev/hotrestart/HotRestartable.html")) {
        problems.add(artifact + ": -javadoc.jar does not document dev.hotrestart.HotRestartable");
      }
    }
    try (Stream<Path> all = Files.walk(staging)) {
      List<Path> files = all.filter(Files::isRegularFile).collect(Collectors.toList());
      for (Path f : files) {
        String name = f.getFileName().toString();
        boolean published = name.endsWith(".jar") || name.endsWith(".pom");
        if (published) {
          for (String sum : List.of(".md5", ".sha1")) {
            if (!Files.exists(f.resolveSibling(name + sum))) {
              problems.add(staging.relativize(f) + ": no " + sum + " checksum");
            }
          }
        }
      }
      return files.size();
    }
  }

  /** The newest deployed file of an artifact ending with the suffix (snapshots are timestamped). */
  Path file(String artifact, String suffix) throws IOException {
    Path dir = staging.resolve(GROUP).resolve(artifact);
    if (!Files.isDirectory(dir)) {
      return null;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> matches =
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().endsWith(suffix))
              // "-sources.jar" and "-javadoc.jar" also end with ".jar": the main jar is the other one
              .filter(f -> !suffix.equals(".jar") || !f.getFileName().toString().matches(".*-(sources|javadoc)\\.jar"))
              .sorted()
              .collect(Collectors.toList());
      if (matches.isEmpty()) {
        problems.add(artifact + ": no " + (suffix.equals(".jar") ? "jar" : suffix));
        return null;
      }
      return matches.get(matches.size() - 1);
    }
  }

  Optional<Path> pom(String artifact) throws IOException {
    Path dir = staging.resolve(GROUP).resolve(artifact);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".pom")).sorted().reduce((a, b) -> b);
    }
  }

  void checkMetadata(String artifact, Document pom, Document parent) throws Exception {
    for (String element : REQUIRED) {
      String own = text(pom, element);
      // The module's own name and description are required; the rest may be inherited.
      boolean inheritable = !element.equals("name") && !element.equals("description");
      String value = own.isEmpty() && inheritable && parent != null ? text(parent, element) : own;
      if (value.isEmpty()) {
        problems.add(artifact + ": pom has no " + element + (inheritable ? " (nor its parent)" : ""));
      }
    }
  }

  void checkJar(String artifact, Path jar, Document pom) throws Exception {
    List<String> entries = entries(jar);
    String moduleName = manifest(jar).getMainAttributes().getValue("Automatic-Module-Name");
    switch (artifact) {
      case "hotrestart-runtime":
        if (!"dev.hotrestart.runtime".equals(moduleName)) {
          problems.add(artifact + ": Automatic-Module-Name is " + moduleName + ", not dev.hotrestart.runtime");
        }
        if (entries.stream().anyMatch(e -> e.startsWith("org/objectweb/"))) {
          problems.add(artifact + ": the jar holds unshaded org/objectweb classes");
        }
        if (entries.stream().noneMatch(e -> e.startsWith("dev/hotrestart/internal/asm/"))) {
          problems.add(artifact + ": the jar holds no relocated ASM (dev/hotrestart/internal/asm)");
        }
        if (entries.stream().anyMatch(e -> e.equals("module-info.class"))) {
          problems.add(artifact + ": the jar holds a module-info.class (ASM's, unrelocated?)");
        }
        NodeList deps = (NodeList) xpath.evaluate("/project/dependencies/dependency", pom, XPathConstants.NODESET);
        for (int i = 0; i < deps.getLength(); i++) {
          String scope = xpath.evaluate("scope", deps.item(i));
          // Maven never passes test or provided dependencies on to a dependent project: the
          // JUnit API that dev.hotrestart.junit compiles against (hotrestart:test supplies it)
          // stays out of a user's tree.
          if (!scope.equals("test") && !scope.equals("provided")) {
            problems.add(artifact + ": the published pom depends on "
                + xpath.evaluate("groupId", deps.item(i)) + ":" + xpath.evaluate("artifactId", deps.item(i))
                + " (the runtime must add nothing to a user's dependencies)");
          }
        }
        break;
      case "hotrestart-processor":
        if (!"dev.hotrestart.processor".equals(moduleName)) {
          problems.add(artifact + ": Automatic-Module-Name is " + moduleName + ", not dev.hotrestart.processor");
        }
        if (!entries.contains("META-INF/services/javax.annotation.processing.Processor")) {
          problems.add(artifact + ": no META-INF/services/javax.annotation.processing.Processor");
        }
        break;
      case "hotrestart-maven-plugin":
        if (!entries.contains("META-INF/maven/plugin.xml")) {
          problems.add(artifact + ": no META-INF/maven/plugin.xml");
        }
        break;
      default:
        throw new IllegalArgumentException(artifact);
    }
  }

  static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().map(e -> e.getName()).collect(Collectors.toList());
    }
  }

  static Manifest manifest(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      return manifest == null ? new Manifest() : manifest;
    }
  }

  Document parse(Path pom) {
    try (InputStream in = Files.newInputStream(pom)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      return factory.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      problems.add(pom + ": cannot be read: " + e);
      return null;
    }
  }

  String text(Document pom, String path) throws Exception {
    return pom == null ? "" : xpath.evaluate("/project/" + path, pom).trim();
  }
}
