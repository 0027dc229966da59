package app;

final class Money {
  static int scale() {
    return 0; // SCALE
  }
}
