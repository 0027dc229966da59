package j25;

/** Classes the java launcher of Java 25 cannot start, each for one reason. */
class NearMisses {
  private NearMisses() {}

  static class PrivateMain {
    private static void main(String[] args) {}
  }

  static class NoNoArgConstructor {
    NoNoArgConstructor(int x) {}

    void main() {}
  }

  static class PrivateConstructor {
    private PrivateConstructor() {}

    void main() {}
  }

  abstract static class AbstractClass {
    void main() {}
  }

  interface DefaultInInterface {
    default void main() {}
  }

  static class WrongReturn {
    int main() {
      return 0;
    }
  }

  static class WrongParameter {
    void main(String arg) {}
  }
}
