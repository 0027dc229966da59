package shop;

/** Not restartable itself: its methods are reached through super and inheritance. */
public abstract class Catalog {
  protected String label(String name) {
    return "[" + name + "]";
  }

  public String describe(String name) {
    return "catalog " + name;
  }
}
