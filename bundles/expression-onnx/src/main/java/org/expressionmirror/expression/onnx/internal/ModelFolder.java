package org.expressionmirror.expression.onnx.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The models folder: each {@code *.json} description (but {@code *.golden.json}) beside its ONNX
 * file is one model. {@link #scan()} brings the registered models in line with the folder: a new or
 * changed model is loaded, proven and registered; a removed one is unregistered and closed. A model
 * that fails is reported once (until its files change) and whatever was registered for that
 * description stays registered while its files are still there.
 */
final class ModelFolder implements AutoCloseable {
  /** Publishes models; the component backs it with service registrations. */
  interface Registry {
    /** Makes the model available and returns what {@link #unregister} needs. */
    Object register(OnnxExpressionModel model, Path description);

    void unregister(Object registration);

    /** This registry, marking what it registers as coming from a model bundle (default: unmarked). */
    default Registry withBundle(String bundle) {
      return this;
    }
  }

  /** A file's identity for change detection: missing, or its size and modification time. */
  private record Stamp(boolean exists, long size, long modified) {
    static Stamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(true, a.size(), a.lastModifiedTime().toMillis());
      } catch (IOException e) {
        return new Stamp(false, 0, 0);
      }
    }
  }

  /** What is known about one description: its files' stamps and the model registered for it. */
  private static final class Entry {
    final Path description;
    Map<Path, Stamp> stamps = Map.of();
    OnnxExpressionModel model;
    Object registration;
    // The id this description could not have because another description owned it.
    String clashedId;

    Entry(Path description) {
      this.description = description;
    }
  }

  private final Path dir;
  private final ModelLoader loader;
  private final Registry registry;
  private final ModelIds ids;
  private final Consumer<String> info;
  private final Consumer<String> error;
  private final Map<Path, Entry> entries = new HashMap<>();
  private boolean closed;

  ModelFolder(Path dir, ModelLoader loader, Registry registry, Consumer<String> info, Consumer<String> error) {
    this(dir, loader, registry, new ModelIds(), info, error);
  }

  /** A folder whose model ids must not clash with those of the other folders sharing {@code ids}. */
  ModelFolder(
      Path dir, ModelLoader loader, Registry registry, ModelIds ids, Consumer<String> info, Consumer<String> error) {
    this.ids = ids;
    this.dir = dir;
    this.loader = loader;
    this.registry = registry;
    this.info = info;
    this.error = error;
  }

  Path dir() {
    return dir;
  }

  /** Ids of the models registered now, by description file name (for tests and the shell). */
  synchronized Map<String, String> registered() {
    Map<String, String> ids = new TreeMap<>();
    entries.forEach((path, e) -> {
      if (e.model != null) {
        ids.put(path.getFileName().toString(), e.model.info().id());
      }
    });
    return ids;
  }

  /** One pass over the folder; safe to call from a timer. Never throws. */
  synchronized void scan() {
    if (closed) {
      return; // a timer may still hold a folder that a configuration change replaced
    }
    List<Path> present;
    try {
      present = descriptions();
    } catch (IOException | RuntimeException e) {
      error.accept("models folder " + dir + " cannot be read: " + e.getMessage());
      return;
    }
    for (Path gone : new ArrayList<>(entries.keySet())) {
      if (!present.contains(gone)) {
        drop(gone, "its description was removed");
      }
    }
    for (Path description : present) {
      try {
        refresh(description);
      } catch (RuntimeException e) {
        // A model must never take the scanner down with it.
        error.accept(description + ": " + e);
      }
    }
  }

  private List<Path> descriptions() throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path file : files) {
        if (!file.getFileName().toString().endsWith(".golden.json") && Files.isRegularFile(file)) {
          found.add(file);
        }
      }
    }
    found.sort(null);
    return found;
  }

  private void refresh(Path description) {
    Entry entry = entries.computeIfAbsent(description, Entry::new);
    Map<Path, Stamp> now = stamps(description);
    boolean idFreed = entry.clashedId != null && ids.isFree(entry.clashedId);
    if (now.equals(entry.stamps) && !idFreed) {
      return;
    }
    entry.clashedId = null;
    entry.stamps = now;
    Path missing = missingModelFile(description);
    if (missing != null) {
      // Shipped descriptions of models users bring themselves (HSEmotion, FER+) wait quietly.
      if (entry.model != null) {
        retire(entry, "its model file " + missing.getFileName() + " was removed");
      }
      info.accept(description.getFileName() + " waits for its model file " + missing
          + " (copy the file there to use this model)");
      return;
    }
    OnnxExpressionModel loaded;
    try {
      loaded = loader.load(description);
      Path owner = ids.claim(loaded.info().id(), description, this);
      if (owner != null) {
        entry.clashedId = loaded.info().id();
        loaded.close();
        throw new ModelException(description + ": model id '" + loaded.info().id() + "' is already used by "
            + (dir.equals(owner.getParent()) ? owner.getFileName() : owner));
      }
    } catch (ModelException e) {
      error.accept(e.getMessage());
      if (entry.model != null && !allExist(now)) {
        retire(entry, "one of its files was removed");
      } else if (entry.model != null) {
        info.accept("keeping the previous version of model '" + entry.model.info().id() + "' in use");
      }
      return;
    }
    replace(entry, loaded, description);
  }

  /** Registers the new model before the old one goes, so a selection by id never sees a gap. */
  private void replace(Entry entry, OnnxExpressionModel loaded, Path description) {
    Object registration = registry.register(loaded, description);
    OnnxExpressionModel old = entry.model;
    Object oldRegistration = entry.registration;
    entry.model = loaded;
    entry.registration = registration;
    if (old != null) {
      registry.unregister(oldRegistration);
      old.close();
      if (!old.info().id().equals(loaded.info().id())) {
        ids.release(old.info().id(), description, this);
      }
    }
    info.accept("model '" + loaded.info().id() + "' " + loaded.info().version() + " registered from " + description.getFileName());
  }

  /** The model file a readable description names when it is not there, else null. */
  private static Path missingModelFile(Path description) {
    try {
      ModelSpec spec = ModelLoader.readSpec(description);
      Path onnx = description.toAbsolutePath().getParent().resolve(spec.file());
      return Files.exists(onnx) ? null : onnx;
    } catch (ModelException e) {
      return null; // load() reports what is wrong with the description
    }
  }

  private Map<Path, Stamp> stamps(Path description) {
    Map<Path, Stamp> stamps = new HashMap<>();
    stamps.put(description, Stamp.of(description));
    try {
      for (Path file : ModelLoader.files(description, ModelLoader.readSpec(description))) {
        stamps.put(file, Stamp.of(file));
      }
    } catch (ModelException e) {
      // A broken description depends on itself only; load() reports it.
    }
    return stamps;
  }

  private static boolean allExist(Map<Path, Stamp> stamps) {
    return stamps.values().stream().allMatch(Stamp::exists);
  }

  private void drop(Path description, String why) {
    Entry entry = entries.remove(description);
    if (entry != null) {
      retire(entry, why);
    }
  }

  /** Unregisters first, then closes: a caller still holding the service gets a clear error. */
  private void retire(Entry entry, String why) {
    if (entry.model != null) {
      registry.unregister(entry.registration);
      entry.model.close();
      ids.release(entry.model.info().id(), entry.description, this);
      info.accept("model '" + entry.model.info().id() + "' unregistered: " + why);
      entry.model = null;
      entry.registration = null;
    }
  }

  /** Unregisters and closes every model. */
  @Override
  public synchronized void close() {
    closed = true;
    for (Path description : new ArrayList<>(entries.keySet())) {
      drop(description, "the models folder component stopped");
    }
  }
}
