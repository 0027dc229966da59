package words;

public interface Rule {

  boolean accepts(String word);
}
