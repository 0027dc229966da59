package fields;

public final class Main {
  public static void main(String[] args) {
    Tally first = new Tally();
    Shelf shelf = HotRestart_Shelf.create();
    for (String line : new String[] {"apples", "", "pears"}) {
      System.out.println("count: " + shelf.count(line));
    }
    System.out.println("summary: " + shelf.summary());
    // Made after the reload, by the factory and by new: the new fields' initializers run.
    System.out.println("later: " + HotRestart_Shelf.create().summary() + ", " + new Shelf().summary());
    Tally second = new Tally();
    System.out.println("limits: " + first.limit() + " " + second.limit());
    System.out.println("check: " + shelf.check());
    System.out.println("done");
  }
}
