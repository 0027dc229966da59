package fields;

public final class Main {
  public static void main(String[] args) {
    Tally first = new Tally();
    Shelf shelf = HotRestart_Shelf.create();
    for (String line : new String[] {"apples", "", "pears"}) {
      System.out.println("count: " + shelf.count(line));
    }
    System.out.println("summary: " + shelf.summary());
    Tally second = new Tally();
    System.out.println("limits: " + first.limit() + " " + second.limit());
    System.out.println("done");
  }
}
