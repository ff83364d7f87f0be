package org.expressionmirror.models.converter.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.expressionmirror.models.onnx.OnnxGraph;
import org.expressionmirror.models.supply.PinMismatchException;
import org.expressionmirror.models.supply.PinnedFiles;

/**
 * Build entry point: converts the TFJS graph model a model description names into
 * {@code <out dir>/<description.file>}. The description is the contract: its source sha256 values
 * must match the package files, and its input and output names and input shape must be those of the
 * converted graph, so a description never ships beside a model it does not describe.
 *
 * <p>Arguments: {@code <package dir> <model json, relative to it> <description json> <out dir>}.
 */
public final class ConvertTfjsGraph {
  private ConvertTfjsGraph() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: ConvertTfjsGraph <package dir> <model json> <description json> <out dir>");
    }
    Path packageDir = Path.of(args[0]);
    Path description = Path.of(args[2]);
    JsonNode desc = new ObjectMapper().readTree(description.toFile());
    checkSources(desc, packageDir, description);

    TfjsGraphModel model = TfjsGraphModel.read(packageDir.resolve(args[1]));
    String origin = desc.at("/source/package").asText() + "@" + desc.at("/source/version").asText()
        + " " + args[1];
    TfjsGraphConverter.Result result =
        new TfjsGraphConverter(1).convert(model, desc.path("version").asText(), origin);
    checkInterface(desc, description, result);

    Path out = Path.of(args[3]).resolve(text(desc, "/file", description));
    OnnxGraph.write(result.model(), out);
    System.out.println("[models] " + origin + " -> " + out + " (" + result.model().getGraph()
        .getNodeCount() + " nodes)");
  }

  private static void checkSources(JsonNode desc, Path packageDir, Path description)
      throws IOException {
    JsonNode files = desc.at("/source/files");
    if (!files.isObject() || files.isEmpty()) {
      throw new IOException(description + ": source.files is missing");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      Path file = packageDir.resolve(f.getKey());
      String actual = PinnedFiles.sha256(file);
      if (!actual.equals(f.getValue().asText())) {
        throw new PinMismatchException("sha256 mismatch for " + file + ": " + description
            + " expects " + f.getValue().asText() + ", got " + actual);
      }
    }
  }

  private static void checkInterface(
      JsonNode desc, Path description, TfjsGraphConverter.Result result) throws IOException {
    String input = text(desc, "/input/name", description);
    long[] shape = result.inputs().get(input);
    if (shape == null) {
      throw new IOException(description + ": input.name '" + input + "' is not an input of the"
          + " converted model; inputs: " + result.inputs().keySet());
    }
    long[] declared = new ObjectMapper().convertValue(desc.at("/input/shape"), long[].class);
    if (!Arrays.equals(shape, declared)) {
      throw new IOException(description + ": input.shape " + Arrays.toString(declared)
          + " but the converted model takes " + Arrays.toString(shape));
    }
    String output = text(desc, "/output/name", description);
    long[] outShape = result.outputs().get(output);
    if (outShape == null) {
      throw new IOException(description + ": output.name '" + output + "' is not an output of the"
          + " converted model; outputs: " + result.outputs().keySet());
    }
    int labels = desc.at("/output/labels").size();
    if (outShape[outShape.length - 1] != labels) {
      throw new IOException(description + ": " + labels + " output.labels but the model outputs "
          + Arrays.toString(outShape));
    }
  }

  private static String text(JsonNode desc, String pointer, Path description) throws IOException {
    JsonNode v = desc.at(pointer);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new IOException(description + ": " + pointer.substring(1).replace('/', '.')
          + " is missing");
    }
    return v.asText();
  }
}
