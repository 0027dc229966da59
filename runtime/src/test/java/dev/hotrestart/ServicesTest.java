package dev.hotrestart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hotrestart.debug.PostMortem;
import dev.hotrestart.debug.StartupSnapshots;
import dev.hotrestart.reload.LocalsPreparation;
import dev.hotrestart.reload.ReloadPreparation;
import dev.hotrestart.reload.UnroutedInstances;
import dev.hotrestart.slot.ClassStartListener;
import dev.hotrestart.slot.CrashHandler;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The debugger and the reloader register with the slot through the runtime's service files. */
class ServicesTest {

  @Test
  void theDebuggerHandlesCrashes() {
    assertEquals(List.of(PostMortem.Handler.class), providers(CrashHandler.class));
  }

  @Test
  void theSnapshotIsScheduledBeforeTheReloaderPrepares() {
    assertEquals(
        List.of(
            StartupSnapshots.Listener.class,
            ReloadPreparation.class,
            LocalsPreparation.class,
            UnroutedInstances.class),
        providers(ClassStartListener.class));
  }

  private static List<Class<?>> providers(Class<?> service) {
    return ServiceLoader.load(service, service.getClassLoader()).stream()
        .map(ServiceLoader.Provider::type)
        .collect(Collectors.toList());
  }
}
