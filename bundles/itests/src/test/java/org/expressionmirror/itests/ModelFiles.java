package org.expressionmirror.itests;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The model files {@link ModelLibraryIT} drops into the running program, made in the test JVM
 * before the framework starts (from its {@code @Configuration} method): ONNX graphs written with
 * tribuo-util-onnx's protobuf classes only (pure Java: ONNX Runtime's natives belong to the
 * framework's platform bundle), descriptions derived from the shipped HSEmotion one, and a model
 * bundle jar. Never loaded inside the framework (its packages are not there).
 */
final class ModelFiles {
  /** The shipped bring-your-own description this test supplies the model for. */
  static final String ENET = "enet_b0_8_best_afew";
  /** The model inside the model bundle jar (HSEmotion's interface, a distinct id). */
  static final String BUNDLED = "itests-bundled-enet";
  static final String BUNDLE_NAME = "org.expressionmirror.itests.modelbundle";
  /** A description beside a file of random bytes. */
  static final String NOT_ONNX = "itests-not-onnx";
  /** A description of [1,3,224,224] beside a model that takes [N,3,112,112]. */
  static final String WRONG_SHAPE = "itests-wrong-shape";

  private ModelFiles() {}

  /** Writes every file into {@code dir}; {@code enetDescription} is the shipped description. */
  static void writeAll(Path dir, Path enetDescription) throws IOException {
    Files.createDirectories(dir);
    String enet = Files.readString(enetDescription, StandardCharsets.UTF_8);
    if (!enet.contains("\"id\": \"" + ENET + "\"")) {
      throw new IllegalStateException(enetDescription + " is not the " + ENET + " description");
    }
    hsEmotion(dir.resolve(ENET + ".onnx"), 224);

    byte[] bundledOnnx = hsEmotion(dir.resolve(BUNDLED + ".onnx"), 224);
    modelBundle(dir.resolve(BUNDLED + ".jar"), BUNDLED, enet.replace(ENET, BUNDLED), bundledOnnx);

    Files.writeString(dir.resolve(NOT_ONNX + ".json"), enet.replace(ENET, NOT_ONNX), StandardCharsets.UTF_8);
    byte[] noise = new byte[4096];
    new Random(42).nextBytes(noise);
    Files.write(dir.resolve(NOT_ONNX + ".onnx"), noise);

    Files.writeString(dir.resolve(WRONG_SHAPE + ".json"), enet.replace(ENET, WRONG_SHAPE), StandardCharsets.UTF_8);
    hsEmotion(dir.resolve(WRONG_SHAPE + ".onnx"), 112);
  }

  /**
   * HSEmotion's enet_b0_8 interface: input {@code input} [N,3,size,size] (NCHW), output {@code
   * output} [N,8] logits. It computes the per-channel means through a dense layer, so different
   * faces give different readings.
   */
  static byte[] hsEmotion(Path file, int size) throws IOException {
    int channels = 3;
    int classes = 8;
    float[] w = new float[channels * classes];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) Math.sin(1.7 * i + 0.3) * 4f;
    }
    float[] b = new float[classes];
    for (int i = 0; i < classes; i++) {
      b[i] = 0.05f * i - 0.1f;
    }
    GraphProto.Builder g = GraphProto.newBuilder().setName("hsemotion-interface");
    g.addInput(value("input", new long[] {-1, channels, size, size}));
    g.addNode(
        NodeProto.newBuilder()
            .setOpType("ReduceMean")
            .addInput("input")
            .addOutput("means")
            .addAttribute(
                AttributeProto.newBuilder()
                    .setName("axes")
                    .setType(AttributeProto.AttributeType.INTS)
                    .addInts(2)
                    .addInts(3))
            .addAttribute(
                AttributeProto.newBuilder().setName("keepdims").setType(AttributeProto.AttributeType.INT).setI(0)));
    g.addInitializer(tensor("W", new long[] {channels, classes}, w));
    g.addInitializer(tensor("B", new long[] {classes}, b));
    g.addNode(NodeProto.newBuilder().setOpType("MatMul").addInput("means").addInput("W").addOutput("mm"));
    g.addNode(NodeProto.newBuilder().setOpType("Add").addInput("mm").addInput("B").addOutput("output"));
    g.addOutput(value("output", new long[] {-1, classes}));
    byte[] bytes =
        ModelProto.newBuilder()
            .setIrVersion(7)
            .setProducerName("expression mirror itests")
            .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
            .setGraph(g)
            .build()
            .toByteArray();
    Files.write(file, bytes);
    return bytes;
  }

  /** A bundle jar with {@code Expression-Models: models} holding one description and its model. */
  private static void modelBundle(Path jar, String id, String description, byte[] onnx) throws IOException {
    Manifest manifest = new Manifest();
    Attributes a = manifest.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue("Bundle-ManifestVersion", "2");
    a.putValue("Bundle-SymbolicName", BUNDLE_NAME);
    a.putValue("Bundle-Version", "1.0.0");
    a.putValue("Expression-Models", "models");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out, manifest)) {
      j.putNextEntry(new JarEntry("models/"));
      j.closeEntry();
      j.putNextEntry(new JarEntry("models/" + id + ".json"));
      j.write(description.getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
      j.putNextEntry(new JarEntry("models/" + id + ".onnx"));
      j.write(onnx);
      j.closeEntry();
    }
  }

  private static ValueInfoProto value(String name, long[] shape) {
    TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
    for (long d : shape) {
      // a negative size is a dynamic one, as torch.onnx.export writes for dynamic_axes
      s.addDim(
          d < 0
              ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size")
              : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(s)))
        .build();
  }

  private static TensorProto tensor(String name, long[] dims, float[] values) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    for (float v : values) {
      t.addFloatData(v);
    }
    return t.build();
  }
}
