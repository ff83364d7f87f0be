package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remembered golden checks: real generated ONNX models loaded through {@link ModelLoader}
 * with a cache folder, the way the models folder component loads them.
 */
class GoldenCacheTest {
  private final List<String> infos = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<String> timings = new ArrayList<>();
  private float[] input;
  private double[] expected;
  private float[] w;
  private float[] b;

  @TempDir Path models;
  @TempDir Path cacheDir;

  @BeforeEach
  void model() throws Exception {
    w = TestModels.weights(1, 8);
    b = TestModels.bias(8);
    writeModel(w);
    ObjectNode d = Descriptions.ferplus("g");
    d.put("golden", "g.golden.json");
    Descriptions.write(models.resolve("g.json"), d);
    input = new float[64 * 64];
    double mean = 0;
    for (int i = 0; i < input.length; i++) {
      input[i] = i * 37 % 256;
      mean += input[i];
    }
    expected = TestModels.dense(new double[] {mean / input.length}, w, b);
    ModelLoaderTest.writeGolden(models.resolve("g.golden.json"), input, expected, 0);
  }

  private void writeModel(float[] weights) throws Exception {
    TestModels.write(models.resolve("g.onnx"), "Input3", new long[] {1, 1, 64, 64}, true, "Plus692_Output_0",
        weights, b, false, false);
  }

  private ModelLoader loader(String runtimeVersion) {
    return new ModelLoader(OrtEnvironment.getEnvironment(), 1, infos::add,
        new GoldenCache(cacheDir, runtimeVersion, warnings::add), timings::add);
  }

  /** How the last load did its golden check, from its timing line: "checked" or "cached". */
  private String lastGolden() {
    String line = timings.get(timings.size() - 1);
    assertTrue(line.startsWith("model 'g' ready in "), line);
    return line.contains("golden check cached") ? "cached" : line.contains("golden check checked") ? "checked" : line;
  }

  private void load(ModelLoader loader) throws Exception {
    try (OnnxExpressionModel model = loader.load(models.resolve("g.json"))) {
      assertEquals("g", model.info().id());
    }
  }

  private List<Path> cacheFiles() throws Exception {
    try (Stream<Path> files = Files.list(cacheDir)) {
      return files.toList();
    }
  }

  @Test
  void aSecondLoadOfTheSameFilesUsesTheRememberedPass() throws Exception {
    load(loader("1.29.0"));
    assertEquals("checked", lastGolden());
    assertTrue(infos.stream().anyMatch(m -> m.startsWith("golden vectors passed: model 'g'")), infos.toString());
    assertEquals(1, cacheFiles().size());
    String kept = Files.readString(cacheFiles().get(0));
    assertTrue(kept.contains("model 'g' (g.onnx): largest difference from the golden outputs"), kept);

    infos.clear();
    load(loader("1.29.0"));
    assertEquals("cached", lastGolden());
    assertTrue(infos.stream().noneMatch(m -> m.startsWith("golden vectors passed: model")), infos.toString());
    assertTrue(infos.stream().anyMatch(m -> m.startsWith("golden vectors passed before (cached): model 'g'")),
        infos.toString());
    assertEquals(List.of(), warnings);
  }

  @Test
  void anotherRuntimeVersionChecksAgain() throws Exception {
    load(loader("1.29.0"));
    load(loader("1.30.0"));
    assertEquals("checked", lastGolden());
    assertEquals(2, cacheFiles().size());
  }

  @Test
  void aChangedModelFileIsCheckedAgainAndABadOneIsRejectedDespiteTheEarlierPass() throws Exception {
    load(loader("1.29.0"));
    float[] other = w.clone();
    other[7] += 0.5f; // contempt's weight: its output is now far from the golden value
    writeModel(other);
    ModelException e = assertThrows(ModelException.class, () -> load(loader("1.29.0")));
    assertTrue(e.getMessage().startsWith("rejected model 'g' (g.onnx)"), e.getMessage());
    assertEquals(1, cacheFiles().size(), "only the first, good model's pass is remembered");

    writeModel(w); // the good bytes again: their pass is still remembered
    load(loader("1.29.0"));
    assertEquals("cached", lastGolden());
  }

  @Test
  void aChangedGoldenFileIsCheckedAgain() throws Exception {
    load(loader("1.29.0"));
    ModelLoaderTest.writeGolden(models.resolve("g.golden.json"), input, expected, 0.01);
    ModelException e = assertThrows(ModelException.class, () -> load(loader("1.29.0")));
    assertTrue(e.getMessage().startsWith("rejected model 'g' (g.onnx)"), e.getMessage());
  }

  @Test
  void aModelThatFailsItsGoldenCheckIsNeverRemembered() throws Exception {
    ModelLoaderTest.writeGolden(models.resolve("g.golden.json"), input, expected, 0.01);
    for (int i = 0; i < 2; i++) {
      ModelException e = assertThrows(ModelException.class, () -> load(loader("1.29.0")));
      assertTrue(e.getMessage().startsWith("rejected model 'g' (g.onnx)"), e.getMessage());
    }
    assertFalse(Files.exists(cacheDir) && !cacheFiles().isEmpty(), "a failed check left a cache file");
  }

  @Test
  void aDamagedCacheFileIsNamedIgnoredAndReplaced() throws Exception {
    load(loader("1.29.0"));
    Path file = cacheFiles().get(0);
    Files.writeString(file, "golden check passed\nkey 0000\n");
    load(loader("1.29.0"));
    assertEquals("checked", lastGolden());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("golden check cache file " + file + " is damaged"), warnings.get(0));

    load(loader("1.29.0"));
    assertEquals("cached", lastGolden(), "the check rewrote the file");
    assertEquals(1, warnings.size(), warnings.toString());
  }

  @Test
  void anEmptyCacheFileIsNotAPass() throws Exception {
    load(loader("1.29.0"));
    Files.write(cacheFiles().get(0), new byte[0]);
    load(loader("1.29.0"));
    assertEquals("checked", lastGolden());
    assertEquals(1, warnings.size(), warnings.toString());
  }

  @Test
  void aCacheFolderThatCannotBeWrittenOnlyCostsTheCheck() throws Exception {
    Path blocked = cacheDir.resolve("blocked");
    Files.writeString(blocked, "a file where the folder should be");
    ModelLoader loader = new ModelLoader(OrtEnvironment.getEnvironment(), 1, infos::add,
        new GoldenCache(blocked, "1.29.0", warnings::add), timings::add);
    load(loader);
    load(loader);
    assertEquals("checked", lastGolden());
    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("golden check cache " + blocked + " cannot be written"), warnings.get(0));
  }
}
