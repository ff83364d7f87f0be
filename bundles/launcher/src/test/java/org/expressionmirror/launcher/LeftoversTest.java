package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What killed older versions left in the system temp folder goes at the next start, and nothing
 * that may still be in use or belongs to another program does.
 */
class LeftoversTest {
  private static final FileTime TWO_HOURS_AGO = FileTime.from(Instant.now().minus(Duration.ofHours(2)));

  @TempDir Path temp;

  @Test
  void removesOnlyWhatIsClearlyALeftoverOfADeadRun() throws Exception {
    long dead = deadPid();
    long alive = ProcessHandle.current().pid();
    Path deadLog = Files.writeString(temp.resolve("mat-debug-" + dead + ".log"), "x");
    Path liveLog = Files.writeString(temp.resolve("mat-debug-" + alive + ".log"), "x");
    Path oldOnnx = natives("onnxruntime-java8802870193386431938", "libonnxruntime.so", TWO_HOURS_AGO);
    Path oldOpenCv = natives("opencv_openpnp957059046898076166", "libopencv_java490.so", TWO_HOURS_AGO);
    Path youngOnnx = natives("onnxruntime-java111", "libonnxruntime.so", FileTime.from(Instant.now()));
    Path inUse = natives("opencv_openpnp222", "libopencv_java490.so", TWO_HOURS_AGO);
    Path oldCascade = old(Files.writeString(temp.resolve("haarcascade_frontalface_default123.xml"), "<x/>"));
    Path youngCascade = Files.writeString(temp.resolve("haarcascade_frontalface_default456.xml"), "<x/>");
    Path otherProgram = old(Files.writeString(temp.resolve("onnxruntime-java-notes.txt"), "x"));
    Path otherLog = old(Files.writeString(temp.resolve("mat-debug-report.log"), "x"));

    try (FileChannel channel = FileChannel.open(inUse.resolve("libopencv_java490.so"), StandardOpenOption.READ)) {
      // mapped like a loaded library: a running process still uses this folder
      MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, 1);
      Files.setLastModifiedTime(inUse, TWO_HOURS_AGO);
      Leftovers.removeFrom(temp);
      assertEquals('x', (char) mapped.get(0));
    }

    for (Path gone : new Path[] {deadLog, oldOnnx, oldOpenCv, oldCascade}) {
      assertFalse(Files.exists(gone), gone + " should be removed");
    }
    for (Path kept : new Path[] {liveLog, youngOnnx, inUse, youngCascade, otherProgram, otherLog}) {
      assertTrue(Files.exists(kept), kept + " should stay");
    }
  }

  @Test
  void aTempFolderThatCannotBeListedIsLeftAlone() {
    Leftovers.removeFrom(temp.resolve("missing"));
    assertFalse(Files.exists(temp.resolve("missing")));
  }

  private Path natives(String folder, String library, FileTime time) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(folder));
    Path lib = Files.writeString(dir.resolve(library), "x");
    Files.setLastModifiedTime(lib, time);
    Files.setLastModifiedTime(dir, time);
    return dir;
  }

  private static Path old(Path p) throws IOException {
    return Files.setLastModifiedTime(p, TWO_HOURS_AGO);
  }

  /** The id of a process that has ended. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    long pid = p.pid();
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      assertTrue(all.noneMatch(h -> h.pid() == pid), "pid " + pid + " was reused already");
    }
    return pid;
  }
}
