package org.expressionmirror.models.supply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sha256 pins of the files the build takes from registry packages, in the format of {@code
 * sha256sum} ({@code <64 hex>  <relative path>}, {@code #} starts a comment), so the same file can
 * be checked by hand with {@code sha256sum -c}.
 */
public final class PinnedFiles {
  private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

  private final Path source;
  private final Map<String, String> pins;

  private PinnedFiles(Path source, Map<String, String> pins) {
    this.source = source;
    this.pins = Map.copyOf(pins);
  }

  /** Reads a pin file; a malformed line is rejected with its file and line number. */
  public static PinnedFiles read(Path pinFile) throws IOException {
    Map<String, String> pins = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(pinFile);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IOException(
            pinFile + ":" + (i + 1) + ": not a '<sha256>  <path>' line: " + line);
      }
      pins.put(m.group(2), m.group(1).toLowerCase());
    }
    if (pins.isEmpty()) {
      throw new IOException(pinFile + ": no pinned files");
    }
    return new PinnedFiles(pinFile, pins);
  }

  /** Pinned relative paths with their sha256 (lower-case hex). */
  public Map<String, String> pins() {
    return pins;
  }

  /**
   * Checks every pinned file under {@code baseDir}. Fails on the first missing or changed file,
   * naming it, so a tampered or swapped package never reaches the artifact.
   */
  public void verify(Path baseDir) throws IOException {
    for (Map.Entry<String, String> pin : new TreeMap<>(pins).entrySet()) {
      Path file = baseDir.resolve(pin.getKey());
      String actual;
      try {
        actual = sha256(file);
      } catch (NoSuchFileException e) {
        throw new PinMismatchException(
            "pinned file missing: " + file + " (pinned in " + source + ")");
      }
      if (!actual.equals(pin.getValue())) {
        throw new PinMismatchException(
            "sha256 mismatch for "
                + file
                + ": expected "
                + pin.getValue()
                + ", got "
                + actual
                + " (pinned in "
                + source
                + ")");
      }
    }
  }

  /** sha256 of a file as lower-case hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Build entry point: {@code PinnedFiles <pin file> <base dir>}; throws (failing the build) with
   * the name of the first file that does not match.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: PinnedFiles <pin file> <base dir>");
    }
    PinnedFiles pins = read(Path.of(args[0]));
    pins.verify(Path.of(args[1]));
    System.out.println("[models] sha256 verified: " + pins.pins().size() + " files");
  }
}
