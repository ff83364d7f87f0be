package org.expressionmirror.models.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Small writer for ONNX graphs on the protobuf classes of tribuo-util-onnx, shared by every model
 * builder in this module (the TFJS graph converter, hand-built networks). Float tensors only, opset
 * {@value #OPSET} semantics (e.g. ReduceMean axes as an attribute, Softmax over one axis).
 */
public final class OnnxGraph {
  /** The opset every builder targets; ONNX Runtime 1.29 runs it. */
  public static final int OPSET = 13;

  private static final long IR_VERSION = 7; // the IR version that introduced opset 13

  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private final Set<String> names = new HashSet<>();

  public OnnxGraph(String name) {
    graph.setName(name);
  }

  /** A name not used yet in this graph, derived from {@code base}. */
  public String unique(String base) {
    String name = base;
    for (int i = 1; names.contains(name); i++) {
      name = base + "_" + i;
    }
    names.add(name);
    return name;
  }

  /** Adds a float32 constant (raw little-endian data) and returns its name. */
  public String initializer(String name, long[] dims, float[] data) {
    checkSize(name, dims, data.length);
    ByteBuffer bytes = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(data);
    return addInitializer(name, dims, TensorProto.DataType.FLOAT, bytes);
  }

  /** Adds an int64 constant (e.g. a shape for Reshape) and returns its name. */
  public String initializerInt64(String name, long[] dims, long[] data) {
    checkSize(name, dims, data.length);
    ByteBuffer bytes = ByteBuffer.allocate(data.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asLongBuffer().put(data);
    return addInitializer(name, dims, TensorProto.DataType.INT64, bytes);
  }

  private String addInitializer(
      String name, long[] dims, TensorProto.DataType type, ByteBuffer bytes) {
    String unique = unique(name);
    TensorProto.Builder t = TensorProto.newBuilder().setName(unique).setDataType(type.getNumber());
    for (long d : dims) {
      t.addDims(d);
    }
    t.setRawData(ByteString.copyFrom(bytes.array()));
    graph.addInitializer(t);
    return unique;
  }

  /** Adds a node with one output named {@code output} (made unique) and returns that name. */
  public String node(String opType, List<String> inputs, String output, AttributeProto... attrs) {
    String out = unique(output);
    NodeProto.Builder n =
        NodeProto.newBuilder().setOpType(opType).setName(out).addAllInput(inputs).addOutput(out);
    for (AttributeProto a : attrs) {
      n.addAttribute(a);
    }
    graph.addNode(n);
    return out;
  }

  /** Declares a float graph input with a fixed shape. */
  public void input(String name, long... dims) {
    names.add(name);
    graph.addInput(valueInfo(name, dims));
  }

  /** Declares a float graph output; {@code name} must be produced by a node. */
  public void output(String name, long... dims) {
    graph.addOutput(valueInfo(name, dims));
  }

  /** The finished model with producer information and a doc string naming its origin. */
  public ModelProto model(String producer, String producerVersion, String doc) {
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName(producer)
        .setProducerVersion(producerVersion)
        .setDocString(doc)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(graph)
        .build();
  }

  /** Writes a model, creating the parent folder. */
  public static void write(ModelProto model, Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      model.writeTo(out);
    }
  }

  public static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder a =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  public static AttributeProto intAttr(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  public static AttributeProto floatAttr(String name, float value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.FLOAT)
        .setF(value)
        .build();
  }

  private static ValueInfoProto valueInfo(String name, long[] dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    TypeProto type =
        TypeProto.newBuilder()
            .setTensorType(
                TypeProto.Tensor.newBuilder()
                    .setElemType(TensorProto.DataType.FLOAT.getNumber())
                    .setShape(shape))
            .build();
    return ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }

  private static void checkSize(String name, long[] dims, int length) {
    long size = 1;
    for (long d : dims) {
      size *= d;
    }
    if (size != length) {
      throw new IllegalArgumentException(
          "tensor " + name + ": " + length + " values for shape " + java.util.Arrays.toString(dims));
    }
  }
}
