package dev.hotrestart.debug;

import java.util.List;

/**
 * Where a line of one version of a file is in another: for the line a running frame reports,
 * compiled from an older text, in the file as it is now.
 */
final class LineMapping {

  /** Beyond this many differing lines in the middle the mapping gives up (its table is n * m). */
  static final int MAX_LINES = 3000;

  private LineMapping() {}

  /**
   * The line of {@code after} that is line {@code line} of {@code before}: the same text, kept by
   * the edit (a longest common subsequence of lines, after the common start and end).
   *
   * @param before the text the running code was compiled from, as lines
   * @param after the file now, as lines
   * @param line a 1-based line of {@code before}
   * @return the 1-based line in {@code after}, or -1 if the edit changed or removed that line, or
   *     the files are too different to tell
   */
  static int map(List<String> before, List<String> after, int line) {
    int index = line - 1;
    if (index < 0 || index >= before.size()) {
      return -1;
    }
    int start = 0;
    while (start < before.size()
        && start < after.size()
        && before.get(start).equals(after.get(start))) {
      start++;
    }
    if (index < start) {
      return line;
    }
    int endBefore = before.size();
    int endAfter = after.size();
    while (endBefore > start
        && endAfter > start
        && before.get(endBefore - 1).equals(after.get(endAfter - 1))) {
      endBefore--;
      endAfter--;
    }
    if (index >= endBefore) {
      return index + (endAfter - endBefore) + 1;
    }
    int n = endBefore - start;
    int m = endAfter - start;
    if (n > MAX_LINES || m > MAX_LINES) {
      return -1;
    }
    // common[i][j]: the length of the LCS of before[start + i..] and after[start + j..]
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            before.get(start + i).equals(after.get(start + j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (before.get(start + i).equals(after.get(start + j))
          && common[i][j] == common[i + 1][j + 1] + 1) {
        if (start + i == index) {
          return start + j + 1;
        }
        i++;
        j++;
      } else if (common[i + 1][j] >= common[i][j + 1]) {
        if (start + i == index) {
          return -1; // removed or changed
        }
        i++;
      } else {
        j++;
      }
    }
    return -1;
  }
}
