package mains;

public final class One {

  private One() {}

  public static void main(String[] args) {
    System.out.println("One ran");
  }
}
