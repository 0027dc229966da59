package newmethods;

import dev.hotrestart.HotRestartable;

/** A wrapped subclass: a method new in its superclass may be overridden in the same edit. */
@HotRestartable
public class Strict extends Classifier {
  @Override
  public String kind(String word) {
    return "strict " + super.kind(word);
  }
}
