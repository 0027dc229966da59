package trust;

public final class Main {
  public static void main(String[] args) {
    Steps steps = HotRestart_Steps.create();
    System.out.println("first: " + steps.first(""));
    System.out.println("second: " + steps.second("ab"));
    Pipeline pipeline = HotRestart_Pipeline.create();
    System.out.println("take: " + pipeline.take(-3));
    System.out.println("done");
  }
}
