package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Model ids across sources, and the hand-over when the models folder is replaced. */
class ModelIdsTest {
  private final Path oldDir = Path.of("/models/old");
  private final Path newDir = Path.of("/models/new");
  private final Path bundleDir = Path.of("/data/bundle-7");

  @Test
  void anIdTakenElsewhereIsRefusedNamingItsOwner() {
    ModelIds ids = new ModelIds();
    assertNull(ids.claim("a", oldDir.resolve("a.json")));
    assertNull(ids.claim("a", oldDir.resolve("a.json")), "the owner claims again");
    assertEquals(oldDir.resolve("a.json"), ids.claim("a", newDir.resolve("a.json")));
  }

  @Test
  void theReplacingFolderTakesOverTheOldFoldersIdsAndOnlyIt() {
    ModelIds ids = new ModelIds();
    ids.claim("a", oldDir.resolve("a.json"));
    ids.handOver(oldDir, newDir);
    assertEquals(oldDir.resolve("a.json"), ids.claim("a", bundleDir.resolve("a.json")), "a bundle may not take it over");
    assertNull(ids.claim("a", newDir.resolve("a.json")));
    ids.handOver(null, null);
    // the old folder closing releases its claim only: the new owner keeps the id
    ids.release("a", oldDir.resolve("a.json"));
    assertFalse(ids.isFree("a"));
    assertEquals(newDir.resolve("a.json"), ids.claim("a", oldDir.resolve("a.json")), "no hand-over back after it ended");
  }
}
