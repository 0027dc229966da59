package dev.hotrestart.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SystemPropertiesTest {

  @Test
  void everyRuntimeSettingOnTheCommandLineIsForwardedInNameOrder() {
    Properties user = new Properties();
    user.setProperty("hotrestart.interactive", "true");
    user.setProperty("hotrestart.reloadAll", "true");
    user.setProperty("hotrestart.history", "none");
    user.setProperty("hotrestart.sourceRoots", "src/app");
    user.setProperty("hotrestart.someFutureSetting", "x");
    user.setProperty("hotrestart.empty", "");
    assertEquals(
        List.of(
            "hotrestart.empty",
            "hotrestart.history",
            "hotrestart.interactive",
            "hotrestart.reloadAll",
            "hotrestart.someFutureSetting",
            "hotrestart.sourceRoots"),
        List.copyOf(SystemProperties.forwarded(user).keySet()));
    assertEquals("", SystemProperties.forwarded(user).get("hotrestart.empty"));
  }

  @Test
  void theGoalsOwnParametersAndOtherPropertiesStayInMaven() {
    Properties user = new Properties();
    for (String own : SystemProperties.GOAL_PROPERTIES) {
      user.setProperty(own, "x");
    }
    user.setProperty("skipTests", "true");
    user.setProperty("hotrestartx.interactive", "true");
    user.setProperty("HOTRESTART.interactive", "true");
    user.setProperty("hotrestart.interactive", "true");
    assertEquals(Map.of("hotrestart.interactive", "true"), SystemProperties.forwarded(user));
    assertEquals(Map.of(), SystemProperties.forwarded(new Properties()));
  }
}
