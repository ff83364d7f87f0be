package org.expressionmirror.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.FrameSource;
import org.expressionmirror.api.MirrorView;
import org.expressionmirror.api.ModelInfo;
import org.expressionmirror.api.ResultListener;
import org.expressionmirror.api.Smoother;
import org.expressionmirror.api.SourceInfo;
import org.junit.jupiter.api.Test;

/**
 * The three stages on their threads: every frame of a file passes once and in order, swaps made
 * while frames flow take effect at a frame boundary with each result naming what made it, and a
 * source that fails mid-way has its earlier frames published before the failure is told.
 */
class OverlapTest {
  private final PipelineComponent pipeline =
      new PipelineComponent(PipelineRunTest.config(Map.of()), Map.of(), new RecordingLogger().logger);
  private final List<FrameResult> seen = Collections.synchronizedList(new ArrayList<>());
  /** The threads each stage ran on. */
  private final Set<String> detectThreads = ConcurrentHashMap.newKeySet();
  private final Set<String> readThreads = ConcurrentHashMap.newKeySet();

  OverlapTest() {
    pipeline.addListener((ResultListener) seen::add);
    pipeline.addModel(new Model(), Map.of(ExpressionModel.ID, "faceapi-expression", ExpressionModel.VERSION, "1"));
    pipeline.addSmoother(() -> (t, d) -> d, Map.of(Smoother.ID, "ema", Smoother.VERSION, "1"));
    pipeline.addDetector(new At(10), Map.of(FaceDetector.ID, "haar", FaceDetector.VERSION, "1"));
    pipeline.addDetector(new At(20), Map.of(FaceDetector.ID, "blazeface", FaceDetector.VERSION, "1"));
  }

