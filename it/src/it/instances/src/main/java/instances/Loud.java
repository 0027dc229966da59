package instances;

/** A plain subclass: its override reaches the wrapped method with super. */
public class Loud extends Counter {
  @Override
  public int parse(String word) {
    System.out.println("loud: " + word);
    return super.parse(word);
  }
}
