package shop;

public final class Main {
  public static void main(String[] args) {
    Checkout checkout = HotRestart_Checkout.create();
    System.out.println("bill: " + checkout.bill(new Order("A-7", "3.50")));
    System.out.println("done");
  }
}