  @Test
  void everyFrameOnceInOrderWhileTheDetectorIsSwappedAsFramesFlow() throws Exception {
    int frames = 400;
    Thread swapper =
        new Thread(
            () -> {
              for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                String id = i % 2 == 0 ? "blazeface" : "haar";
                pipeline.modified(PipelineRunTest.config(Map.of("detector", id)), Map.of());
                try {
                  Thread.sleep(1);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    swapper.start();
    try (Source source = new Source(frames, -1);
        Overlap overlap = new Overlap(pipeline.newRun(), source)) {
      overlap.run(() -> false);
    } finally {
      swapper.interrupt();
      swapper.join();
    }
    assertEquals(frames, seen.size());
    int swaps = 0;
    for (int i = 0; i < frames; i++) {
      FrameResult r = seen.get(i);
      assertEquals(i, r.frame(), "result " + i);
      // the face's place says which detector found it: the record must name that one
      int x = r.faces().get(0).box().x();
      assertEquals(r.detector().equals("haar@1") ? 10 : 20, x, "frame " + i + " by " + r.detector());
      if (i > 0 && !r.detector().equals(seen.get(i - 1).detector())) {
        swaps++;
      }
    }
    assertTrue(swaps > 0, "some swaps landed mid-stream");
    assertEquals(Set.of("mirror-read"), readThreads);
    assertTrue(!detectThreads.contains("mirror-read"), detectThreads.toString());
  }

  @Test
  void aSourceThatFailsMidwayHasItsEarlierFramesPublishedFirst() throws Exception {
    try (Source source = new Source(30, 12);
        Overlap overlap = new Overlap(pipeline.newRun(), source)) {
      IOException e = assertThrows(IOException.class, () -> overlap.run(() -> false));
      assertEquals("cannot decode frame 12", e.getMessage());
    }
    assertEquals(12, seen.size());
    for (int i = 0; i < 12; i++) {
      assertEquals(i, seen.get(i).frame());
    }
  }

  @Test
  void framesGoBackToTheSourceOnceNoStageOrViewReadsThemAndArePaintedIntact() throws Exception {
    int frames = 300;
    List<String> torn = Collections.synchronizedList(new ArrayList<>());
    pipeline.addDetector(new Stamped(torn), Map.of(FaceDetector.ID, "stamped", FaceDetector.VERSION, "1"));
    pipeline.modified(PipelineRunTest.config(Map.of("detector", "stamped")), Map.of());
    StampView view = new StampView(torn);
    pipeline.bindView(view, Map.of(MirrorView.COPIES_PIXELS, true));
    try (Pooled source = new Pooled(frames);
        Overlap overlap = new Overlap(pipeline.newRun(), source)) {
      overlap.run(() -> false);
      assertEquals(frames, seen.size());
      assertEquals(frames, view.shown);
      assertEquals(0, torn.size(), "a stage or the view read a frame whose array was reused: "
          + torn.subList(0, Math.min(6, torn.size())));
      // every frame but the newest (kept for a view that registers late) came back, once each
      assertEquals(frames - 1, source.recycled.size());
      assertEquals(frames - 1, Set.copyOf(source.recycled).size());
      assertTrue(!source.recycled.contains((long) frames - 1));
      // a queue of two decoded frames, one per stage, the newest: a handful of arrays for all
      assertTrue(source.allocated <= 8, source.allocated + " arrays for " + frames + " frames");
    }
  }

  /**
   * A camera (read by the detect stage itself) gives arrays back too; a view that registers while
   * frames flow is replayed the newest frame intact, not one whose array came back meanwhile.
   */
  @Test
  void aLiveSourceAndAViewThatRegistersMidRunSeeOnlyIntactFrames() throws Exception {
    int frames = 300;
    List<String> torn = Collections.synchronizedList(new ArrayList<>());
    pipeline.addDetector(new Stamped(torn), Map.of(FaceDetector.ID, "stamped", FaceDetector.VERSION, "1"));
    pipeline.modified(PipelineRunTest.config(Map.of("detector", "stamped")), Map.of());
    pipeline.bindView(new StampView(torn), Map.of(MirrorView.COPIES_PIXELS, true));
    List<StampView> late = new ArrayList<>();
    Thread binder =
        new Thread(
            () -> {
              for (int i = 0; i < 20 && !Thread.currentThread().isInterrupted(); i++) {
                StampView v = new StampView(torn);
                late.add(v);
                pipeline.bindView(v, Map.of(MirrorView.COPIES_PIXELS, true));
                Thread.yield();
              }
            });
    try (Pooled source = new Pooled(frames, true);
        Overlap overlap = new Overlap(pipeline.newRun(), source)) {
      binder.start();
      overlap.run(() -> false);
      binder.join();
      assertEquals(frames, seen.size());
      assertEquals(0, torn.size(), "a frame whose array was reused: " + torn.subList(0, Math.min(6, torn.size())));
      assertTrue(late.stream().allMatch(v -> v.shown > 0), "every late view was shown frames");
      assertEquals(frames - 1, source.recycled.size());
      assertTrue(source.allocated <= 8, source.allocated + " arrays for " + frames + " frames");
    }
  }

  @Test
  void aViewThatMayKeepFramesKeepsTheirArraysToItself() throws Exception {
    int frames = 50;
    pipeline.bindView(new StampView(new ArrayList<>()), Map.of());
    try (Pooled source = new Pooled(frames);
        Overlap overlap = new Overlap(pipeline.newRun(), source)) {
      overlap.run(() -> false);
      assertEquals(frames, seen.size());
      assertEquals(List.of(), source.recycled);
      assertEquals(frames, source.allocated);
    }
  }

  /** Every byte of frame i is i mod 251: a frame whose array was reused too early shows it. */
  private static boolean intact(Frame frame) {
    byte stamp = (byte) (frame.index() % 251);
    for (byte b : frame.bgr()) {
      if (b != stamp) {
        return false;
      }
    }
    return true;
  }

  /** A decoder that decodes into the arrays of the frames given back, like the capture bundle's. */
  private static final class Pooled implements FrameSource {
    private final int frames;
    private final boolean live;
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> free =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    final List<Long> recycled = Collections.synchronizedList(new ArrayList<>());
    volatile int allocated;
    private int next;

    Pooled(int frames) {
      this(frames, false);
    }

    /** {@code live}: read by the detect stage itself, as a camera is. */
    Pooled(int frames, boolean live) {
      this.frames = frames;
      this.live = live;
    }

    @Override
    public Optional<Frame> next() {
      if (next >= frames) {
        return Optional.empty();
      }
      int i = next++;
      byte[] bgr = free.poll();
      if (bgr == null) {
        bgr = new byte[16 * 16 * 3];
        allocated++;
      }
      java.util.Arrays.fill(bgr, (byte) (i % 251));
      return Optional.of(new Frame(i, i * 33.3, 16, 16, bgr));
    }

    @Override
    public void recycle(Frame frame) {
      recycled.add(frame.index());
      free.add(frame.bgr());
    }

    @Override
    public SourceInfo info() {
      return new SourceInfo("generated", 16, 16, 30, live, frames);
    }

    @Override
    public long skipped() {
      return 0;
    }

    @Override
    public double lastDecodeMs() {
      return 0;
    }

    @Override
    public void close() {}
  }

  /** A detector that checks the pixels of every frame it reads, and reads them slowly. */
  private static final class Stamped implements FaceDetector {
    private final List<String> torn;

    Stamped(List<String> torn) {
      this.torn = torn;
    }

    @Override
    public List<Face> detect(Frame frame) {
      if (!intact(frame)) {
        torn.add("detector, frame " + frame.index());
      }
      Thread.yield();
      if (!intact(frame)) {
        torn.add("detector after a while, frame " + frame.index());
      }
      return List.of(new Face(new Box(1, 1, 4, 4), 1));
    }
  }

  /** A view like the window: checks the pixels while it is shown them. */
  private static final class StampView implements MirrorView {
    private final List<String> torn;
    volatile int shown;

    StampView(List<String> torn) {
      this.torn = torn;
    }

    @Override
    public void show(Frame frame, FrameResult result) {
      if (!intact(frame)) {
        torn.add("view, frame " + frame.index());
      }
      shown++;
    }
  }

  /** A file of generated frames; {@code failAt} >= 0 fails there like a corrupt frame. */
  private static final class Source implements FrameSource {
    private final int frames;
    private final int failAt;
    private int next;

    Source(int frames, int failAt) {
      this.frames = frames;
      this.failAt = failAt;
    }

    @Override
    public Optional<Frame> next() throws IOException {
      if (next == failAt) {
        throw new IOException("cannot decode frame " + next);
      }
      if (next >= frames) {
        return Optional.empty();
      }
      int i = next++;
      return Optional.of(new Frame(i, i * 33.3, 8, 8, new byte[8 * 8 * 3]));
    }

    @Override
    public SourceInfo info() {
      return new SourceInfo("generated", 8, 8, 30, false, frames);
    }

    @Override
    public long skipped() {
      return 0;
    }

    @Override
    public double lastDecodeMs() {
      return 0;
    }

    @Override
    public void close() {}
  }

  private final class At implements FaceDetector {
    private final int x;

    At(int x) {
      this.x = x;
    }

    @Override
    public List<Face> detect(Frame frame) {
      detectThreads.add(Thread.currentThread().getName());
      return List.of(new Face(new Box(x, 0, 2, 2), 1));
    }
  }

  private final class Model implements ExpressionModel {
    @Override
    public ModelInfo info() {
      return new ModelInfo("faceapi-expression", "1", List.of(Expressions.HAPPINESS, Expressions.NEUTRAL), "test", "MIT", "none");
    }

    @Override
    public Distribution classify(Frame frame, Box box) {
      readThreads.add(Thread.currentThread().getName());
      return new Distribution(Map.of(Expressions.HAPPINESS, 0.75, Expressions.NEUTRAL, 0.25));
    }
  }
}
