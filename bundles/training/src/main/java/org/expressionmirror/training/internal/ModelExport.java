package org.expressionmirror.training.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;

/**
 * Writes a trained head as a model like any other: {@code NAME.onnx} (the backbone's graph with the
 * new head folded into its last layer, or beside it in a {@link Blend}), {@code NAME.golden.json} (some training crops' inputs and
 * what ONNX Runtime computes from the written file) and {@code NAME.json} (the backbone's
 * description with the new id, labels and provenance). Before anything is written, the exported
 * graph must give the trained head's probabilities within {@link #MAX_DIFFERENCE} on those crops.
 * Each file is written beside its place and moved there atomically, the description last: a
 * running mirror scans for descriptions, so it never sees a model half written.
 */
final class ModelExport {
  /** Largest allowed |exported - trained| probability on the golden crops. */
  static final double MAX_DIFFERENCE = 1e-5;
  /** Tolerance written into the golden file, the shipped models' own. */
  static final double GOLDEN_TOLERANCE = 1e-4;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One golden crop: its image, face box, model input and backbone features, and the features of
   * its mirror image when the model has the mirror pass (else null).
   */
  record Crop(String image, Box box, float[] input, float[] features, float[] mirrorFeatures) {
    Crop(String image, Box box, float[] input, float[] features) {
      this(image, box, input, features, null);
    }
  }

  /** What was written, and how far the export was from the head. */
  record Written(Path onnx, Path golden, Path description, double maxDifference) {}

  private ModelExport() {}

  /** The exported ONNX bytes of a head on a backbone. */
  static byte[] onnx(Backbone backbone, SoftmaxHead head) {
    return onnx(backbone, head, false, null);
  }

  /**
   * The exported ONNX bytes of a head on a backbone, blended with the backbone's own head when
   * {@code blend} is not null, then with the {@link MirrorPass} when asked (it averages the blend).
   */
  static byte[] onnx(Backbone backbone, SoftmaxHead head, boolean mirror, Blend blend) {
    byte[] plain = blend == null ? backbone.head().withHead(head.foldedWeights(), head.foldedBias()) : blend.graph(backbone, head);
    return mirror ? MirrorPass.graph(plain, backbone.spec().inputName(), backbone.spec().outputName(), backbone.spec().nchw()) : plain;
  }

