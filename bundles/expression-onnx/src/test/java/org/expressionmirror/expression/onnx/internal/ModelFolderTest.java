package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bring-your-own ONNX: models appear and disappear with their files, bad ones are reported. */
class ModelFolderTest {
  @TempDir Path dir;
  @TempDir Path staging;

  private final PublishedModels registry = new PublishedModels();
  private final Map<Integer, OnnxExpressionModel> published = registry.published;
  private final List<String> errors = new ArrayList<>();
  private final List<String> infos = new ArrayList<>();
  private ModelFolder folder;

  @BeforeAll
  static void opencv() {
    nu.pattern.OpenCV.loadLocally();
  }

  private ModelFolder folder() {
    ModelLoader loader = new ModelLoader(OrtEnvironment.getEnvironment(), 1, infos::add);
    folder = new ModelFolder(dir, loader, registry, infos::add, errors::add);
    return folder;
  }

  @AfterEach
  void close() {
    if (folder != null) {
      folder.close();
    }
  }

  @Test
  void aDroppedInModelIsRegisteredAndARemovedOneUnregisteredAndClosed() throws Exception {
    ModelFolder f = folder();
    f.scan();
    assertTrue(published.isEmpty());

    // The ONNX file first, then its description, as a user would copy them.
    writeFerplus(staging, "mine");
    Files.move(staging.resolve("mine.onnx"), dir.resolve("mine.onnx"));
    f.scan();
    assertTrue(published.isEmpty(), "an ONNX file without description is not a model");
    Files.move(staging.resolve("mine.json"), dir.resolve("mine.json"));
    f.scan();
    assertEquals(Map.of("mine.json", "mine"), f.registered());
    OnnxExpressionModel model = published.values().iterator().next();
    Frame frame = new Frame(0, 0, 80, 80, new byte[80 * 80 * 3]);
    assertEquals(8, model.classify(frame, new Box(10, 10, 50, 50)).labels().size());

    Files.delete(dir.resolve("mine.json"));
    Files.delete(dir.resolve("mine.onnx"));
    f.scan();
    assertTrue(published.isEmpty());
    assertTrue(f.registered().isEmpty());
    // A pipeline still holding the old service gets a message, not a native crash.
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.classify(frame, new Box(10, 10, 50, 50)));
    assertEquals("model 'mine' has been removed", e.getMessage());
    assertTrue(errors.isEmpty(), errors.toString());
  }

  @Test
  void aBrokenChangeIsReportedOnceAndThePreviousModelStaysRegistered() throws Exception {
    writeFerplus(dir, "m");
    ModelFolder f = folder();
    f.scan();
    OnnxExpressionModel first = published.values().iterator().next();

    ObjectNode broken = Descriptions.ferplus("m");
    ((ObjectNode) broken.get("input")).putArray("shape").add(1).add(1).add(48).add(48);
    Descriptions.write(dir.resolve("m.json"), broken);
    touch(dir.resolve("m.json"));
    f.scan();
    f.scan();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("m.onnx: input 'Input3' has shape [1, 1, 64, 64] but the description says [1, 1, 48, 48]"),
        errors.get(0));
    assertEquals(List.of(first), List.copyOf(published.values()));

    // Fixed again: the new version replaces the old one, which is closed.
    writeFerplus(dir, "m");
    touch(dir.resolve("m.json"));
    f.scan();
    assertEquals(1, published.size());
    assertTrue(published.values().iterator().next() != first);
    assertThrows(IllegalStateException.class, () -> first.classify(new Frame(0, 0, 8, 8, new byte[192]), new Box(0, 0, 8, 8)));
  }

  @Test
  void aSecondModelWithTheSameIdIsRejectedNamingTheFirst() throws Exception {
    writeFerplus(dir, "a");
    TestModels.write(dir.resolve("b.onnx"), "Input3", new long[] {1, 1, 64, 64}, true, "Plus692_Output_0",
        TestModels.weights(1, 8), TestModels.bias(8), false, false);
    ObjectNode b = Descriptions.ferplus("a");
    b.put("file", "b.onnx");
    Descriptions.write(dir.resolve("b.json"), b);
    ModelFolder f = folder();
    f.scan();
    assertEquals(Map.of("a.json", "a"), f.registered());
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).endsWith("b.json: model id 'a' is already used by a.json"), errors.get(0));
  }

  @Test
  void closingTheFolderUnregistersEverything() throws Exception {
    writeFerplus(dir, "x");
    writeFerplus(dir, "y");
    ModelFolder f = folder();
    f.scan();
    assertEquals(2, published.size());
    f.close();
    assertTrue(published.isEmpty());
  }

  private static void writeFerplus(Path where, String id) throws Exception {
    TestModels.write(where.resolve(id + ".onnx"), "Input3", new long[] {1, 1, 64, 64}, true, "Plus692_Output_0",
        TestModels.weights(1, 8), TestModels.bias(8), false, false);
    Descriptions.write(where.resolve(id + ".json"), Descriptions.ferplus(id));
  }

  /** File times can be coarse: make sure a rewrite is seen as a change. */
  private static void touch(Path file) throws Exception {
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
  }
}
