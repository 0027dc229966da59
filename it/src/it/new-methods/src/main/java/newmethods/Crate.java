package newmethods;

/** A plain subclass: a method new in its superclass may be overridden in the same edit. */
public class Crate extends Unit {
}
