import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the built documentation site (run by {@code site/check}, a single-file program so that
 * it needs nothing but the JDK):
 *
 * <ul>
 *   <li>every expected page exists;
 *   <li>every local link and image of every page resolves to a file, and a link's {@code #part}
 *       to an {@code id} or {@code name} in the target page;
 *   <li>every page is reachable from {@code index.html} by following links;
 *   <li>every page outside the Javadoc carries the site's navigation;
 *   <li>every test or benchmark that a Markdown page names in backticks ({@code FooTest},
 *       {@code FooIT.someMethod}, a class of {@code it/bench}) exists, so that a claim such as
 *       the comparison's cannot outlive the test behind it;
 *   <li>every local link of the README resolves.
 * </ul>
 *
 * <p>Arguments: the repository's root. Prints each problem on a line and exits with 1 if there
 * is any.
 */
public final class SiteCheck {

  /** The pages a reader must find; the generated ones included. */
  static final List<String> EXPECTED =
      List.of(
          "index.html",
          "getting-started.html",
          "debugger.html",
          "testing.html",
          "reload.html",
          "troubleshooting.html",
          "comparison.html",
          "maven-plugin.html",
          "run-mojo.html",
          "test-mojo.html",
          "help-mojo.html",
          "plugin-info.html",
          "processor.html",
          "performance.html",
          "building.html",
          "apidocs/index.html",
          "apidocs/dev/hotrestart/HotRestartable.html",
          "apidocs/dev/hotrestart/NoRestart.html",
          "apidocs/dev/hotrestart/HotRestart.html");

  /** A page that javadoc writes only to redirect old links to its index; nothing links to it. */
  static final String JAVADOC_REDIRECT = "apidocs/overview-summary.html";

  /** The site's menu (site/site.xml): every page outside the Javadoc links to each of these. */
  static final List<String> NAVIGATION =
      EXPECTED.stream().filter(p -> !p.startsWith("apidocs/dev/")).collect(Collectors.toList());

  static final Pattern LINK =
      Pattern.compile("\\b(?:href|src)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  static final Pattern ANCHOR =
      Pattern.compile("\\b(?:id|name)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
  static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  static final Pattern NAMED_TEST =
      Pattern.compile("`([A-Z][A-Za-z0-9]*)(?:\\.(?!(?:java|class|html|md)`)([a-z][A-Za-z0-9]*))?`");

  final Path root;
  final Path site;
  final List<String> problems = new ArrayList<>();
  final Map<Path, Set<String>> anchors = new HashMap<>();

  SiteCheck(Path root) {
    this.root = root;
    this.site = root.resolve("site/target/site");
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    SiteCheck check = new SiteCheck(root);
    if (!Files.isDirectory(check.site)) {
      System.out.println(check.site + " does not exist: build the site first (mvn compile site)");
      System.exit(1);
    }
    int pages = check.run();
    check.problems.forEach(System.out::println);
    System.out.printf(
        "site check: %d pages, %d problem%s%n",
        pages, check.problems.size(), check.problems.size() == 1 ? "" : "s");
    System.exit(check.problems.isEmpty() ? 0 : 1);
  }

  int run() throws IOException {
    for (String page : EXPECTED) {
      if (!Files.isRegularFile(site.resolve(page))) {
        problems.add("missing page: " + page);
      }
    }
    Set<Path> pages;
    try (Stream<Path> files = Files.walk(site)) {
      pages = files.filter(SiteCheck::isHtml).map(Path::normalize).collect(Collectors.toCollection(TreeSet::new));
    }
    Map<Path, List<String>> linksOf = new HashMap<>();
    for (Path page : pages) {
      linksOf.put(page, links(page));
    }
    for (Path page : pages) {
      for (String link : linksOf.get(page)) {
        checkLink(page, link);
      }
      boolean javadoc = site.relativize(page).startsWith("apidocs");
      if (!javadoc) {
        // The menu links every page but the current one, which it shows as selected.
        List<String> missing = new ArrayList<>(NAVIGATION);
        missing.remove(name(page));
        missing.removeAll(linksOf.get(page));
        if (!missing.isEmpty()) {
          problems.add(name(page) + ": the site navigation lacks links to " + missing);
        }
      }
    }
    Set<Path> reached = reachable(site.resolve("index.html").normalize(), linksOf);
    for (Path page : pages) {
      if (!reached.contains(page) && !page.equals(site.resolve(JAVADOC_REDIRECT))) {
        problems.add("not reachable from index.html: " + name(page));
      }
    }
    checkNamedTests();
    checkReadme();
    return pages.size();
  }

  static boolean isHtml(Path path) {
    return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".html");
  }

  String name(Path page) {
    return site.relativize(page).toString();
  }

  static List<String> links(Path page) {
    List<String> links = new ArrayList<>();
    Matcher m = LINK.matcher(read(page));
    while (m.find()) {
      links.add(m.group(1).replace("&amp;", "&"));
    }
    return links;
  }

  /** The local file a link names, or null for an external link or a fragment of the same page. */
  static Path target(Path page, String link) {
    if (link.isEmpty() || link.startsWith("#")) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(link.replace(" ", "%20"));
    } catch (IllegalArgumentException e) {
      return page.resolveSibling("malformed: " + link);
    }
    if (uri.getScheme() != null || link.startsWith("//")) {
      return null; // http(s), mailto, javascript: not this check's business
    }
    String path = URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
    if (path.isEmpty()) {
      return null;
    }
    Path file = page.getParent().resolve(path).normalize();
    return Files.isDirectory(file) ? file.resolve("index.html") : file;
  }

