package j25;

public class Classic {
  public static void main(String[] args) {}
}
