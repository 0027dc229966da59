package newmethods;

public final class Main {
  public static void main(String[] args) {
    Pipeline pipeline = HotRestart_Pipeline.create();
    Classifier plain = HotRestart_Classifier.create();
    Classifier strict = HotRestart_Strict.create();
    System.out.println("took: " + pipeline.take(plain, "apples"));
    System.out.println("took: " + pipeline.take(strict, ""));
    // Made with new, not the factory: no proxy, and the call still reaches the new method.
    System.out.println("took: " + pipeline.take(new Classifier(), "fig"));
    System.out.println("took: " + pipeline.take(strict, "kiwi"));
    System.out.println("done");
  }
}
