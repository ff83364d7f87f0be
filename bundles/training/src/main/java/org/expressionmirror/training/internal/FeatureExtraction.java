package org.expressionmirror.training.internal;

import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Face;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Frame;
import org.expressionmirror.evaluation.internal.GifImages;
import org.expressionmirror.evaluation.internal.LeftOut;
import org.expressionmirror.platform.opencv.FrameMats;
import org.expressionmirror.platform.opencv.ImageFiles;
import org.opencv.core.Mat;

/**
 * Backbone features of every image of a training set, as eval would see the face: the image
 * decoded as eval decodes it, the largest face the detector finds (or the whole image), the
 * model's own preprocessing. Features come from the cache when the image's content was seen
 * before with the same backbone and detector.
 */
final class FeatureExtraction {
  /**
   * @param examples the images with a face, in the set's order
   * @param features their features, same order
   * @param boxes their face boxes
   * @param noFace images in which no face was found (left out)
   * @param unreadable images that could not be decoded (left out)
   * @param datasetSha256 hash over every image's name, content hash and target
   * @param cached how many came from the cache
   * @param mirrored the features of each face's mirror image, same order; null without the mirror
   */
  record Result(
      List<TrainingSet.Example> examples,
      List<float[]> features,
      List<Box> boxes,
      List<LeftOut> noFace,
      List<String> unreadable,
      String datasetSha256,
      int cached,
      List<float[]> mirrored) {}

  private final Backbone backbone;
  private final FaceDetector detector;
  private final FeatureCache cache;
  private final FeatureCache mirrorCache;
  private final Consumer<String> warnings;

  /** @param detector null to take each whole image as the face */
  FeatureExtraction(Backbone backbone, FaceDetector detector, FeatureCache cache, Consumer<String> warnings) {
    this(backbone, detector, cache, null, warnings);
  }

  /**
   * @param mirrorCache where the features of the faces' mirror images are kept (a file of its own,
   *     so they never mix with the plain ones); null: no mirror features
   */
  FeatureExtraction(
      Backbone backbone, FaceDetector detector, FeatureCache cache, FeatureCache mirrorCache, Consumer<String> warnings) {
    this.backbone = backbone;
    this.detector = detector;
    this.cache = cache;
    this.mirrorCache = mirrorCache;
    this.warnings = warnings;
  }

  Result run(TrainingSet set, Progress progress) throws TrainingException, InterruptedException {
    List<TrainingSet.Example> kept = new ArrayList<>();
    List<float[]> features = new ArrayList<>();
    List<float[]> mirrored = mirrorCache == null ? null : new ArrayList<>();
    List<Box> boxes = new ArrayList<>();
    List<LeftOut> noFace = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    MessageDigest dataset = Hashes.digest();
    int cached = 0;
    long index = 0;
    for (TrainingSet.Example e : set.examples()) {
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(e.image());
      } catch (IOException ex) {
        warnings.accept("cannot read image: " + e.image() + " (" + ex.getMessage() + "); skipped");
        unreadable.add(e.name());
        progress.step();
        continue;
      }
      String sha = Hashes.sha256(bytes);
      dataset.update((e.name() + "\t" + sha + "\t" + java.util.Arrays.toString(e.target()) + "\n").getBytes(StandardCharsets.UTF_8));
      FeatureCache.Entry entry = cache.get(sha);
      if (entry != null) {
        cached++;
      } else {
        entry = compute(e, index++);
        if (entry == null) {
          unreadable.add(e.name());
          progress.step();
          continue;
        }
        try {
          cache.put(sha, entry);
        } catch (IOException ex) {
          throw new TrainingException("cannot write the feature cache " + cache.file() + ": " + ex.getMessage());
        }
      }
      if (entry.box() == null) {
        noFace.add(new LeftOut(e.name(), "no face found"));
      } else {
        float[] m = null;
        if (mirrored != null) {
          m = mirror(e, sha, entry.box(), index++);
          if (m == null) {
            unreadable.add(e.name());
            progress.step();
            continue;
          }
          mirrored.add(m);
        }
        kept.add(e);
        features.add(entry.features());
        boxes.add(entry.box());
      }
      progress.step();
    }
    progress.finish();
    return new Result(kept, features, boxes, noFace, unreadable, HexFormat.of().formatHex(dataset.digest()), cached, mirrored);
  }

  /**
   * The features of the mirror image of the face in {@code box}: the model input flipped along its
   * width, as the exported graph's mirror pass flips it. From the mirror cache when seen before;
   * null when the image cannot be decoded now (warned).
   */
  private float[] mirror(TrainingSet.Example e, String sha, Box box, long index) throws TrainingException {
    FeatureCache.Entry entry = mirrorCache.get(sha);
    if (entry != null) {
      return entry.features();
    }
    Frame frame = readOrSkip(e, index);
    if (frame == null) {
      return null;
    }
    float[] f;
    try {
      f = backbone.features(MirrorPass.flip(backbone.input(frame, box), backbone.spec()));
    } catch (OrtException ex) {
      throw new TrainingException("backbone fails on the mirror image of " + e.image() + ": " + ex.getMessage());
    }
    try {
      mirrorCache.put(sha, new FeatureCache.Entry(box, f));
    } catch (IOException ex) {
      throw new TrainingException("cannot write the feature cache " + mirrorCache.file() + ": " + ex.getMessage());
    }
    return f;
  }

  /** The image, or null when it cannot be decoded now (warned, skipped). */
  private Frame readOrSkip(TrainingSet.Example e, long index) {
    try {
      return read(e, index);
    } catch (IOException ex) {
      warnings.accept(ex.getMessage() + "; skipped");
      return null;
    }
  }

  /** The entry of one image; null when it cannot be decoded (warned). */
  private FeatureCache.Entry compute(TrainingSet.Example e, long index) throws TrainingException {
    Frame frame = readOrSkip(e, index);
    if (frame == null) {
      return null;
    }
    Box box = face(frame);
    if (box == null) {
      return new FeatureCache.Entry(null, null);
    }
    try {
      return new FeatureCache.Entry(box, backbone.features(frame, box));
    } catch (OrtException ex) {
      throw new TrainingException("backbone fails on " + e.image() + ": " + ex.getMessage());
    }
  }

  /** The model input of an image's face (for golden vectors), or null when it cannot be read now. */
  float[] input(TrainingSet.Example e, Box box) {
    try {
      return backbone.input(read(e, 0), box);
    } catch (IOException | IllegalArgumentException ex) {
      return null;
    }
  }

  private Box face(Frame frame) {
    if (detector == null) {
      return new Box(0, 0, frame.width(), frame.height());
    }
    List<Face> faces = detector.detect(frame);
    return Box.largestOf(faces, Face::box).map(Face::box).orElse(null);
  }

  /** As eval reads an image: 8-bit BGR (grey gets three equal channels); GIF's first frame. */
  static Frame read(TrainingSet.Example e, long index) throws IOException {
    if (GifImages.isGif(e.image())) {
      return GifImages.read(e.image(), index);
    }
    Mat image = ImageFiles.readBgr(e.image());
    try {
      return FrameMats.toFrame(image, index, 0);
    } finally {
      image.release();
    }
  }
}
