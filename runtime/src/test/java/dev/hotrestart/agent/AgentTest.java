package dev.hotrestart.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AgentTest {

  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);

  @Test
  void withoutOptionsTheAgentDoesNothing() {
    assertNull(Agent.start(null, err));
    assertNull(Agent.start("", err));
    assertEquals("", errors.toString(StandardCharsets.UTF_8));
  }

  @Test
  void watchParentWatchesTheGivenProcessWhichHereIsThisJvmsParent() {
    long parent = ProcessHandle.current().parent().orElseThrow().pid();
    ParentWatch watch = Agent.start(Agent.WATCH_PARENT + "=" + parent, err);
    assertNotNull(watch);
    assertFalse(watch.parentEnded());
    assertEquals("", errors.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aBadOptionIsOneLineAndNoWatch() {
    assertNull(Agent.start("watchParent=maven", err));
    assertNull(Agent.start("watchParent", err));
    assertNull(Agent.start("watchParent=-3", err));
    assertNull(Agent.start("verbose", err));
    String[] lines = errors.toString(StandardCharsets.UTF_8).split("\\R");
    assertEquals(4, lines.length, String.join("\n", lines));
    assertTrue(lines[0].contains("needs the parent's process id (watchParent=PID), not 'watchParent=maven'"), lines[0]);
    assertTrue(lines[3].contains("unknown agent option 'verbose' ignored (known: watchParent=PID, instances=FILE)"), lines[3]);
  }

  @Test
  void theWatchStopsOnceTheParentIsAnotherProcess() throws InterruptedException {
    AtomicLong parent = new AtomicLong(4242);
    AtomicInteger stops = new AtomicInteger();
    ParentWatch watch = new ParentWatch(4242, parent::get, Duration.ofMillis(5), stops::incrementAndGet);
    Thread thread = new Thread(watch);
    thread.start();
    Thread.sleep(50);
    assertEquals(0, stops.get(), "stopped while the parent lives");
    parent.set(1); // reparented to init
    thread.join(5_000);
    assertFalse(thread.isAlive());
    assertEquals(1, stops.get());
  }

  /** The list of classes to route is the last option: its path may hold commas. */
  @Test
  void theInstancesOptionRunsToTheEndAndIsNoUnknownOption() {
    assertEquals("/tmp/a,b/instances.txt", Agent.instancesList("watchParent=1,instances=/tmp/a,b/instances.txt"));
    assertEquals("target/classes", Agent.instancesList("instances=target/classes"));
    assertNull(Agent.instancesList("watchParent=1"));
    assertNull(Agent.instancesList(null));
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    assertNull(Agent.start("instances=/tmp/a,b/instances.txt", new PrintStream(errors, true, StandardCharsets.UTF_8)));
    assertEquals("", errors.toString(StandardCharsets.UTF_8));
  }
}
