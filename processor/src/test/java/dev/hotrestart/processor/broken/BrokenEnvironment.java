package dev.hotrestart.processor.broken;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * javac's processing environment, except that its {@link Filer} refuses one proxy (source or
 * class file) with an
 * {@link IllegalStateException} and its {@link Types#isAssignable} fails an assertion on one
 * type, as a build tool's wrapper or a compiler bug could. It records the files it let
 * through, since compile-testing hides a failed compile's generated files.
 *
 * <p>It lives outside the processor's package so that its frames read as foreign code in
 * {@code [HotRestartInternal]} messages, as the compiler's or a build tool's would.
 */
public final class BrokenEnvironment implements ProcessingEnvironment {
  private final ProcessingEnvironment env;
  private final String refused;
  private final String unassignableType;
  private final List<String> createdFiles = new ArrayList<>();
  private boolean classFiles = true;

  /**
   * @param env javac's environment
   * @param refused the qualified name of the source or class file to refuse, or {@code null}
   * @param unassignableType the type on which {@code isAssignable} fails, or {@code null}
   */
  public BrokenEnvironment(
      ProcessingEnvironment env, String refused, String unassignableType) {
    this.env = env;
    this.refused = refused;
    this.unassignableType = unassignableType;
  }

  /**
   * javac's environment whose {@link Filer} cannot create class files at all, as Eclipse's
   * cannot ({@link UnsupportedOperationException}).
   */
  public static BrokenEnvironment withoutClassFiles(ProcessingEnvironment env) {
    BrokenEnvironment broken = new BrokenEnvironment(env, null, null);
    broken.classFiles = false;
    return broken;
  }

  /** Qualified names of the source and class files created through this environment's Filer. */
  public List<String> createdFiles() {
    return createdFiles;
  }

  @Override
  public Map<String, String> getOptions() {
    return env.getOptions();
  }

  @Override
  public Messager getMessager() {
    return env.getMessager();
  }

  @Override
  public Filer getFiler() {
    Filer filer = env.getFiler();
    return new Filer() {
      @Override
      public JavaFileObject createSourceFile(CharSequence name, Element... originatingElements)
          throws IOException {
        if (name.toString().equals(refused)) {
          throw new IllegalStateException("Filer refuses " + name);
        }
        JavaFileObject file = filer.createSourceFile(name, originatingElements);
        createdFiles.add(name.toString());
        return file;
      }

      @Override
      public JavaFileObject createClassFile(CharSequence name, Element... originatingElements)
          throws IOException {
        if (!classFiles) {
          throw new UnsupportedOperationException("this Filer cannot create class files");
        }
        if (name.toString().equals(refused)) {
          throw new IllegalStateException("Filer refuses " + name);
        }
        JavaFileObject file = filer.createClassFile(name, originatingElements);
        createdFiles.add(name.toString());
        return file;
      }

      @Override
      public FileObject createResource(
          JavaFileManager.Location location,
          CharSequence moduleAndPkg,
          CharSequence relativeName,
          Element... originatingElements)
          throws IOException {
        return filer.createResource(location, moduleAndPkg, relativeName, originatingElements);
      }

      @Override
      public FileObject getResource(
          JavaFileManager.Location location, CharSequence moduleAndPkg, CharSequence relativeName)
          throws IOException {
        return filer.getResource(location, moduleAndPkg, relativeName);
      }
    };
  }

  @Override
  public Elements getElementUtils() {
    return env.getElementUtils();
  }

  @Override
  public Types getTypeUtils() {
    Types types = env.getTypeUtils();
    // A dynamic proxy, so that only isAssignable needs writing out.
    return (Types)
        Proxy.newProxyInstance(
            Types.class.getClassLoader(),
            new Class<?>[] {Types.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("isAssignable")
                  && unassignableType != null
                  && ((TypeMirror) arguments[0]).toString().equals(unassignableType)) {
                throw new AssertionError("isAssignable broke on " + arguments[0]);
              }
              try {
                return method.invoke(types, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public SourceVersion getSourceVersion() {
    return env.getSourceVersion();
  }

  @Override
  public Locale getLocale() {
    return env.getLocale();
  }

  @Override
  public boolean isPreviewEnabled() {
    return env.isPreviewEnabled();
  }
}
