package nested;

import java.util.List;

public final class Main {
  public static void main(String[] args) {
    Pipeline pipeline = HotRestart_Pipeline.create();
    Stage stage = HotRestart_Stage.create();
    System.out.println("sum=" + pipeline.run(stage, List.of("1", "2", "x", "4")));
  }
}
