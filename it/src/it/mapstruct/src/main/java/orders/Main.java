package orders;

public final class Main {
  public static void main(String[] args) {
    Checkout checkout = HotRestart_Checkout.create();
    System.out.println("show: " + checkout.show(new Order("a-7", "3.50")));
    System.out.println("done");
  }
}
