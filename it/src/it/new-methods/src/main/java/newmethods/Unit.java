package newmethods;

/** A plain class: no wrapped method, so c redefines it through the Java agent. */
public class Unit {
  public int size(String word) {
    return word.length();
  }
}
