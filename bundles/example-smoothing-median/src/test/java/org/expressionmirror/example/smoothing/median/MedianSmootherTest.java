package org.expressionmirror.example.smoothing.median;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.Smoother;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

class MedianSmootherTest {
  private static final double EPS = 1e-12;
  private static final Distribution HAPPY = scores(0.8, 0.15, 0.05);
  private static final Distribution SURPRISED = scores(0.1, 0.1, 0.8);

  @Test
  void aOneFrameSpikeLeavesNoTraceWhereTheMeanWouldShowIt() {
    Smoother.Track track = smoother(5, new ArrayList<>()).newTrack();
    List<Distribution> out = new ArrayList<>();
    // 30 frames at 30 fps of a smiling face; frame 12 alone reads "surprise" (a blink)
    for (int i = 0; i < 30; i++) {
      out.add(track.update(i * 33.3, i == 12 ? SURPRISED : HAPPY));
    }
    for (Distribution d : out) {
      assertEquals(0.8, d.get("happiness"), EPS);
      assertEquals(0.05, d.get("surprise"), EPS);
    }
  }

  @Test
  void aLastingChangeWinsAfterHalfTheWindow() {
    Smoother.Track track = smoother(5, new ArrayList<>()).newTrack();
    for (int i = 0; i < 10; i++) {
      track.update(i * 40, HAPPY);
    }
    // surprise from frame 10 on: the median follows at the third surprised reading of five
    assertEquals(0.8, track.update(400, SURPRISED).get("happiness"), EPS);
    assertEquals(0.8, track.update(440, SURPRISED).get("happiness"), EPS);
    assertEquals(0.8, track.update(480, SURPRISED).get("surprise"), EPS);
  }

  @Test
  void mediansAreScaledToSumToOne() {
    Smoother.Track track = smoother(3, new ArrayList<>()).newTrack();
    track.update(0, scores(0.5, 0.5, 0.0));
    track.update(40, scores(0.0, 0.5, 0.5));
    Distribution out = track.update(80, scores(0.5, 0.0, 0.5));
    // medians 0.5, 0.5, 0.5 -> a third each
    assertEquals(1.0 / 3, out.get("happiness"), EPS);
    assertEquals(1.0 / 3, out.get("neutral"), EPS);
    assertEquals(1.0 / 3, out.get("surprise"), EPS);
  }

  @Test
  void readingsThatDisagreeCompletelyGiveTheNewest() {
    Smoother.Track track = smoother(3, new ArrayList<>()).newTrack();
    track.update(0, scores(1, 0, 0));
    track.update(40, scores(0, 1, 0));
    Distribution out = track.update(80, scores(0, 0, 1));
    assertEquals(1.0, out.get("surprise"), EPS);
  }

  @Test
  void timeGoingBackOrAnotherModelStartsAfresh() {
    Smoother.Track track = smoother(5, new ArrayList<>()).newTrack();
    track.update(500, HAPPY);
    track.update(540, HAPPY);
    assertEquals(0.8, track.update(100, SURPRISED).get("surprise"), EPS);
    Distribution other = new Distribution(Map.of("anger", 0.3, "fear", 0.7));
    Distribution out = track.update(140, other);
    assertEquals(List.of("anger", "fear"), out.labels());
    assertEquals(0.7, out.get("fear"), EPS);
  }

  @Test
  void aBadWindowSizeNamesPidKeyAndValueAndAChangeToItIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> smoother(0, new ArrayList<>()));
    assertEquals("mirror.smoother.median: windowSize must be from 1 to 301, got 0", e.getMessage());
    List<String> errors = new ArrayList<>();
    MedianSmoother smoother = smoother(3, errors);
    smoother.modified(config(-4));
    assertEquals(3, smoother.windowSize());
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).contains("windowSize must be from 1 to 301, got -4"), errors.get(0));
    smoother.modified(config(7));
    assertEquals(7, smoother.windowSize());
  }

  @Test
  void aNewWindowSizeAppliesToRunningTracks() {
    MedianSmoother smoother = smoother(5, new ArrayList<>());
    MedianTrack track = (MedianTrack) smoother.newTrack();
    for (int i = 0; i < 5; i++) {
      track.update(i * 40, HAPPY);
    }
    assertEquals(5, track.size());
    smoother.modified(config(1));
    // window of one: no smoothing, the reading itself
    assertEquals(0.8, track.update(200, SURPRISED).get("surprise"), EPS);
    assertEquals(1, track.size());
  }

  private static Distribution scores(double happiness, double neutral, double surprise) {
    return new Distribution(Map.of("happiness", happiness, "neutral", neutral, "surprise", surprise));
  }

  private static MedianSmoother smoother(int windowSize, List<String> errors) {
    return new MedianSmoother(config(windowSize), logger(errors));
  }

  static MedianConfig config(int windowSize) {
    return new MedianConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return MedianConfig.class;
      }

      @Override
      public int windowSize() {
        return windowSize;
      }
    };
  }

  /** An OSGi Logger that keeps the error messages (pattern and arguments joined). */
  static Logger logger(List<String> errors) {
    return (Logger)
        Proxy.newProxyInstance(
            Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
              if (method.getName().equals("error") && args != null) {
                StringBuilder line = new StringBuilder();
                for (Object a : args) {
                  line.append(a instanceof Object[] array ? List.of(array) : a).append(' ');
                }
                errors.add(line.toString());
              }
              return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });
  }
}
