package reach;

/** A plain class the fixes do not touch. */
public final class Labels {
  private Labels() {}

  public static String label() {
    return "total";
  }
}
