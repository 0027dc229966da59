package app;

public final class Main {
  public static void main(String[] args) {
    Pipeline p = HotRestart_Pipeline.create();
    System.out.println("take: " + p.take("3.50"));
    System.out.println("done");
  }
}
