package dev.hotrestart.reload;

/**
 * Deep access to a class of a named module (a program run on the module path): reloads define
 * classes beside it with its private lookup, and {@code this} reads its private fields, which the
 * module system allows only into a package the module opens to hotrestart. With the runtime jar
 * as the program's Java agent the package is opened at run time, as {@code --add-opens} would;
 * without it, {@link #needed} says which {@code opens} to add.
 */
public final class ModuleAccess {

  private ModuleAccess() {}

  /**
   * Opens {@code type}'s package to the runtime if its module is named and does not already.
   *
   * @return whether the runtime may now reach the package's private members
   */
  public static boolean open(Class<?> type) {
    Module module = type.getModule();
    Module self = ModuleAccess.class.getModule();
    String pkg = type.getPackageName();
    if (!module.isNamed() || module.isOpen(pkg, self)) {
      return true;
    }
    if (!Redefiner.openPackage(module, pkg, self)) {
      return false;
    }
    return module.isOpen(pkg, self);
  }

  /**
   * What opens {@code type}'s package to the runtime: the {@code module-info.java} line and the
   * JVM option, for a message.
   */
  public static String needed(Class<?> type) {
    Module self = ModuleAccess.class.getModule();
    String pkg = type.getPackageName();
    String module = type.getModule().getName();
    String target = self.isNamed() ? self.getName() : "ALL-UNNAMED";
    return "add `opens "
        + pkg
        + (self.isNamed() ? " to " + self.getName() : "")
        + ";` to module "
        + module
        + "'s module-info.java, or the JVM option --add-opens "
        + module
        + "/"
        + pkg
        + "="
        + target
        + ", or start the program with the runtime jar as its Java agent ("
        + Redefiner.agentOption()
        + "; mvn hotrestart:run does), which opens it";
  }
}
