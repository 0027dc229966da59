package fields;

/** A plain class with objects made before and after the crash. */
public class Tally {
  public int limit() {
    return 0; // LIMIT
  }
}
