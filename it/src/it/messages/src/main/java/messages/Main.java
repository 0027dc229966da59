package messages;

public final class Main {
  public static void main(String[] args) {
    Worker worker = HotRestart_Worker.create();
    System.out.println("result=" + worker.work("region,x"));
    System.out.println("result=" + worker.work("table,3"));
  }
}
