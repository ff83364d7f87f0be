package org.expressionmirror.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.RunSummary;
import org.expressionmirror.launcher.Feature;
import org.junit.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationPlugin;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A JSON feature's configurations, put in force by the launch bundle as the launcher hands them
 * over (issue 9, points 1 and 4): the shipped lesson {@code lesson-haar-vs-dnn} (detector haar,
 * compare detector blazeface, model faceapi-expression, all locked) over the runtime-config
 * folder, whose file says otherwise (blazeface-back, no comparison). The records name the
 * feature's components from frame 0; an edit through Config Admin of the locked detector does not
 * change them, while the unlocked smoother follows its edit, and no frame is lost.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeatureConfigurationsIT {
  private static final String LESSON = "lesson-haar-vs-dnn";
  private static final int FRAMES = 80;
  /** A slow listener keeps the stream going for a few seconds, so the edit lands mid-stream. */
  private static final long PAUSE_MS = 40;
  private static final long EDIT_TIMEOUT_MS = 10_000;
  private static final long RUN_TIMEOUT_MS = 120_000;

  @Configuration
  public Option[] config() {
    try {
      Feature lesson = Feature.load(Paths.dist().resolve("features"), LESSON);
      List<Option> options = new ArrayList<>(Arrays.asList(MirrorOptions.headless("FeatureConfigurationsIT")));
      // exactly what the launcher sets for this feature
      lesson.launchProperties().forEach((k, v) -> options.add(frameworkProperty(k).value(v)));
      return options.toArray(Option[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  public void theFeaturesComponentsFromFrameZeroAndItsLockedKeysHold() throws Exception {
    try (Mirror mirror = new Mirror(this)) {
      Path frames = Media.panFolder(FRAMES);
      // Config Admin offers its service (and configures anything) only once the launch bundle's
      // plugin is registered, though its bundle starts first: service ids grow with each service
      long plugin = serviceId(mirror, ConfigurationPlugin.class, "(config.plugin.id=mirror.feature)");
      long admin = serviceId(mirror, ConfigurationAdmin.class, null);
      assertTrue("Config Admin (" + admin + ") after the feature's plugin (" + plugin + ")", plugin < admin);
      // the shipped file selects blazeface-back and no comparison: the feature wins over it
      mirror.awaitPipeline(
          Map.of("detector", "haar", "compare.detector", "blazeface", "model", "faceapi-expression"), 10_000);
      Recorder recorder = mirror.listen(PAUSE_MS);
      mirror.play(frames);
      assertTrue("frames flow", recorder.awaitCount(8, RUN_TIMEOUT_MS));
      FrameResult first = recorder.results().get(0);
      assertEquals("the first record is frame 0", 0, first.frame());
      assertFeatures(first);
      String smoother = first.smoother().substring(0, first.smoother().indexOf('@'));
      String other = smoother.equals("window") ? "none" : "window";

      int sent = recorder.count();
      Map<String, Object> edit = new HashMap<>();
      edit.put("detector", "blazeface"); // locked by the feature
      edit.put("compare.detector", null); // locked: removing it does not end the comparison
      edit.put("smoother", other); // not locked
      mirror.configure(Mirror.PIPELINE, edit);
      Optional<FrameResult> switched =
          recorder.await(r -> r.frame() >= sent && r.smoother().startsWith(other + "@"), EDIT_TIMEOUT_MS);
      assertTrue("the unlocked smoother follows the edit; last: " + last(recorder), switched.isPresent());
      RunSummary summary = recorder.awaitEnd(RUN_TIMEOUT_MS);

      assertEquals("run error", "", summary.error());
      List<FrameResult> results = recorder.results();
      assertEquals("records", FRAMES, results.size());
      for (int i = 0; i < FRAMES; i++) {
        FrameResult r = results.get(i);
        assertEquals("record " + i + " is frame " + i, i, r.frame());
        assertFeatures(r);
      }
      assertTrue(
          "frames after the edit use the new smoother",
          results.get(FRAMES - 1).smoother().startsWith(other + "@"));
    }
  }

  private static long serviceId(Mirror mirror, Class<?> type, String filter) throws InvalidSyntaxException {
    Collection<? extends ServiceReference<?>> refs = mirror.context().getServiceReferences(type, filter);
    assertEquals(type.getSimpleName() + " " + filter, 1, refs.size());
    return (Long) refs.iterator().next().getProperty(Constants.SERVICE_ID);
  }

  /** The components the feature locks, on every frame. */
  private static void assertFeatures(FrameResult r) {
    String what = "frame " + r.frame() + ": " + r.detector() + " / " + r.model() + " / compare " + r.compare();
    assertTrue(what, r.detector().startsWith("haar@"));
    assertTrue(what, r.model().startsWith("faceapi-expression@"));
    assertTrue(what, r.compare() != null && r.compare().detector().startsWith("blazeface@"));
  }

  private static String last(Recorder recorder) {
    List<FrameResult> r = recorder.results();
    return r.isEmpty() ? "none" : r.get(r.size() - 1).toString();
  }
}
