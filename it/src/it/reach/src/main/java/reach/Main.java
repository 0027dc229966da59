package reach;

import java.util.List;

public final class Main {
  public static void main(String[] args) {
    System.out.println("running on Java " + Runtime.version().feature());
    Pipeline pipeline = HotRestart_Pipeline.create();
    System.out.println("take: " + pipeline.take("apple", "3.50"));
    System.out.println("total: " + pipeline.total(List.of("1", "2.25")));
    System.out.println("done");
  }
}
