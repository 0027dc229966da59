package trust;

/** A plain class: not wrapped, so a reload does not swap its code. */
public final class Util {
  private Util() {}

  public static String one() {
    return "one";
  }
}
