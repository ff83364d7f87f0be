package org.expressionmirror.pipeline.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameSource;

/**
 * Runs a source through the pipeline on up to three threads, so that consecutive frames overlap
 * on the cores: a file's next frame is decoded ({@code mirror-decode}) while the calling thread
 * detects the faces of the frame before, while {@code mirror-read} classifies, smooths and
 * publishes the frame before that. Each hand-over is a queue of one or two frames, taken in the
 * order it was filled, so every frame of a file passes each stage once and in order; a frame
 * carries the components chosen for it. A live source (camera, {@code --realtime}) already
 * decodes on its own thread and hands out its newest frame: it is read by the detect stage
 * itself, so no frame waits in a queue and grows old. Frames are byte arrays of their own: no
 * native image is shared between the threads. A frame's array goes back to the source once the
 * next frame is published (and no view keeps it), so decoding allocates no frame-sized memory.
 */
final class Overlap implements AutoCloseable {
  /** Decoded frames waiting for the detect stage: enough to hide an uneven decode time. */
  private static final int DECODED = 2;
  /** Detected frames waiting for the read stage: one, so the stages stay a frame apart. */
  private static final int DETECTED = 1;
  private static final long POLL_MS = 20;
  private static final long JOIN_MS = 5000;

  /** What the decode thread hands on: a frame, the source's end, or why it failed. */
  private record Decoded(Frame frame, double decodeMs, Exception failure) {}

  private static final Decoded END = new Decoded(null, 0, null);
  private static final PipelineRun.Detected NO_MORE =
      new PipelineRun.Detected(null, 0, null, null, null, null, 0);

  private final PipelineRun run;
  private final FrameSource source;
  private final BlockingQueue<Decoded> decoded = new ArrayBlockingQueue<>(DECODED);
  private final BlockingQueue<PipelineRun.Detected> detected = new ArrayBlockingQueue<>(DETECTED);
  private final Thread decoder;
  private final Thread reader;
  private final Runnable published;
  /** Why the read stage stopped, null while it runs or after it ended well. */
  private volatile Exception readFailure;

  Overlap(PipelineRun run, FrameSource source) {
    this(run, source, () -> {});
  }

  /** @param published called on the read stage after each frame is published */
  Overlap(PipelineRun run, FrameSource source, Runnable published) {
    this.run = run;
    this.source = source;
    this.published = published;
    this.decoder = source.info().live() ? null : new Thread(this::decode, "mirror-decode");
    this.reader = new Thread(this::read, "mirror-read");
  }

  /**
   * Runs the source to its end, or until {@code stopping} says so; returns when every frame taken
   * from the source has been published.
   */
  void run(BooleanSupplier stopping)
      throws IOException, InterruptedException, PipelineException, RecordException {
    if (decoder != null) {
      decoder.start();
    }
    reader.start();
    while (!stopping.getAsBoolean()) {
      Decoded next = next();
      if (next.failure() != null) {
        drain();
        rethrow(next.failure());
      }
      if (next == END) {
        break;
      }
      hand(run.detect(next.frame(), next.decodeMs()));
    }
    drain();
  }

  private Decoded next() throws IOException, InterruptedException {
    if (decoder != null) {
      return decoded.take();
    }
    Optional<Frame> frame = source.next();
    return frame.map(f -> new Decoded(f, source.lastDecodeMs(), null)).orElse(END);
  }

  /** Hands a detected frame to the read stage, unless that stage has failed. */
  private void hand(PipelineRun.Detected d) throws InterruptedException, PipelineException, RecordException {
    while (!detected.offer(d, POLL_MS, TimeUnit.MILLISECONDS)) {
      failedReading();
    }
    failedReading();
  }

  /** Waits for the read stage to publish every frame handed to it. */
  private void drain() throws InterruptedException, PipelineException, RecordException {
    if (reader.isAlive()) {
      while (!detected.offer(NO_MORE, POLL_MS, TimeUnit.MILLISECONDS)) {
        failedReading();
      }
      reader.join();
    }
    failedReading();
  }

  private void failedReading() throws InterruptedException, PipelineException, RecordException {
    Exception e = readFailure;
    if (e != null) {
      try {
        rethrow(e);
      } catch (IOException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
  }

  private static void rethrow(Exception e)
      throws IOException, InterruptedException, PipelineException, RecordException {
    if (e instanceof IOException io) {
      throw io;
    }
    if (e instanceof InterruptedException ie) {
      throw ie;
    }
    if (e instanceof PipelineException pe) {
      throw pe;
    }
    if (e instanceof RecordException re) {
      throw re;
    }
    throw (RuntimeException) e;
  }

  private void decode() {
    try {
      decoded.put(decodeAll());
    } catch (InterruptedException e) {
      // the run is closing
    }
  }

  /** Hands on every frame of the source; returns its end, or why it failed. */
  private Decoded decodeAll() throws InterruptedException {
    try {
      while (true) {
        Optional<Frame> frame = source.next();
        if (frame.isEmpty()) {
          return END;
        }
        decoded.put(new Decoded(frame.get(), source.lastDecodeMs(), null));
      }
    } catch (IOException | RuntimeException e) {
      // queued after the frames decoded before it, so they are all published first
      return new Decoded(null, 0, e);
    }
  }

  private void read() {
    try {
      while (true) {
        PipelineRun.Detected d = detected.take();
        if (d == NO_MORE) {
          return;
        }
        run.read(d, source::recycle);
        published.run();
      }
    } catch (InterruptedException e) {
      readFailure = e;
    } catch (PipelineException | RecordException | RuntimeException e) {
      readFailure = e;
    } catch (LinkageError e) {
      // a component's bundle uninstalled mid-frame can no longer load its classes; without this
      // the read stage would end silently and the detect stage wait for it for ever
      readFailure = new IllegalStateException("a component went away while it read a frame: " + e, e);
    }
  }

  /** Stops the threads (a run that was stopped or failed) and waits for them: the source closes after. */
  @Override
  public void close() {
    boolean interrupted = Thread.interrupted();
    for (Thread t : new Thread[] {decoder, reader}) {
      if (t != null && t.isAlive()) {
        t.interrupt();
        try {
          t.join(JOIN_MS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
