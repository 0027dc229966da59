package dev.hotrestart.processor;

/**
 * Thrown while validating a class whose signatures name a type that is not defined yet, maybe
 * one that another processor generates in this round. The class is retried in the next round,
 * and reported only if the type is still missing when processing is over (as AutoValue does).
 */
final class MissingTypeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** @param typeName the undefined type, as written */
  MissingTypeException(String typeName) {
    super(typeName, null, false, false);
  }

  /** The undefined type, as written. */
  String typeName() {
    return getMessage();
  }
}
