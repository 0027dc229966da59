package app;

/** Started by the java launcher of Java 25 through an instance main without parameters. */
class Main {

  void main() {
    Greeter greeter = HotRestart_Greeter.create("hello from an instance main");
    IO.println(greeter.greet("Java 25"));
  }
}
