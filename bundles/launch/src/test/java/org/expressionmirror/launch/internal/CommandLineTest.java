package org.expressionmirror.launch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's framework properties become the configurations the components read. */
class CommandLineTest {
  private final List<String> warnings = new ArrayList<>();

  private List<LaunchConfiguration> of(Map<String, String> properties) {
    return new CommandLine(properties::get, warnings::add).configurations();
  }

  @Test
  void aWindowRunWithNoOptionsWritesOnlyTheDeployWatcher() {
    List<LaunchConfiguration> all = of(Map.of("mirror.deploy.dir", "/u/deploy", "mirror.home", "/dist"));
    assertEquals(1, all.size());
    LaunchConfiguration deploy = all.get(0);
    assertEquals("org.apache.felix.fileinstall", deploy.pid());
    assertEquals("deploy", deploy.name());
    assertEquals("/u/deploy", deploy.properties().get("felix.fileinstall.dir"));
    assertEquals(".*\\.jar", deploy.properties().get("felix.fileinstall.filter"));
    assertEquals("true", deploy.properties().get("felix.fileinstall.bundles.new.start"));
  }

  @Test
  void aHeadlessRecordedRunHoldsTheSourceBackUntilTheWriterIsThere() {
    List<LaunchConfiguration> all =
        of(Map.of("mirror.source", "/v/clip.mp4", "mirror.out", "/r/out.jsonl", "mirror.exitAtEnd", "true", "mirror.headless", "true"));
    assertEquals(List.of("mirror.record.jsonl", "mirror.source"), all.stream().map(LaunchConfiguration::pid).toList());
    assertEquals(Map.of("path", "/r/out.jsonl", "enabled", true), all.get(0).properties());
    assertEquals(
        Map.of(
            "source", "/v/clip.mp4",
            "realtime", false,
            "recursive", false,
            "exitAtEnd", true,
            "record.cardinality.minimum", 1),
        all.get(1).properties());
    assertEquals(null, all.get(1).name());
  }

  @Test
  void aWindowHoldsTheSourceBackUntilItShows() {
    LaunchConfiguration source =
        of(Map.of("mirror.source", "camera:0", "mirror.window", "true", "mirror.realtime", "true")).get(0);
    assertEquals(
        Map.of("source", "camera:0", "realtime", true, "recursive", false, "exitAtEnd", false, "view.cardinality.minimum", 1),
        source.properties());
  }

  @Test
  void evalOptionsBecomeTheEvalConfigurationWithABadWaitLeftToTheDefault() {
    List<LaunchConfiguration> all =
        of(
            Map.of(
                "mirror.eval.dataset", "/d/faces",
                "mirror.eval.model", "faceapi",
                "mirror.eval.compare", "",
                "mirror.eval.detector", "none",
                "mirror.eval.skipUnknownLabels", "true",
                "mirror.eval.labelRule", "plurality",
                "mirror.eval.waitSeconds", "soon"));
    assertEquals(1, all.size());
    assertEquals("mirror.eval", all.get(0).pid());
    assertEquals(
        Map.of(
            "dataset", "/d/faces",
            "model", "faceapi",
            "detector", "none",
            "skipUnknownLabels", true,
            "labelRule", "plurality",
            "exitAtEnd", true),
        all.get(0).properties());
    assertEquals(
        List.of("warning: mirror.eval.waitSeconds = soon is not a whole number of seconds; using the default"), warnings);
    assertEquals(20, of(Map.of("mirror.eval.dataset", "/d", "mirror.eval.waitSeconds", " 20 ")).get(0).properties().get("waitSeconds"));
  }

  @Test
  void trainOptionsArePassedOnAsTrimmedTextForTheComponentToCheck() {
    List<LaunchConfiguration> all =
        of(
            Map.of(
                "mirror.train.dataset", "/d/train",
                "mirror.train.folds", " x5 ",
                "mirror.train.name", "mine",
                "mirror.train.l2", "1e-3",
                "mirror.train.backbone", "faceapi",
                "mirror.train.targets", " hard ",
                "mirror.train.labelRule", " plurality ",
                "mirror.train.onePerson", "true",
                "mirror.train.mirror", " true ",
                "mirror.train.blend", " auto "));
    assertEquals(1, all.size());
    assertEquals("mirror.train", all.get(0).pid());
    assertEquals(
        Map.ofEntries(
            Map.entry("dataset", "/d/train"),
            Map.entry("folds", "x5"),
            Map.entry("name", "mine"),
            Map.entry("l2", "1e-3"),
            Map.entry("backbone", "faceapi"),
            Map.entry("targets", "hard"),
            Map.entry("labelRule", "plurality"),
            Map.entry("onePerson", "true"),
            Map.entry("mirror", "true"),
            Map.entry("blend", "auto"),
            Map.entry("exitAtEnd", true)),
        all.get(0).properties());
    assertTrue(warnings.isEmpty());
  }

  @Test
  void nothingAskedNothingWritten() {
    assertEquals(List.of(), of(Map.of("mirror.source", " ", "mirror.out", "")));
  }
}
