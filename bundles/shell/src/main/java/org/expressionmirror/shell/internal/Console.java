package org.expressionmirror.shell.internal;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.apache.felix.service.command.Descriptor;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.RunSummary;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;

/**
 * The shell on the program's standard input: each line is run by Gogo's command processor and
 * its result printed. Only standard input: no telnet or other remote console, so only the person
 * at the terminal can type. It runs when the framework property {@value #SWITCH} is true (the
 * launcher sets it for {@code --shell} and for a feature with the shell bundle); without it the
 * commands are still there for Gogo sessions of other bundles (the integration tests).
 *
 * <p>{@code exit} ({@code mirror:exit}) or the end of the input ends the program as the window's
 * log switch does: no frame is processed after it, the record is completed ({@code
 * "end":"complete"}, its final name) and the program exits with code 0.
 */
@Component(
    service = Console.class,
    immediate = true,
    property = {"osgi.command.scope=mirror", "osgi.command.function=exit"})
public final class Console {
  /** Framework property: {@code true} starts the console on standard input. */
  static final String SWITCH = "mirror.shell";

  static final String PROMPT = "g! ";
  /** How long a frame may take to come: a run that sends none so long is not running. */
  private static final long HOLD_WAIT_MS = 3_000;

  private final BundleContext context;
  private final CommandProcessor processor;
  private final LastSecond lastSecond;
  private final Configs configs;
  private final IntConsumer exit;
  /** Set when the component is deactivated (the framework stopping): the loop ends. */
  private volatile boolean stopped;
  private final AtomicBoolean ending = new AtomicBoolean();

  @Activate
  public Console(
      BundleContext context,
      @Reference CommandProcessor processor,
      @Reference ConfigurationAdmin configAdmin,
      @Reference LastSecond lastSecond,
      // the launcher's "end the program" service; absent in a framework the launcher did not start
      @Reference(cardinality = ReferenceCardinality.OPTIONAL, target = "(mirror.exit=true)") IntConsumer exit) {
    this.context = context;
    this.processor = processor;
    this.lastSecond = lastSecond;
    this.configs = new Configs(configAdmin);
    this.exit = exit;
    if (Boolean.parseBoolean(context.getProperty(SWITCH))) {
      Thread t = new Thread(this::run, "mirror-shell");
      // a read of standard input cannot be interrupted: the program must not wait for it
      t.setDaemon(true);
      t.start();
    }
  }

  @Deactivate
  void deactivate() {
    stopped = true;
  }

  @Descriptor("ends the program: the run stops, the record (--out) is completed, exit code 0")
  public String exit() {
    if (exit == null) {
      return "not started by the launcher: nothing to end";
    }
    end();
    return "ending";
  }

  private void run() {
    // the process's own streams: System.out is Gogo's per-session switch while commands run
    InputStream in = new FileInputStream(FileDescriptor.in);
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    CommandSession session = processor.createSession(in, out, err);
    try {
      out.print(PROMPT);
      out.flush();
      String line;
      while (!stopped && !ending.get() && (line = lines.readLine()) != null) {
        execute(session, line, out, err);
        if (!stopped && !ending.get()) {
          out.print(PROMPT);
          out.flush();
        }
      }
    } catch (IOException e) {
      err.println("error: shell: cannot read standard input: " + e.getMessage());
    } finally {
      out.println();
      end();
      closeQuietly(session);
    }
  }

  /** One line; a failing command says why in one line and the shell goes on. */
  private static void execute(CommandSession session, String line, PrintStream out, PrintStream err) {
    if (line.isBlank()) {
      return;
    }
    try {
      Object result = session.execute(line);
      if (result != null) {
        out.println(session.format(result, Converter.INSPECT));
      }
    } catch (Exception e) {
      err.println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  /**
   * Ends the program once: holds the pipeline in its next frame, so no frame comes after the
   * record's end, tells the record writer the run ended (it writes {@code "end":"complete"} and
   * takes its final name when it stops) and asks the launcher to exit with 0. A run that has
   * already ended keeps the end its record has. Not while the framework is stopping for another
   * reason (a signal, the source's end): that run's record says so itself.
   */
  private void end() {
    // without the launcher (a framework of the tests) there is no program to end, and the
    // pipeline must not be held
    if (exit == null || stopped || !ending.compareAndSet(false, true)) {
      return;
    }
    try {
      boolean held = lastSecond.holdFrames(HOLD_WAIT_MS);
      if (held || !lastSecond.runEnded()) {
        endRecord(String.valueOf(configs.read(Configs.SOURCE).getOrDefault("source", "")));
      }
    } catch (IOException | IllegalStateException e) {
      System.err.println("error: shell: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exit.accept(0);
  }

  /** The run is over: the record writer (if --out asked for one) writes its complete end. */
  private void endRecord(String source) {
    try {
      for (ServiceReference<ResultListener> ref :
          context.getServiceReferences(ResultListener.class, "(mirror.record=jsonl)")) {
        ResultListener record = context.getService(ref);
        if (record != null) {
          try {
            record.onEnd(new RunSummary(source, 0, 0, 0, 0, Map.of(), ""));
          } finally {
            context.ungetService(ref);
          }
        }
      }
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void closeQuietly(CommandSession session) {
    try {
      session.close();
    } catch (RuntimeException e) {
      // the framework stopped under it: the session is gone with Gogo
    }
  }
}
