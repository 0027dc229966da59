package dev.hotrestart.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The listening sockets a process owns, read from Linux's {@code /proc}: the TCP sockets in
 * state LISTEN and the bound UDP sockets of {@code /proc/net/{tcp,tcp6,udp,udp6}}, matched by
 * inode against the {@code socket:[inode]} links in {@code /proc/PID/fd}.
 */
final class Sockets {

  private static final String TCP_LISTEN = "0A";
  private static final String UDP_UNCONNECTED = "07";

  private Sockets() {}

  /** "tcp 127.0.0.1:port"-style descriptions of the open ports of {@code pid}; empty if none. */
  static List<String> listeningPortsOf(long pid) throws IOException {
    Map<String, String> listening = new HashMap<>();
    readTable("tcp", TCP_LISTEN, listening);
    readTable("tcp6", TCP_LISTEN, listening);
    readTable("udp", UDP_UNCONNECTED, listening);
    readTable("udp6", UDP_UNCONNECTED, listening);
    List<String> owned = new ArrayList<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : fds) {
        String target;
        try {
          target = Files.readSymbolicLink(fd).toString();
        } catch (NoSuchFileException e) {
          continue; // closed while we looked
        }
        if (target.startsWith("socket:[")) {
          String port = listening.get(target.substring("socket:[".length(), target.length() - 1));
          if (port != null) {
            owned.add(port);
          }
        }
      }
    }
    return owned;
  }

  /** Adds inode -> "table local-address" for the rows of {@code /proc/net/<table>} in {@code state}. */
  private static void readTable(String table, String state, Map<String, String> into) throws IOException {
    Path file = Path.of("/proc/net", table);
    if (!Files.exists(file)) {
      return; // no IPv6 on this machine
    }
    List<String> rows = Files.readAllLines(file);
    for (String row : rows.subList(1, rows.size())) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
      String[] cells = row.trim().split("\\s+");
      if (cells.length > 9 && cells[3].equals(state)) {
        into.put(cells[9], table + " " + cells[1]);
      }
    }
  }
}
