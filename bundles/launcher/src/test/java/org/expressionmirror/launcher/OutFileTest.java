package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code --out} may name, and the lock beside the record. */
class OutFileTest {
  @TempDir Path dir;

  @Test
  void aNewNameOrARegularFileIsARecordAndALinkIsFollowed() throws IOException {
    assertEquals(dir.toRealPath().resolve("new.jsonl"), OutFile.check(dir.resolve("new.jsonl")));
    Path old = Files.writeString(dir.resolve("old.jsonl"), "{}\n");
    assertEquals(old.toRealPath(), OutFile.check(old));
    Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), old);
    assertEquals(old.toRealPath(), OutFile.check(link), "the record replaces the file, not the link");
  }

  @Test
  void aDeviceOrALinkToOneIsRefusedNamingWhatItIs() throws IOException {
    assertEquals(
        "--out /dev/full is a character device, not a regular file",
        assertThrows(IOException.class, () -> OutFile.check(Path.of("/dev/full"))).getMessage());
    Path link = Files.createSymbolicLink(dir.resolve("null.jsonl"), Path.of("/dev/null"));
    assertEquals(
        "--out " + link + ": /dev/null is a character device, not a regular file",
        assertThrows(IOException.class, () -> OutFile.check(link)).getMessage());
  }

  @Test
  void aPartialRecordOrLockThatIsNotAFileIsRefused() throws IOException {
    Path out = dir.resolve("x.jsonl");
    Path partial = Files.createDirectories(dir.resolve("x.jsonl.partial"));
    assertEquals(
        "--out " + out + ": " + partial.toRealPath() + " is a folder, not a regular file",
        assertThrows(IOException.class, () -> OutFile.check(out)).getMessage());
    Files.delete(partial);
    Path lock = Files.createSymbolicLink(dir.resolve("x.jsonl.lock"), Path.of("/dev/null"));
    assertEquals(
        "--out " + out + ": " + lock.toRealPath(java.nio.file.LinkOption.NOFOLLOW_LINKS) + " is a symbolic link, not a regular file",
        assertThrows(IOException.class, () -> OutFile.check(out)).getMessage());
  }

  @Test
  void aLockNameIsNotARecord() {
    Path out = dir.resolve("x.jsonl.lock");
    assertTrue(
        assertThrows(IOException.class, () -> OutFile.check(out)).getMessage().contains("names ending in .lock"));
  }

  @Test
  void aRecordAndItsPartialShareOneLock() {
    assertEquals(dir.resolve("x.jsonl.lock"), RecordLock.fileOf(dir.resolve("x.jsonl")));
    assertEquals(dir.resolve("x.jsonl.lock"), RecordLock.fileOf(dir.resolve("x.jsonl.partial")));
    assertEquals(dir.resolve("x.jsonl.lock"), RecordLock.fileOf(dir.resolve("x.jsonl.partial.partial")));
  }

  @Test
  void theLockHoldsThisProcessIdAndIsRemovedWhenReleasedAndAStaleOneIsTakenOver() throws IOException {
    Path out = dir.resolve("x.jsonl");
    Path file = RecordLock.fileOf(out);
    Files.writeString(file, "999999999\n"); // left by a killed program: a file, but no lock
    RecordLock lock = RecordLock.take(out);
    assertTrue(Files.isRegularFile(file));
    lock.close();
    assertFalse(Files.exists(file), "the lock file is removed at the end");
    lock.close();
  }
}
