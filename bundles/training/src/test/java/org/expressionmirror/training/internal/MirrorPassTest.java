package org.expressionmirror.training.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;
import org.expressionmirror.expression.onnx.internal.ModelLoader;
import org.expressionmirror.expression.onnx.internal.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mirror pass on the real face-api graph in ONNX Runtime: the graph with the pass gives the
 * mean of two runs of the plain graph, on the face and on {@link MirrorPass#flip}'s mirror image,
 * so the trainer's mirror rows are exactly what the exported model averages over.
 */
class MirrorPassTest {
  private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

  @TempDir Path dir;

  @org.junit.jupiter.api.BeforeAll
  static void openCv() {
    nu.pattern.OpenCV.loadLocally();
  }

  @Test
  void flipReversesTheWidthOfAnNhwcInputAndTwiceIsTheInput() throws Exception {
    ModelSpec spec = ModelLoader.readSpec(GeneratedFaces.FACE_API);
    float[] in = numbered(spec);
    float[] out = MirrorPass.flip(in, spec);
    int w = spec.width();
    int c = spec.channels();
    // pixel (x=5, y=7), channel 2 lands at (w-1-5, 7), channel 2
    assertEquals(in[(7 * w + 5) * c + 2], out[(7 * w + w - 1 - 5) * c + 2]);
    assertFalse(java.util.Arrays.equals(in, out));
    assertArrayEquals(in, MirrorPass.flip(out, spec));
  }

  @Test
  void flipReversesTheWidthOfAnNchwInput() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode d = (ObjectNode) json.readTree(GeneratedFaces.FACE_API.toFile());
    ObjectNode input = (ObjectNode) d.get("input");
    input.put("layout", "NCHW");
    input.putArray("shape").add(1).add(3).add(112).add(112);
    Path file = dir.resolve("nchw.json");
    Files.writeString(file, json.writeValueAsString(d));
    ModelSpec spec = ModelLoader.readSpec(file);
    assertTrue(spec.nchw());
    float[] in = numbered(spec);
    float[] out = MirrorPass.flip(in, spec);
    int w = spec.width();
    int h = spec.height();
    // channel 1, row 9, column 4 lands at column w-1-4
    assertEquals(in[(1 * h + 9) * w + 4], out[(1 * h + 9) * w + w - 1 - 4]);
    assertArrayEquals(in, MirrorPass.flip(out, spec));
  }

  @Test
  void theGraphWithThePassIsTheMeanOfTheFaceAndItsMirrorImage() throws Exception {
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      ModelSpec spec = backbone.spec();
      byte[] plain = backbone.onnx();
      byte[] mirrored = MirrorPass.graph(plain, spec.inputName(), spec.outputName(), spec.nchw());
      assertTrue(MirrorPass.in(mirrored));
      assertFalse(MirrorPass.in(plain));
      List<ModelExport.Crop> crops = new ArrayList<>();
      List<ModelExport.Crop> flipped = new ArrayList<>();
      for (String photo : List.of("sample1.jpg", "sample6.jpg")) {
        Frame frame = FeatureExtraction.read(new TrainingSet.Example(GeneratedFaces.PHOTOS.resolve(photo), photo, 0, null, photo), 0);
        Box box = new Box(frame.width() / 3, frame.height() / 4, frame.width() / 4, frame.height() / 3);
        float[] input = backbone.input(frame, box);
        crops.add(new ModelExport.Crop(photo, box, input, null));
        flipped.add(new ModelExport.Crop(photo, box, MirrorPass.flip(input, spec), null));
      }
      List<float[]> p = ModelExport.run(ENV, plain, backbone, crops);
      List<float[]> q = ModelExport.run(ENV, plain, backbone, flipped);
      List<float[]> r = ModelExport.run(ENV, mirrored, backbone, crops);
      double apart = 0;
      for (int i = 0; i < crops.size(); i++) {
        assertEquals(p.get(i).length, r.get(i).length);
        for (int k = 0; k < p.get(i).length; k++) {
          assertEquals((p.get(i)[k] + q.get(i)[k]) / 2, r.get(i)[k], 1e-6, "crop " + i + " class " + k);
          apart = Math.max(apart, Math.abs(p.get(i)[k] - q.get(i)[k]));
        }
      }
      // the mirror images are seen differently, so the check above could fail
      assertTrue(apart > 1e-3, "face and mirror image give the same probabilities: " + apart);
    }
  }

  @Test
  void aBackboneWithAnOpenBatchGetsABatchOfOneFace() throws Exception {
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      ai.onnx.proto.OnnxMl.ModelProto.Builder open = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(backbone.onnx()).toBuilder();
      open.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder()
          .getDimBuilder(0).clear().setDimParam("batch");
      byte[] mirrored = MirrorPass.graph(open.build().toByteArray(), "input", "probabilities", false);
      var g = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(mirrored).getGraph();
      assertEquals(1, g.getInput(0).getType().getTensorType().getShape().getDim(0).getDimValue());
      assertEquals(1, g.getOutput(0).getType().getTensorType().getShape().getDim(0).getDimValue());
    }
  }

  @Test
  void aMirrorModelIsOnlyCheckedOnCropsWithMirrorFeatures() throws Exception {
    try (Backbone backbone = Backbone.open(ENV, GeneratedFaces.FACE_API)) {
      SoftmaxHead head = new SoftmaxHead(2, new double[256], ones(256), new double[256 * 2 + 2]);
      ModelExport.Crop crop = new ModelExport.Crop("x", new Box(0, 0, 112, 112), new float[112 * 112 * 3], new float[256]);
      assertThrows(IllegalArgumentException.class,
          () -> ModelExport.write(ENV, backbone, head, List.of("a", "b"), List.of(crop), "m", "1", java.util.Map.of(), dir, true, null));
    }
  }

  private static double[] ones(int n) {
    double[] d = new double[n];
    java.util.Arrays.fill(d, 1);
    return d;
  }

  private static float[] numbered(ModelSpec spec) {
    float[] in = new float[spec.width() * spec.height() * spec.channels()];
    for (int i = 0; i < in.length; i++) {
      in[i] = i;
    }
    return in;
  }
}
