package dev.hotrestart.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line diff in unified format, with both line numbers on every line: the longest common
 * subsequence of the two texts' lines, then hunks of changes with {@link #CONTEXT} lines around.
 * Quadratic, which is fine for one method; longer inputs are refused rather than made slow.
 */
final class LineDiff {

  /** Unchanged lines shown around each change, as {@code diff -u}. */
  static final int CONTEXT = 3;

  /** The most lines on either side (a method longer than this is not worth a line diff). */
  static final int MAX_LINES = 3000;

  private LineDiff() {}

  /** One line of the edit script. */
  private record Edit(char kind, int oldLine, int newLine, String text) {}

  /**
   * The diff of two runs of lines.
   *
   * @param before the old lines
   * @param firstBefore the file's line number of {@code before.get(0)}
   * @param after the new lines
   * @param firstAfter the file's line number of {@code after.get(0)}
   * @param style the colours
   * @return the hunks, each line ending in a newline; empty if the lines are equal
   */
  static String unified(
      List<String> before, int firstBefore, List<String> after, int firstAfter, Style style) {
    if (before.size() > MAX_LINES || after.size() > MAX_LINES) {
      throw new IllegalArgumentException("more than " + MAX_LINES + " lines to compare");
    }
    List<Edit> edits = script(before, firstBefore, after, firstAfter);
    StringBuilder out = new StringBuilder();
    int width =
        Math.max(
            3,
            String.valueOf(Math.max(firstBefore + before.size(), firstAfter + after.size()))
                .length());
    List<Integer> changed = new ArrayList<>();
    for (int index = 0; index < edits.size(); index++) {
      if (edits.get(index).kind() != ' ') {
        changed.add(index);
      }
    }
    int k = 0;
    while (k < changed.size()) {
      int first = changed.get(k);
      int last = first;
      // One hunk while the unchanged lines between two changes fit in their two contexts.
      while (k + 1 < changed.size() && changed.get(k + 1) - last - 1 <= 2 * CONTEXT) {
        last = changed.get(++k);
      }
      k++;
      List<Edit> hunk =
          edits.subList(Math.max(0, first - CONTEXT), Math.min(edits.size(), last + 1 + CONTEXT));
      appendHunk(out, hunk, width, style);
    }
    return out.toString();
  }

  private static void appendHunk(StringBuilder out, List<Edit> hunk, int width, Style style) {
    int oldStart = 0;
    int newStart = 0;
    int oldCount = 0;
    int newCount = 0;
    for (Edit edit : hunk) {
      if (edit.kind() != '+') {
        oldStart = oldStart == 0 ? edit.oldLine() : oldStart;
        oldCount++;
      }
      if (edit.kind() != '-') {
        newStart = newStart == 0 ? edit.newLine() : newStart;
        newCount++;
      }
    }
    out.append(
            style.header(
                String.format(
                    Locale.ROOT, "@@ -%d,%d +%d,%d @@", oldStart, oldCount, newStart, newCount)))
        .append('\n');
    String blank = " ".repeat(width);
    for (Edit edit : hunk) {
      String oldNumber =
          edit.kind() == '+' ? blank : String.format(Locale.ROOT, "%" + width + "d", edit.oldLine());
      String newNumber =
          edit.kind() == '-' ? blank : String.format(Locale.ROOT, "%" + width + "d", edit.newLine());
      String line = oldNumber + " " + newNumber + " " + edit.kind() + " " + edit.text();
      out.append(
              switch (edit.kind()) {
                case '-' -> style.removed(line);
                case '+' -> style.added(line);
                default -> line;
              })
          .append('\n');
    }
  }

  /** The edit script from the LCS table, in order: unchanged, removed and added lines. */
  private static List<Edit> script(
      List<String> before, int firstBefore, List<String> after, int firstAfter) {
    int n = before.size();
    int m = after.size();
    int[][] common = new int[n + 1][m + 1]; // common[i][j]: LCS length of before[i..], after[j..]
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            before.get(i).equals(after.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && before.get(i).equals(after.get(j))) {
        edits.add(new Edit(' ', firstBefore + i, firstAfter + j, before.get(i)));
        i++;
        j++;
      } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
        edits.add(new Edit('-', firstBefore + i, 0, before.get(i))); // removals first, as diff -u
        i++;
      } else {
        edits.add(new Edit('+', 0, firstAfter + j, after.get(j)));
        j++;
      }
    }
    return edits;
  }
}
