package org.expressionmirror.capture.opencv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.SourceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A live source hands the frames nobody took back to its reader itself; the frames the consumer
 * took come back when the consumer gives them back: every frame the reader made returns once.
 */
@Timeout(60)
class LiveSourceRecycleTest {
  private static final int FRAMES = 200;

  /** A camera that makes frames as fast as it can and records what comes back. */
  private static final class Camera implements FrameReader {
    final List<Long> back = Collections.synchronizedList(new ArrayList<>());
    private long next;

    @Override
    public Optional<Frame> read() {
      if (next == FRAMES) {
        return Optional.empty();
      }
      Thread.yield();
      return Optional.of(new Frame(next++, next, 2, 2, new byte[12]));
    }

    @Override
    public void recycle(Frame frame) {
      back.add(frame.index());
    }

    @Override
    public double lastDecodeMs() {
      return 0;
    }

    @Override
    public SourceInfo info() {
      return new SourceInfo("camera", 2, 2, 30, true, 0);
    }

    @Override
    public void close() {}
  }

  @Test
  void framesNobodyTookAndFramesGivenBackAllReturnToTheReaderOnce() throws Exception {
    Camera camera = new Camera();
    List<Long> taken = new ArrayList<>();
    long skipped;
    try (LiveSource source = LiveSource.camera(camera, LiveSource.ReadStamp.NONE)) {
      for (Optional<Frame> f = source.next(); f.isPresent(); f = source.next()) {
        taken.add(f.get().index());
        Thread.sleep(1); // slower than the camera: frames are replaced unread
        source.recycle(f.get());
      }
      skipped = source.skipped();
    }
    assertTrue(skipped > 0, "the consumer kept up: nothing was replaced unread");
    assertEquals(FRAMES, taken.size() + skipped);
    Set<Long> back = new TreeSet<>(camera.back);
    assertEquals(FRAMES, camera.back.size(), "each frame once");
    assertEquals(FRAMES, back.size());
    assertEquals(FRAMES - 1, ((TreeSet<Long>) back).last());
  }
}
