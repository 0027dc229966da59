package dev.hotrestart.slot;

/** Rethrows any throwable unchanged, without declaring it: the proxy must not wrap anything. */
final class Sneaky {

  private Sneaky() {}

  @SuppressWarnings("unchecked")
  static <T extends Throwable> T rethrow(Throwable thrown) throws T {
    throw (T) thrown;
  }
}
