package messages;

public class Base {
  protected int offset() {
    return 1;
  }
}
