package org.expressionmirror.expression.onnx.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * Remembers which models passed their golden check, so a start does not run the golden vectors of
 * a model it has already proven. The key is the sha256 of the model's description, ONNX file and
 * golden file together with the ONNX Runtime version: a changed byte in any of them, or another
 * runtime, is a new key and so a new check. Only a pass is ever written, after the check; a model
 * that fails is checked (and fails) again on every start. One file per key, written whole and
 * moved into place, holding the key itself, so a cut-short or foreign file is never read as a pass.
 */
final class GoldenCache {
  private static final String HEADER = "golden check passed";

  /** No caching: every load runs the golden vectors (tests, or no cache folder). */
  static final GoldenCache NONE = new GoldenCache(null, "", m -> {});

  private final Path dir;
  private final String runtimeVersion;
  private final Consumer<String> warn;

  /**
   * @param dir folder of the cache files (created when the first pass is written), or null for none
   * @param runtimeVersion ONNX Runtime's version, part of every key
   * @param warn receives one line for a cache file that cannot be read or written
   */
  GoldenCache(Path dir, String runtimeVersion, Consumer<String> warn) {
    this.dir = dir;
    this.runtimeVersion = runtimeVersion;
    this.warn = warn;
  }

  /** The key of these files (in this order) under this runtime, or null when one cannot be read. */
  String key(List<Path> files) {
    if (dir == null) {
      return null;
    }
    try {
      MessageDigest all = digest();
      for (Path file : files) {
        all.update(sha256(file));
      }
      all.update(runtimeVersion.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(all.digest());
    } catch (IOException e) {
      return null; // the load itself reports the unreadable file
    }
  }

  /** Whether a pass is remembered under {@code key}; a damaged cache file is named and ignored. */
  boolean passed(String key) {
    if (key == null) {
      return false;
    }
    Path file = dir.resolve(key);
    if (!Files.exists(file)) {
      return false;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() >= 2 && lines.get(0).equals(HEADER) && lines.get(1).equals("key " + key)) {
        return true;
      }
      warn.accept("golden check cache file " + file + " is damaged; ignoring it and checking the model again");
    } catch (IOException | RuntimeException e) {
      warn.accept("golden check cache file " + file + " cannot be read (" + e.getMessage()
          + "); checking the model again");
    }
    return false;
  }

  /** Remembers a pass under {@code key}; {@code summary} says which model and how close it came. */
  void remember(String key, String summary) {
    if (key == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, key, ".tmp");
      try {
        Files.writeString(temp, HEADER + "\nkey " + key + "\n" + summary + "\n", StandardCharsets.UTF_8);
        Files.move(temp, dir.resolve(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException | RuntimeException e) {
      warn.accept("golden check cache " + dir + " cannot be written (" + e.getMessage()
          + "); the next start checks the model again");
    }
  }

  private static byte[] sha256(Path file) throws IOException {
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
      in.transferTo(OutputStream.nullOutputStream());
      return in.getMessageDigest().digest();
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
