package org.expressionmirror.pipeline.internal;

/** A service picked from a catalog, with the id and version that go into every record. */
record Chosen<S>(S service, String id, String version) {
  /** {@code id@version}, the provenance written with each result. */
  String label() {
    return version.isEmpty() ? id : id + "@" + version;
  }
}
