package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.expressionmirror.launcher.DistributionRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed with SIGKILL cannot clean up: its natives stay, but in its own scratch folder, and
 * the next start removes that folder and what older versions left in the system temp folder.
 */
class KilledRunIT {
  @TempDir static Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  @Test
  void theNextStartRemovesWhatAKilledRunLeft() throws Exception {
    // a minute of video read at its pace: a run that is still going when it is killed
    Path photo = DistributionRun.PHOTOS.resolve("sample4.jpg");
    Path clip = work.resolve("minute.avi");
    MjpegAvi.minute(photo, clip);
    Path partial = work.resolve("minute.jsonl.partial");
    DistributionRun.Started mirror =
        DistributionRun.start(
            work,
            Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""),
            "--source", clip.toString(), "--realtime", "--out", work.resolve("minute.jsonl").toString());
    long pid = mirror.process().pid();
    Path scratch = DistributionRun.DIST.resolve("work").resolve("run-" + pid);
    try {
      DistributionRun.awaitRecording(mirror, partial, 90);
      // OpenCV loads from the distribution's natives/ folder; ONNX Runtime's Java still makes
      // its own folder in the run's temp folder: something a killed run leaves behind
      assertEquals(List.of("onnxruntime-java"), nativeFolders(scratch), "natives unpacked in " + scratch);
    } finally {
      mirror.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
    }
    assertTrue(mirror.process().waitFor(30, TimeUnit.SECONDS), "SIGKILL did not end the program");
    assertTrue(Files.isDirectory(scratch), "a killed run leaves its scratch folder");

    // what an older version, killed an hour ago, left in the system temp folder
    Path temp = Path.of("/tmp");
    Path oldLog = Files.writeString(temp.resolve("mat-debug-" + pid + ".log"), "");
    Path oldNatives = Files.createDirectories(temp.resolve("onnxruntime-java" + ThreadLocalRandom.current().nextLong(1L << 62)));
    Files.setLastModifiedTime(
        Files.writeString(oldNatives.resolve("libonnxruntime.so"), "x"), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Files.setLastModifiedTime(oldNatives, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    try {
      Result next = DistributionRun.run(work, "--headless", "--source", photo.toString(), "--out", work.resolve("x.jsonl").toString());
      assertEquals(0, next.exit(), next.err());
      assertFalse(Files.exists(scratch), "the next start removes the killed run's scratch folder " + scratch);
      assertFalse(Files.exists(oldLog), "the next start removes " + oldLog);
      assertFalse(Files.exists(oldNatives), "the next start removes " + oldNatives);
    } finally {
      AppDirs.delete(oldNatives);
      Files.deleteIfExists(oldLog);
    }
  }

  /** The kinds of native folders in {@code dir}, e.g. {@code onnxruntime-java} for onnxruntime-java123. */
  private static List<String> nativeFolders(Path dir) throws Exception {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .map(p -> p.getFileName().toString().replaceAll("\\d+$", ""))
          .filter(n -> n.equals("onnxruntime-java") || n.equals("opencv_openpnp"))
          .sorted()
          .toList();
    }
  }
}
