package j25;

class StaticNoArgsPrivateConstructor {
  private StaticNoArgsPrivateConstructor() {}

  static void main() {}
}