  /**
   * Runs the exported model on the crops.
   *
   * @return one probability vector per crop
   */
  static List<float[]> run(OrtEnvironment env, byte[] onnx, Backbone backbone, List<Crop> crops) throws OrtException {
    List<float[]> out = new ArrayList<>();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(onnx, options)) {
        for (Crop c : crops) {
          FloatBuffer in = ByteBuffer.allocateDirect(c.input().length * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
          in.put(c.input()).rewind();
          try (OnnxTensor t = OnnxTensor.createTensor(env, in, backbone.spec().shape());
              OrtSession.Result r = session.run(Map.of(backbone.spec().inputName(), t))) {
            float[][] p = (float[][]) r.get(backbone.spec().outputName()).orElseThrow().getValue();
            out.add(p[0]);
          }
        }
      }
    }
    return out;
  }

  /**
   * The largest |exported - head| over the crops' probabilities; the head's are blended with the
   * backbone's own when {@code blend} is not null, and averaged over the crop and its mirror image
   * when the crop has mirror features (the model has the mirror pass).
   */
  static double difference(SoftmaxHead head, Blend blend, List<Crop> crops, List<float[]> exported) {
    double worst = 0;
    for (int i = 0; i < crops.size(); i++) {
      double[] p = probabilities(head, blend, crops.get(i));
      for (int k = 0; k < p.length; k++) {
        worst = Math.max(worst, Math.abs(p[k] - exported.get(i)[k]));
      }
    }
    return worst;
  }

  /**
   * The head's probabilities for a crop (blended when {@code blend} is not null), averaged with its
   * mirror image's when it has one.
   */
  static double[] probabilities(SoftmaxHead head, Blend blend, Crop c) {
    return blend == null ? head.probabilities(c.features(), c.mirrorFeatures()) : blend.probabilities(head, c.features(), c.mirrorFeatures());
  }

  /**
   * Checks the export against the head, then writes the three files into {@code dir}.
   *
   * @param provenance written as the description's {@code source}
   * @param mirror export with the {@link MirrorPass} (the crops then carry mirror features)
   * @param blend the backbone's own head and the weight to blend with, or null for the head alone
   * @throws TrainingException when the export differs from the head or a file cannot be written
   */
  static Written write(
      OrtEnvironment env,
      Backbone backbone,
      SoftmaxHead head,
      List<String> classes,
      List<Crop> crops,
      String name,
      String version,
      Map<String, Object> provenance,
      Path dir,
      boolean mirror,
      Blend blend)
      throws TrainingException {
    if (mirror && crops.stream().anyMatch(c -> c.mirrorFeatures() == null)) {
      throw new IllegalArgumentException("a model with the mirror pass is checked on crops with mirror features");
    }
    byte[] onnx = onnx(backbone, head, mirror, blend);
    List<float[]> exported;
    try {
      exported = run(env, onnx, backbone, crops);
    } catch (OrtException e) {
      throw new TrainingException("the exported model does not run in ONNX Runtime: " + e.getMessage());
    }
    double diff = difference(head, blend, crops, exported);
    if (!(diff <= MAX_DIFFERENCE)) {
      throw new TrainingException(
          "the exported model differs from the trained head by " + diff + " (allowed " + MAX_DIFFERENCE + "); nothing written");
    }
    Path onnxFile = dir.resolve(name + ".onnx");
    Path goldenFile = dir.resolve(name + ".golden.json");
    Path descriptionFile = dir.resolve(name + ".json");
    try {
      atomically(onnxFile, onnx);
      atomically(goldenFile, JSON.writeValueAsBytes(golden(name, backbone, classes, crops, exported)));
      atomically(descriptionFile, JSON.writeValueAsBytes(description(backbone, name, version, classes, provenance)));
    } catch (IOException e) {
      throw new TrainingException("cannot write the model into " + dir + ": " + e.getMessage());
    }
    return new Written(onnxFile, goldenFile, descriptionFile, diff);
  }

  private static Map<String, Object> golden(
      String name, Backbone backbone, List<String> classes, List<Crop> crops, List<float[]> exported) {
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("model", name);
    g.put("producer", "mirror train: the exported file run by ONNX Runtime on training crops");
    g.put("labels", classes);
    g.put("tolerance", GOLDEN_TOLERANCE);
    List<Map<String, Object>> vectors = new ArrayList<>();
    for (int i = 0; i < crops.size(); i++) {
      Crop c = crops.get(i);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("name", "crop" + i);
      v.put("image", c.image());
      v.put("box", List.of(c.box().x(), c.box().y(), c.box().width(), c.box().height()));
      v.put("inputShape", java.util.Arrays.stream(backbone.spec().shape()).boxed().toList());
      ByteBuffer bytes = ByteBuffer.allocate(c.input().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      for (float f : c.input()) {
        bytes.putFloat(f);
      }
      v.put("input", Base64.getEncoder().encodeToString(bytes.array()));
      List<Double> expected = new ArrayList<>();
      for (float p : exported.get(i)) {
        expected.add((double) p);
      }
      v.put("expected", expected);
      vectors.add(v);
    }
    g.put("vectors", vectors);
    return g;
  }

  /** The backbone's description with this model's id, files, labels and provenance (also Teach mode's in-memory model). */
  static ObjectNode description(
      Backbone backbone, String name, String version, List<String> classes, Map<String, Object> provenance)
      throws IOException {
    ObjectNode d = (ObjectNode) JSON.readTree(backbone.description().toFile());
    d.put("id", name);
    d.put("version", version);
    d.put("file", name + ".onnx");
    d.set("source", JSON.valueToTree(provenance));
    d.put("golden", name + ".golden.json");
    ObjectNode output = (ObjectNode) d.get("output");
    output.put("kind", "probabilities");
    ArrayNode labels = output.putArray("labels");
    ArrayNode canonical = output.putArray("canonical");
    classes.forEach(labels::add);
    classes.forEach(canonical::add);
    output.remove("extraValues");
    return d;
  }

  private static void atomically(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
