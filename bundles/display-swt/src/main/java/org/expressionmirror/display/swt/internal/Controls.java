package org.expressionmirror.display.swt.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the window's controls do: each switch is a Config Admin edit, exactly like an edit of a
 * file in runtime-config/, read-modify-write so keys set elsewhere are kept.
 */
final class Controls {
  static final String PIPELINE = "mirror.pipeline";
  static final String SOURCE = "mirror.source";
  static final String EMA = "mirror.smoother.ema";
  static final String WINDOW = "mirror.smoother.window";
  static final String DISPLAY = MirrorWindowComponent.PID;
  static final String RECORD = "mirror.record.jsonl";
  static final String DEFAULT_SOURCE = "camera:0";

  private final ConfigStore store;
  private final Locks locks;

  Controls(ConfigStore store) {
    this(store, Locks.NONE);
  }

  Controls(ConfigStore store, Locks locks) {
    this.store = store;
    this.locks = locks;
  }

  /** The variant that locks this setting, which the window then shows fixed; or empty. */
  Optional<String> lockedBy(String pid, String key) {
    return locks.lockedBy(pid, key);
  }

  void select(Choices.Kind kind, String id) throws IOException {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("no " + kind.key + " id given");
    }
    set(PIPELINE, Map.of(kind.key, id));
  }

  /**
   * Compare mode: a second detector or model beside the first ({@code compare.detector} or
   * {@code compare.model}); an empty id switches that comparison off.
   */
  void selectCompare(Choices.Kind kind, String id) throws IOException {
    if (kind == Choices.Kind.SMOOTHER) {
      throw new IllegalArgumentException("smoothers are not compared");
    }
    set(PIPELINE, Map.of(compareKey(kind), id == null ? "" : id.strip()));
  }

  /** The compare id configured for a kind, empty when that comparison is off. */
  String configuredCompare(Choices.Kind kind) throws IOException {
    Object id = store.read(PIPELINE).get(compareKey(kind));
    return id == null ? "" : id.toString();
  }

  static String compareKey(Choices.Kind kind) {
    return "compare." + kind.key;
  }

  void selectCamera(int index) throws IOException {
    if (index < 0) {
      throw new IllegalArgumentException("camera index must not be negative: " + index);
    }
    set(SOURCE, Map.of("source", "camera:" + index));
  }

  /** Smoothing strength: the EMA's half-life and the window smoother's span, both in seconds. */
  void setSmoothingSeconds(double seconds) throws IOException {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("smoothing seconds must be positive: " + seconds);
    }
    set(EMA, Map.of("halfLifeSeconds", seconds));
    set(WINDOW, Map.of("windowSeconds", seconds));
  }

  void setMirrored(boolean mirrored) throws IOException {
    set(DISPLAY, Map.of("mirrored", mirrored));
  }

  void setOnlyMyFace(boolean onlyMyFace) throws IOException {
    set(DISPLAY, Map.of("onlyMyFace", onlyMyFace));
  }

  /** "Show what the model sees". */
  void setModelInput(boolean on) throws IOException {
    set(DISPLAY, Map.of("modelInput", on));
  }

  void startLog(String path) throws IOException {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("no log file given");
    }
    set(RECORD, Map.of("enabled", true, "path", path));
  }

  void stopLog() throws IOException {
    set(RECORD, Map.of("enabled", false));
  }

  /** Opens camera {@code index}: again when it is the one configured (a retry after a failure). */
  void openCamera(int index) throws IOException {
    if (index < 0) {
      throw new IllegalArgumentException("camera index must not be negative: " + index);
    }
    Map<String, Object> props = new HashMap<>(store.read(SOURCE));
    props.put("source", "camera:" + index);
    store.write(SOURCE, props, true);
  }

  /** Writes the source configuration again, even unchanged, so the pipeline reopens it. */
  void retrySource() throws IOException {
    Map<String, Object> props = new HashMap<>(store.read(SOURCE));
    props.putIfAbsent("source", DEFAULT_SOURCE);
    store.write(SOURCE, props, true);
  }

  Optional<String> source() throws IOException {
    return Optional.ofNullable(store.read(SOURCE).get("source")).map(Object::toString);
  }

  Optional<String> configured(Choices.Kind kind) throws IOException {
    return Optional.ofNullable(store.read(PIPELINE).get(kind.key)).map(Object::toString);
  }

  OptionalDouble smoothingSeconds() throws IOException {
    Object value = store.read(EMA).get("halfLifeSeconds");
    try {
      return value == null
          ? OptionalDouble.empty()
          : OptionalDouble.of(Double.parseDouble(value.toString()));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  boolean logEnabled() throws IOException {
    return Boolean.parseBoolean(String.valueOf(store.read(RECORD).get("enabled")));
  }

  private void set(String pid, Map<String, Object> changes) throws IOException {
    for (String key : changes.keySet()) {
      Optional<String> feature = locks.lockedBy(pid, key);
      if (feature.isPresent()) {
        throw new IllegalStateException(key + " is locked by " + feature.get());
      }
    }
    Map<String, Object> props = new HashMap<>(store.read(pid));
    props.putAll(changes);
    store.write(pid, props, false);
  }
}
