package org.expressionmirror.expression.onnx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.expressionmirror.expression.onnx.OnnxModels;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * Extender for model bundles: a bundle with the {@link OnnxModels#MODELS_HEADER} header carries
 * model descriptions with their ONNX (and golden) files in the folder the header names. While the
 * bundle is active its models are proven and registered exactly like the models folder's (same
 * loader, same checks, ids shared with the folder); when it stops, is updated or uninstalled they
 * are unregistered and closed. Use it with a {@code BundleTracker} on {@code Bundle.ACTIVE}.
 */
final class ModelBundles implements BundleTrackerCustomizer<ModelFolder> {
  private final Path work;
  private final ModelLoader loader;
  private final ModelFolder.Registry registry;
  private final ModelIds ids;
  private final Consumer<String> info;
  private final Consumer<String> error;

  /**
   * @param work private folder the bundles' model files are copied to (ONNX Runtime reads files);
   *     emptied now, since what it holds belongs to an earlier run
   */
  ModelBundles(
      Path work,
      ModelLoader loader,
      ModelFolder.Registry registry,
      ModelIds ids,
      Consumer<String> info,
      Consumer<String> error) {
    this.work = work;
    this.loader = loader;
    this.registry = registry;
    this.ids = ids;
    this.info = info;
    this.error = error;
    delete(work);
  }

  @Override
  public ModelFolder addingBundle(Bundle bundle, BundleEvent event) {
    String header = bundle.getHeaders("").get(OnnxModels.MODELS_HEADER);
    if (header == null) {
      return null; // not a model bundle: not tracked
    }
    String name = name(bundle);
    Path target = work.resolve(bundle.getBundleId() + "-" + bundle.getLastModified());
    try {
      String folder = folder(header);
      List<String> files = copy(bundle, folder, target);
      if (files.stream().noneMatch(f -> f.endsWith(".json") && !f.endsWith(".golden.json"))) {
        throw new IOException(OnnxModels.MODELS_HEADER + " = " + header + " names no folder with model descriptions (*.json)");
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      error.accept("model bundle " + name + ": " + e.getMessage());
      delete(target);
      return null;
    }
    ModelFolder models = new ModelFolder(
        target, loader, registry.withBundle(name), ids, m -> info.accept("model bundle " + name + ": " + m),
        m -> error.accept("model bundle " + name + ": " + m));
    models.scan();
    return models;
  }

  @Override
  public void modifiedBundle(Bundle bundle, BundleEvent event, ModelFolder models) {
    // Tracked in the ACTIVE state only: an update stops (removed) and restarts (added) the bundle.
  }

  @Override
  public void removedBundle(Bundle bundle, BundleEvent event, ModelFolder models) {
    models.close();
    delete(models.dir());
  }

  static String name(Bundle bundle) {
    return bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + bundle.getLocation() + ")";
  }

  /** The header's folder inside the bundle, as an entry path prefix ("models/"), checked. */
  static String folder(String header) {
    String f = header.trim();
    while (f.startsWith("/")) {
      f = f.substring(1);
    }
    while (f.endsWith("/")) {
      f = f.substring(0, f.length() - 1);
    }
    if (f.isEmpty() || f.contains("..") || f.contains("\\") || f.contains(",")) {
      throw new IllegalArgumentException(
          OnnxModels.MODELS_HEADER + " = " + header + " must name one folder inside the bundle, e.g. models");
    }
    return f + "/";
  }

  /** Copies the files directly in {@code folder} of the bundle to {@code target}; returns their names. */
  private static List<String> copy(Bundle bundle, String folder, Path target) throws IOException {
    Enumeration<String> paths = bundle.getEntryPaths(folder);
    List<String> names = new ArrayList<>();
    if (paths == null) {
      return names;
    }
    Files.createDirectories(target);
    while (paths.hasMoreElements()) {
      String path = paths.nextElement();
      if (path.endsWith("/")) {
        continue; // sub-folders are not part of the model layout
      }
      String name = path.substring(path.lastIndexOf('/') + 1);
      URL url = bundle.getEntry(path);
      try (InputStream in = url.openStream()) {
        Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
      names.add(name);
    }
    return names;
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