  void checkLink(Path page, String link) {
    Path file = target(page, link);
    String fragment = link.contains("#") ? link.substring(link.indexOf('#') + 1) : "";
    if (file == null) {
      boolean withinJavadoc = site.relativize(page).startsWith("apidocs");
      if (link.startsWith("#") && !fragment.isEmpty() && !withinJavadoc && !anchorsOf(page).contains(fragment)) {
        problems.add(name(page) + ": broken link " + link + " (no such anchor)");
      }
      return;
    }
    if (!file.startsWith(site) || !Files.isRegularFile(file)) {
      problems.add(name(page) + ": broken link " + link);
      return;
    }
    // Anchors inside the Javadoc are the JDK's own (javadoc's doclint checks our references);
    // from our pages into it, and everywhere else, they are checked.
    boolean withinJavadoc = site.relativize(page).startsWith("apidocs");
    if (!fragment.isEmpty()
        && !withinJavadoc
        && file.getFileName().toString().endsWith(".html")
        && !anchorsOf(file).contains(URLDecoder.decode(fragment, StandardCharsets.UTF_8))) {
      problems.add(name(page) + ": broken link " + link + " (no such anchor in " + name(file) + ")");
    }
  }

  Set<String> anchorsOf(Path page) {
    return anchors.computeIfAbsent(
        page,
        p -> {
          Set<String> ids = new LinkedHashSet<>();
          Matcher m = ANCHOR.matcher(read(p));
          while (m.find()) {
            ids.add(m.group(1));
          }
          return ids;
        });
  }

  Set<Path> reachable(Path start, Map<Path, List<String>> linksOf) {
    Set<Path> seen = new LinkedHashSet<>();
    Deque<Path> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      Path page = todo.poll();
      if (!seen.add(page)) {
        continue;
      }
      for (String link : linksOf.getOrDefault(page, List.of())) {
        Path file = target(page, link);
        if (file != null && linksOf.containsKey(file) && !seen.contains(file)) {
          todo.add(file);
        }
      }
    }
    return seen;
  }

  /** Tests and benchmarks named in the pages must exist, with the method when one is named. */
  void checkNamedTests() throws IOException {
    Map<String, Path> classes = new HashMap<>();
    for (String tree : List.of("runtime", "processor", "maven-plugin", "it")) {
      Path dir = root.resolve(tree);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files
            .filter(f -> f.toString().endsWith(".java") && !f.toString().contains("/target/"))
            .filter(f -> f.toString().contains("/src/test/java/") || f.toString().contains("/bench/src/"))
            .forEach(f -> classes.put(f.getFileName().toString().replace(".java", ""), f));
      }
    }
    Path markdown = root.resolve("site/markdown");
    try (Stream<Path> files = Files.list(markdown)) {
      for (Path page : files.filter(f -> f.toString().endsWith(".md")).sorted().collect(Collectors.toList())) {
        Matcher m = NAMED_TEST.matcher(read(page));
        while (m.find()) {
          String type = m.group(1);
          String method = m.group(2);
          boolean looksLikeTest = type.endsWith("Test") || type.endsWith("IT");
          Path file = classes.get(type);
          if (file == null) {
            if (looksLikeTest) {
              problems.add(markdown.relativize(page) + ": names " + type + ", which is no test of the repository");
            }
            continue;
          }
          if (method != null && !Pattern.compile("\\b" + method + "\\s*\\(").matcher(read(file)).find()) {
            problems.add(markdown.relativize(page) + ": names " + type + "." + method + ", which " + type + " does not have");
          }
        }
      }
    }
  }

  /** The README links into site/markdown; those files must exist. */
  void checkReadme() {
    Path readme = root.resolve("README.md");
    Matcher m = MARKDOWN_LINK.matcher(read(readme));
    while (m.find()) {
      String link = m.group(1);
      if (link.contains("://") || link.startsWith("#") || link.startsWith("mailto:")) {
        continue;
      }
      String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
      if (!Files.exists(root.resolve(path))) {
        problems.add("README.md: broken link " + link);
      }
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
