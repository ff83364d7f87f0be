package org.expressionmirror.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.RunSummary;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The window's log switch, as the window sets it through Config Admin: the log goes on across
 * runs, and turning it off finishes the record under its final name with a complete end line.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RecordLogIT {
  private static final String RECORD = "mirror.record.jsonl";
  private static final String RECORDER = "org.expressionmirror.record.jsonl.internal.JsonLinesRecorder";
  private static final long RUN_TIMEOUT_MS = 60_000;
  private static final long FINISH_TIMEOUT_MS = 10_000;

  @Configuration
  public Option[] config() {
    return MirrorOptions.headless("RecordLogIT");
  }

  @Test
  public void turningTheLogOffFinishesTheRecordUnderItsFinalName() throws Exception {
    Path out = Files.createDirectories(Paths.work().resolve("record-log")).resolve("log.jsonl");
    Files.deleteIfExists(out);
    Path partial = out.resolveSibling("log.jsonl.partial");
    try (Mirror mirror = new Mirror(this)) {
      try {
        logTwoRunsAndTurnTheLogOff(mirror, out);
      } finally {
        mirror.service(ConfigurationAdmin.class).getConfiguration(RECORD, "?").delete();
      }
    }
    assertTrue("the record gets its final name when the log is turned off", Files.exists(out));
    assertFalse(Files.exists(partial));
    List<String> lines = Files.readAllLines(out);
    assertEquals(String.join("\n", lines), 3, lines.size());
    for (int i = 0; i < 2; i++) {
      assertTrue("each run's photo is frame 0: " + lines.get(i), lines.get(i).startsWith("{\"frame\":0,"));
      assertEquals("the three faces of sample3.jpg", 3, lines.get(i).split("\"track\":", -1).length - 1);
    }
    assertEquals(
        "the first run's end was taken back; the last line ends the log",
        "{\"end\":\"complete\",\"frames\":2}",
        lines.get(2));
  }

  private static void logTwoRunsAndTurnTheLogOff(Mirror mirror, Path out) throws Exception {
    Path partial = out.resolveSibling("log.jsonl.partial");
    mirror.configure(RECORD, Map.of("path", out.toString(), "enabled", true));
    mirror.awaitComponent(RECORDER, Map.of("enabled", "true", "path", out.toString()), 10_000);
    for (int run = 0; run < 2; run++) {
      Recorder recorder = mirror.listen(0);
      mirror.play(Media.photo("sample3.jpg"));
      RunSummary summary = recorder.awaitEnd(RUN_TIMEOUT_MS);
      assertEquals("run error", "", summary.error());
      mirror.unlisten(recorder);
    }
    assertFalse("the log is still on: no final file yet", Files.exists(out));
    assertTrue("the log is written as " + partial, Files.exists(partial));
    mirror.configure(RECORD, Map.of("enabled", false));
    long deadline = System.currentTimeMillis() + FINISH_TIMEOUT_MS;
    while (!Files.exists(out) && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
  }
}
