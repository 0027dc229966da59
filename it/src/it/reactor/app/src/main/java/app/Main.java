package app;

import lib.HotRestart_Shouter;
import lib.Shouter;

public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Shouter shouter = HotRestart_Shouter.create();
    System.out.println("app says " + shouter.shout(args.length == 0 ? "reactor" : args[0]));
  }
}
