package org.expressionmirror.training.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.expressionmirror.api.Box;

/**
 * Backbone features computed before, so a second training on the same images (another name,
 * other folds) skips the slow part. One file per backbone (its ONNX sha256) and face finding (the
 * detector and its settings), in the user's cache folder, never in the dataset; records are
 * keyed by the image's content sha256, so renamed or moved images still hit and a changed image
 * misses. Records are appended; a record cut short by a killed run is ignored.
 */
final class FeatureCache implements AutoCloseable {
  /** The face box and features of one image; a null box means no face was found. */
  record Entry(Box box, float[] features) {}

  private final Path file;
  private final Map<String, Entry> entries = new HashMap<>();
  private DataOutputStream out;

  private FeatureCache(Path file) {
    this.file = file;
  }

  /**
   * @param dir the cache folder (created)
   * @param backboneSha256 the backbone ONNX file's sha256
   * @param faces the detector id, version and settings, or {@code none}
   */
  static FeatureCache open(Path dir, String backboneSha256, String faces) throws IOException {
    Files.createDirectories(dir);
    String key = backboneSha256.substring(0, 16) + "-" + Hashes.sha256(faces.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    FeatureCache cache = new FeatureCache(dir.resolve("features-" + key + ".bin"));
    cache.load();
    return cache;
  }

  Path file() {
    return file;
  }

  int size() {
    return entries.size();
  }

  Entry get(String imageSha256) {
    return entries.get(imageSha256);
  }

  void put(String imageSha256, Entry entry) throws IOException {
    entries.put(imageSha256, entry);
    if (out == null) {
      out = new DataOutputStream(new BufferedOutputStream(append()));
    }
    out.writeUTF(imageSha256);
    Box b = entry.box();
    out.writeInt(b == null ? -1 : b.x());
    out.writeInt(b == null ? -1 : b.y());
    out.writeInt(b == null ? 0 : b.width());
    out.writeInt(b == null ? 0 : b.height());
    float[] f = entry.features() == null ? new float[0] : entry.features();
    out.writeInt(f.length);
    for (float v : f) {
      out.writeFloat(v);
    }
  }

  private OutputStream append() throws IOException {
    return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private void load() throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
      while (true) {
        String sha = in.readUTF();
        int x = in.readInt();
        int y = in.readInt();
        int w = in.readInt();
        int h = in.readInt();
        int n = in.readInt();
        if (n < 0 || n > 1 << 16) {
          break;
        }
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
          f[i] = in.readFloat();
        }
        entries.put(sha, new Entry(w > 0 ? new Box(x, y, w, h) : null, n == 0 ? null : f));
      }
    } catch (EOFException e) {
      // the end, or a record cut short by a killed run: what was whole is kept
    }
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
