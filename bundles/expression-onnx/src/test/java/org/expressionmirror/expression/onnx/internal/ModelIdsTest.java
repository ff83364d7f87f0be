package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Model ids across sources, and the hand-over when the models folder is replaced. */
class ModelIdsTest {
  private final Path oldDir = Path.of("/models/old");
  private final Path newDir = Path.of("/models/new");
  private final Path bundleDir = Path.of("/data/bundle-7");
  // The folders that load the descriptions; ids are owned by a description of one folder.
  private final Object oldFolder = new Object();
  private final Object newFolder = new Object();
  private final Object bundle = new Object();

  @Test
  void anIdTakenElsewhereIsRefusedNamingItsOwner() {
    ModelIds ids = new ModelIds();
    assertNull(ids.claim("a", oldDir.resolve("a.json"), oldFolder));
    assertNull(ids.claim("a", oldDir.resolve("a.json"), oldFolder), "the owner claims again");
    assertEquals(oldDir.resolve("a.json"), ids.claim("a", newDir.resolve("a.json"), newFolder));
  }

  @Test
  void theReplacingFolderTakesOverTheOldFoldersIdsAndOnlyIt() {
    ModelIds ids = new ModelIds();
    ids.claim("a", oldDir.resolve("a.json"), oldFolder);
    ids.handOver(oldDir, newDir);
    assertEquals(oldDir.resolve("a.json"), ids.claim("a", bundleDir.resolve("a.json"), bundle), "a bundle may not take it over");
    assertNull(ids.claim("a", newDir.resolve("a.json"), newFolder));
    ids.handOver(null, null);
    // the old folder closing releases its claim only: the new owner keeps the id
    ids.release("a", oldDir.resolve("a.json"), oldFolder);
    assertFalse(ids.isFree("a"));
    assertEquals(newDir.resolve("a.json"), ids.claim("a", oldDir.resolve("a.json"), oldFolder), "no hand-over back after it ended");
  }

  /**
   * Only intraOpThreads changed: the folder is reloaded in place, the old and the new folder hold
   * the same description paths, and the old one closing must leave the new one's ids claimed.
   */
  @Test
  void aFolderReloadedInPlaceKeepsItsIdsWhenTheOldInstanceCloses() {
    ModelIds ids = new ModelIds();
    Path a = oldDir.resolve("a.json");
    assertNull(ids.claim("a", a, oldFolder));
    ids.handOver(oldDir, oldDir);
    assertNull(ids.claim("a", a, newFolder));
    ids.handOver(null, null);
    ids.release("a", a, oldFolder);
    assertFalse(ids.isFree("a"), "the reloaded folder still owns the id");
    assertEquals(a, ids.claim("a", bundleDir.resolve("a.json"), bundle), "a bundle may not take it");
    ids.release("a", a, newFolder);
    assertTrue(ids.isFree("a"));
  }
}
