package shop;

public final class Main {
  public static void main(String[] args) {
    System.out.println("running on Java " + Runtime.version().feature());
    Inventory inventory = HotRestart_Inventory.create();
    inventory.restock("apple", 3, 4);
    inventory.restock("pear", 2);
    inventory.restock("plum", 5, -1);
    System.out.println("after: " + inventory.report());
  }
}
