package org.expressionmirror.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.expressionmirror.api.FrameResult;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The shell feature in a real Felix: Gogo's own commands ({@code lb}, {@code scr:list}, {@code
 * inspect}) and the {@code mirror:} group run through the framework's command processor, and
 * {@code use} and {@code compare} change what the pipeline uses, as the records of the next
 * frames show. A bad id is refused in one line listing the ids there are, and nothing changes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellIT {
  private static final int FRAMES = 12;
  private static final long TIMEOUT_MS = 90_000;

  @Configuration
  public Option[] config() {
    // the feature without mirror.shell=true: no console reads this JVM's standard input
    return MirrorOptions.feature("shell", "ShellIT");
  }

  /** What one command line gave: its result formatted as the console prints it, and its output. */
  private record Ran(String result, String out) {
    String all() {
      return result + "\n" + out;
    }
  }

  private static Ran run(CommandProcessor processor, String line) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CommandSession session =
        processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
      Object result = session.execute(line);
      String text = result == null ? "" : session.format(result, Converter.INSPECT).toString();
      return new Ran(text, out.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  public void gogoFrameworkAndComponentCommandsRun() throws Exception {
    try (Mirror mirror = new Mirror(this)) {
      CommandProcessor gogo = mirror.service(CommandProcessor.class);
      Ran lb = run(gogo, "lb");
      assertTrue(lb.all(), lb.all().contains("Expression Mirror pipeline"));
      assertTrue(lb.all(), lb.all().contains("Expression Mirror shell"));
      Ran scr = run(gogo, "scr:list");
      assertTrue(scr.all(), scr.all().contains("org.expressionmirror.pipeline.internal.PipelineComponent"));
      assertTrue(scr.all(), scr.all().contains("org.expressionmirror.shell.internal.MirrorCommands"));
      long shellBundle =
          java.util.Arrays.stream(mirror.context().getBundles())
              .filter(b -> "org.expressionmirror.shell".equals(b.getSymbolicName()))
              .findFirst()
              .orElseThrow()
              .getBundleId();
      Ran inspect = run(gogo, "inspect capability service " + shellBundle);
      Ran headers = run(gogo, "headers org.expressionmirror.shell");
      assertTrue(headers.all(), headers.all().contains("Bundle-SymbolicName = org.expressionmirror.shell"));
      assertTrue(inspect.all(), inspect.all().contains("org.expressionmirror.shell.internal.MirrorCommands"));
      Ran detectors = run(gogo, "mirror:detectors");
      for (String id : List.of("haar", "blazeface", "blazeface-back", "lbp")) {
        assertTrue(detectors.all(), detectors.all().contains(" " + id + " "));
      }
      Ran models = run(gogo, "mirror:models");
      mirror.model("faceapi-expression");
      models = run(gogo, "mirror:models");
      assertTrue(models.all(), models.all().contains("faceapi-expression"));
      assertTrue(models.all(), models.all().contains("golden   passed (faceapi-expression.golden.json"));
      assertTrue(models.all(), models.all().contains("source   {\"package\":\"@vladmandic/face-api\""));
      Ran smoothers = run(gogo, "mirror:smoothers");
      for (String id : List.of("ema", "window", "none")) {
        assertTrue(smoothers.all(), smoothers.all().contains(" " + id + " "));
      }
    }
  }

  @Test
  public void useAndCompareChangeTheSelectionThroughConfigAdmin() throws Exception {
    try (Mirror mirror = new Mirror(this)) {
      CommandProcessor gogo = mirror.service(CommandProcessor.class);
      mirror.model("minixception-fer2013");
      mirror.configure(Mirror.PIPELINE, Map.of("detector", "haar", "model", "faceapi-expression", "smoother", "ema"));
      mirror.awaitPipeline(Map.of("detector", "haar", "model", "faceapi-expression", "smoother", "ema"), 10_000);
      Path frames = Media.panFolder(FRAMES);

      run(gogo, "mirror:use detector blazeface");
      run(gogo, "mirror:use model minixception-fer2013");
      run(gogo, "mirror:use smoother window");
      assertEquals("blazeface", pipeline(mirror).get("detector"));
      mirror.awaitPipeline(
          Map.of("detector", "blazeface", "model", "minixception-fer2013", "smoother", "window"), 10_000);
      List<FrameResult> results = play(mirror, frames);
      for (FrameResult r : results) {
        assertTrue(r.toString(), r.detector().startsWith("blazeface@"));
        assertTrue(r.toString(), r.model().startsWith("minixception-fer2013@"));
        assertTrue(r.toString(), r.smoother().startsWith("window@"));
        assertNull("no compare mode yet", r.compare());
      }
      String status = run(gogo, "mirror:status").all();
      assertTrue(status, status.contains("detector   blazeface@"));
      assertTrue(status, status.contains("model      minixception-fer2013@"));
      assertTrue(status, status.contains("smoother   window@"));
      assertTrue(status, status.contains("source     " + frames));

      run(gogo, "mirror:compare model faceapi-expression");
      mirror.awaitPipeline(Map.of("compare.model", "faceapi-expression"), 10_000);
      for (FrameResult r : play(mirror, frames)) {
        assertTrue(r.toString(), r.compare() != null && r.compare().model().startsWith("faceapi-expression@"));
      }
      run(gogo, "mirror:compare model off");
      assertEquals("", pipeline(mirror).get("compare.model"));
      mirror.awaitPipeline(Map.of("compare.model", ""), 10_000);
      for (FrameResult r : play(mirror, frames)) {
        assertNull("compare mode off: " + r, r.compare());
      }
    }
  }

  @Test
  public void aBadIdIsRefusedInOneLineAndTheSelectionStays() throws Exception {
    try (Mirror mirror = new Mirror(this)) {
      CommandProcessor gogo = mirror.service(CommandProcessor.class);
      mirror.configure(Mirror.PIPELINE, Map.of("detector", "haar"));
      mirror.awaitPipeline(Map.of("detector", "haar"), 10_000);
      Map<String, Object> before = pipeline(mirror);
      for (String line :
          List.of("mirror:use detector nope", "mirror:use lens haar", "mirror:compare model nope", "mirror:compare smoother ema")) {
        try {
          Ran ran = run(gogo, line);
          fail(line + " was accepted: " + ran.all());
        } catch (IllegalArgumentException e) {
          assertFalse(line + ": one line: " + e.getMessage(), e.getMessage().contains("\n"));
          assertTrue(line + ": " + e.getMessage(), e.getMessage().contains("the selection is unchanged"));
        }
      }
      try {
        run(gogo, "mirror:use detector nope");
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage(), e.getMessage().contains("unknown detector id 'nope' (available: "));
        assertTrue(e.getMessage(), e.getMessage().contains("blazeface, blazeface-back"));
      }
      assertEquals(before, pipeline(mirror));
    }
  }

  /** Plays the frames as a new run and returns every frame's result, all of them. */
  private static List<FrameResult> play(Mirror mirror, Path frames) throws Exception {
    Recorder recorder = mirror.listen(0);
    try {
      mirror.play(frames);
      assertEquals("run error", "", recorder.awaitEnd(TIMEOUT_MS).error());
      List<FrameResult> results = recorder.results();
      assertEquals(FRAMES, results.size());
      return results;
    } finally {
      mirror.unlisten(recorder);
    }
  }

  private static Map<String, Object> pipeline(Mirror mirror) throws Exception {
    org.osgi.service.cm.Configuration c =
        mirror.service(ConfigurationAdmin.class).getConfiguration(Mirror.PIPELINE, "?");
    Map<String, Object> map = new java.util.HashMap<>();
    java.util.Collections.list(c.getProperties().keys()).forEach(k -> map.put(k, c.getProperties().get(k)));
    return map;
  }
}
