package dev.hotrestart.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dispatch (exact names and aliases first, then a unique prefix) and completion. */
class CommandsTest {

  private static String found(Commands commands, String word) {
    return ((Commands.Found) commands.lookup(word)).command().name();
  }

  @Test
  void standardTableResolvesNamesAliasesAndPrefixes() {
    Commands commands = Commands.standard();
    assertEquals("list", found(commands, "l"), "an exact alias beats being a prefix of ll");
    assertEquals("ll", found(commands, "ll"));
    assertEquals("ll", found(commands, "lon"));
    assertEquals("where", found(commands, "bt"));
    assertEquals("where", found(commands, "wh"));
    assertEquals("print", found(commands, "p"));
    assertEquals("pp", found(commands, "pp"));
    assertEquals("continue", found(commands, "cont"));
    assertEquals("this", found(commands, "th"));
    assertEquals("help", found(commands, "?"));
    assertEquals(new Commands.Unknown("zz"), commands.lookup("zz"));
  }

  @Test
  void namesAreUniqueAcrossTheTable() {
    List<String> all =
        Commands.standard().list().stream()
            .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c.name()),
                c.aliases().stream()))
            .toList();
    assertEquals(all.size(), all.stream().distinct().count(), all.toString());
  }

  @Test
  void completionOffersEveryNameAndAliasStartingWithTheWord() {
    Commands commands = Commands.standard();
    assertEquals(List.of("l", "list", "ll", "locals", "longlist"), commands.complete("l"));
    assertEquals(List.of("p", "pp", "print"), commands.complete("p"));
    assertEquals(List.of("where"), commands.complete("wh"));
    assertEquals(List.of(), commands.complete("zz"));
    List<String> everything = commands.complete("");
    for (Commands.Command command : commands.list()) {
      assertTrue(everything.contains(command.name()), command.name() + " in " + everything);
      assertTrue(everything.containsAll(command.aliases()), command.aliases() + " missing");
    }
  }

  @Test
  void completionFollowsTheTable() {
    Commands.Handler none = (session, argument) -> Optional.empty();
    Commands commands =
        new Commands(
            List.of(
                new Commands.Command("locals", List.of(), "", "", "", Commands.Repeat.SAME, none),
                new Commands.Command(
                    "list", List.of("l"), "", "", "", Commands.Repeat.SAME, none)));
    assertEquals(List.of("l", "list", "locals"), commands.complete("l"));
  }

  @Test
  void sharedPrefixIsAmbiguous() {
    Commands.Handler none = (session, argument) -> Optional.empty();
    Commands commands =
        new Commands(
            List.of(
                new Commands.Command("step", List.of(), "", "", "", Commands.Repeat.NEVER, none),
                new Commands.Command("status", List.of("s"), "", "", "", Commands.Repeat.NEVER,
                    none)));
    assertEquals(
        new Commands.Ambiguous("st", List.of("step", "status")), commands.lookup("st"));
    assertEquals("status", found(commands, "s"));
    assertEquals("step", found(commands, "ste"));
  }
}
