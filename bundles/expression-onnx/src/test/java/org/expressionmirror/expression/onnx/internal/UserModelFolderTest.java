package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped models folder and the user's, read together as the component does (one id
 * registry, shipped first): the user's models are added, one taking a shipped id is refused
 * naming the shipped description.
 */
class UserModelFolderTest {
  @TempDir Path shippedDir;
  @TempDir Path userDir;

  private final PublishedModels registry = new PublishedModels();
  private final List<String> errors = new ArrayList<>();
  private final List<String> infos = new ArrayList<>();
  private final ModelIds ids = new ModelIds();
  private final List<ModelFolder> folders = new ArrayList<>();

  @BeforeAll
  static void opencv() {
    nu.pattern.OpenCV.loadLocally();
  }

  @AfterEach
  void close() {
    folders.forEach(ModelFolder::close);
  }

  private ModelFolder folder(Path dir) {
    ModelLoader loader = new ModelLoader(OrtEnvironment.getEnvironment(), 1, infos::add);
    ModelFolder f = new ModelFolder(dir, loader, registry, ids, infos::add, errors::add);
    folders.add(f);
    return f;
  }

  private Set<String> publishedIds() {
    return registry.published.values().stream().map(m -> m.info().id()).collect(Collectors.toSet());
  }

  @Test
  void aUserModelIsAddedBesideTheShippedOnesAndOneWithAShippedIdIsRefused() throws Exception {
    writeFerplus(shippedDir, "shipped");
    writeFerplus(userDir, "mine");
    // the user's own description claiming the shipped model's id
    writeFerplus(userDir, "shipped-copy");
    ObjectNode claim = Descriptions.ferplus("shipped");
    claim.put("file", "shipped-copy.onnx");
    Descriptions.write(userDir.resolve("shipped-copy.json"), claim);
    ModelFolder shipped = folder(shippedDir);
    ModelFolder user = folder(userDir);
    shipped.scan();
    user.scan();

    assertEquals(Set.of("shipped", "mine"), publishedIds());
    assertEquals(1, errors.size(), errors.toString());
    String line = errors.get(0);
    assertTrue(line.contains(userDir.resolve("shipped-copy.json").toString()), line);
    assertTrue(line.contains("model id 'shipped' is already used by " + shippedDir.resolve("shipped.json")), line);

    // the user removes the clashing description: nothing else changes, no new complaint
    Files.delete(userDir.resolve("shipped-copy.json"));
    shipped.scan();
    user.scan();
    assertEquals(Set.of("shipped", "mine"), publishedIds());
    assertEquals(1, errors.size(), errors.toString());
  }

  @Test
  void aShippedDescriptionWaitingForItsFileLeavesItsIdToTheUsersCopy() throws Exception {
    // as with the shipped HSEmotion descriptions: the .onnx is the user's to bring
    writeFerplus(shippedDir, "bring-your-own");
    Files.delete(shippedDir.resolve("bring-your-own.onnx"));
    writeFerplus(userDir, "bring-your-own");
    ModelFolder shipped = folder(shippedDir);
    ModelFolder user = folder(userDir);
    shipped.scan();
    user.scan();

    assertEquals(Set.of("bring-your-own"), publishedIds());
    assertTrue(errors.isEmpty(), errors.toString());
  }

  private static void writeFerplus(Path where, String id) throws Exception {
    TestModels.write(where.resolve(id + ".onnx"), "Input3", new long[] {1, 1, 64, 64}, true, "Plus692_Output_0",
        TestModels.weights(1, 8), TestModels.bias(8), false, false);
    Descriptions.write(where.resolve(id + ".json"), Descriptions.ferplus(id));
  }
}
