package org.expressionmirror.record.jsonl.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A small tmpfs mounted for a test: a real file system that fills up. Needs root. */
record SmallDisk(Path dir) implements AutoCloseable {
  static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    return new SmallDisk(dir);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("umount", dir.toString());
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(
          String.join(" ", command) + " failed (a full disk is simulated with a tmpfs, which needs root): "
              + new String(p.getInputStream().readAllBytes()));
    }
  }
}
