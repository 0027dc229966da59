package j25;

interface StaticInInterface {
  static void main() {}
}
