package mains;

/** Exits with the code given as its first argument. */
public final class Two {

  private Two() {}

  public static void main(String[] args) {
    int code = args.length == 0 ? 0 : Integer.parseInt(args[0]);
    System.out.println("Two ran, exiting with " + code);
    System.exit(code);
  }
}
