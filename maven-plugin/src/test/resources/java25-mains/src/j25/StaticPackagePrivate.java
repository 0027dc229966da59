package j25;

class StaticPackagePrivate {
  static void main(String[] args) {}
}
