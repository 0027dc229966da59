package dev.hotrestart.debug;

import dev.hotrestart.slot.Crash;
import dev.hotrestart.slot.SlotRegistry;
import dev.hotrestart.source.SourceLocator;
import java.util.function.IntSupplier;

/**
 * The parts of one session, each the owner of some of its state; the command table routes each
 * command to the part that owns what the command uses ({@link Commands#on}, {@link
 * Commands#stay}).
 *
 * @param out where everything is printed
 * @param report the crash report printed before the first prompt
 * @param frames the stack and the selected frame: {@code where}, {@code up}, {@code down}, {@code
 *     frame}
 * @param listing listings of the selected frame: {@code list}, {@code ll}
 * @param inspector the selected frame's values: {@code args}, {@code this}, {@code locals}, {@code
 *     p}, {@code pp}, {@code exception}
 * @param source the running version's text: {@code diff}
 * @param resume the ways out: {@code continue}, {@code return}, {@code raise}, {@code quit}
 * @param help {@code help}, from the table
 */
record Session(
    Output out,
    CrashReport report,
    FrameCursor frames,
    Listing listing,
    Inspector inspector,
    RunningSource source,
    Resume resume,
    Help help) {

  /**
   * Builds the parts for one crash.
   *
   * @param crash what happened, on the current thread
   * @param out where everything is printed
   * @param actions reload and evaluate
   * @param locator the source roots
   * @param options the switches
   * @param commands the command table, for {@code help}
   * @param width the terminal's width in columns, for {@code help}
   * @param ctrlC the session's Ctrl-C, which {@code edit} hands to the editor while it runs
   * @return the session's parts
   */
  static Session of(
      Crash crash,
      Output out,
      Actions actions,
      SourceLocator locator,
      Debugger.Options options,
      Commands commands,
      IntSupplier width,
      CtrlCWatch ctrlC) {
    SourcePrinter printer = new SourcePrinter(locator, actions.snapshots(), out);
    FrameCursor frames = new FrameCursor(crash, out, printer);
    RunningSource source =
        new RunningSource(
            crash.slot(),
            actions.snapshots(),
            locator,
            out,
            options.reloadOnContinue() && options.reloadAll(),
            SlotRegistry::all);
    return new Session(
        out,
        new CrashReport(crash, frames, printer, out, actions.snapshots()),
        frames,
        new Listing(frames, printer, out, ctrlC),
        new Inspector(crash, actions, frames, out),
        source,
        new Resume(crash, actions, options, source, frames, out),
        new Help(commands, out, width));
  }
}
