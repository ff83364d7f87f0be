package org.expressionmirror.expression.onnx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Frame;
import org.expressionmirror.expression.onnx.OnnxModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.BundleTracker;

/**
 * The model bundle extender in a real Felix framework: model bundle jars are built here with
 * java.util.jar, installed, started, stopped, updated and uninstalled; what the extender registers
 * is recorded by a stand-in registry (DS and the service registry are the ITs' business).
 */
class ModelBundlesTest {
  @TempDir Path tmp;
  private Framework framework;
  private BundleTracker<ModelFolder> tracker;
  private final Map<Integer, OnnxExpressionModel> published = new LinkedHashMap<>();
  private final List<String> bundles = new ArrayList<>();
  private final List<String> infos = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final ModelIds ids = new ModelIds();
  private int next;

  @BeforeAll
  static void opencv() {
    nu.pattern.OpenCV.loadLocally();
  }

  @BeforeEach
  void start() throws Exception {
    FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
    framework = factory.newFramework(Map.of(
        Constants.FRAMEWORK_STORAGE, tmp.resolve("cache").toString(),
        Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
    framework.start();
    BundleContext context = framework.getBundleContext();
    ModelLoader loader = new ModelLoader(OrtEnvironment.getEnvironment(), 1, infos::add);
    tracker = new BundleTracker<>(context, Bundle.ACTIVE,
        new ModelBundles(tmp.resolve("work"), loader, registry(null), ids, infos::add, errors::add));
    tracker.open();
  }

  @AfterEach
  void stop() throws Exception {
    tracker.close();
    framework.stop();
    framework.waitForStop(10_000);
  }

  @Test
  void aModelBundleIsRegisteredWhileActiveAndUnregisteredWhenStoppedOrUninstalled() throws Exception {
    Bundle b = install(jar("mine.models", "models", "mine"));
    assertTrue(published.isEmpty(), "installed is not active");
    b.start();
    assertEquals(1, published.size(), errors.toString());
    OnnxExpressionModel model = published.values().iterator().next();
    assertEquals("mine", model.info().id());
    assertEquals("mine.models 1.0.0 (" + b.getLocation() + ")", bundles.get(0));
    assertEquals(8, model.classify(new Frame(0, 0, 80, 80, new byte[80 * 80 * 3]), new Box(10, 10, 50, 50)).labels().size());

    b.stop();
    assertTrue(published.isEmpty());
    // Whoever still holds the old service gets a message, not freed native memory.
    assertThrows(IllegalStateException.class, () -> model.classify(new Frame(0, 0, 8, 8, new byte[192]), new Box(0, 0, 8, 8)));
    assertTrue(errors.isEmpty(), errors.toString());

    b.start();
    assertEquals(1, published.size());
    Path copies = tmp.resolve("work");
    try (var s = Files.list(copies)) {
      assertEquals(1, s.count());
    }
    b.uninstall();
    assertTrue(published.isEmpty());
    try (var s = Files.list(copies)) {
      assertEquals(0, s.count(), "the copied model files are removed with the bundle");
    }
  }

  @Test
  void anUpdatedBundleReplacesItsModels() throws Exception {
    Bundle b = install(jar("m.models", "models", "first"));
    b.start();
    assertEquals("first", published.values().iterator().next().info().id());
    Path second = jar("m.models", "models", "second");
    try (var in = Files.newInputStream(second)) {
      b.update(in);
    }
    assertEquals(1, published.size());
    assertEquals("second", published.values().iterator().next().info().id());
  }

  @Test
  void bundlesWithoutTheHeaderAreIgnoredAndABadHeaderOrModelIsReportedNamingTheBundle() throws Exception {
    install(jar("plain", null, "x")).start();
    assertTrue(published.isEmpty());
    assertTrue(errors.isEmpty(), errors.toString());

    install(jar("wrong.folder", "nothing-here", "x")).start();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("model bundle wrong.folder 1.0.0 ("), errors.get(0));
    assertTrue(errors.get(0).endsWith("Expression-Models = nothing-here names no folder with model descriptions (*.json)"),
        errors.get(0));

    install(jar("escape", "../models", "x")).start();
    assertTrue(errors.get(1).endsWith("Expression-Models = ../models must name one folder inside the bundle, e.g. models"),
        errors.get(1));

    Path junk = jar("junk", "models", "j");
    rewriteOnnx(junk, "j", "not a model".getBytes());
    install(junk).start();
    assertEquals(3, errors.size(), errors.toString());
    assertTrue(errors.get(2).startsWith("model bundle junk 1.0.0 ("), errors.get(2));
    assertTrue(errors.get(2).contains("j.json: ") && errors.get(2).contains("j.onnx: not an ONNX model ONNX Runtime can load"),
        errors.get(2));
    assertTrue(published.isEmpty());
  }

  @Test
  void anIdTakenByAnotherSourceIsRefusedAndGetsInOnceThatSourceIsGone() throws Exception {
    Bundle first = install(jar("a", "models", "same"));
    first.start();
    Bundle second = install(jar("b", "models", "same"));
    second.start();
    assertEquals(1, published.size());
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("model bundle b 1.0.0 ("), errors.get(0));
    assertTrue(errors.get(0).contains("model id 'same' is already used by "), errors.get(0));

    first.uninstall();
    assertTrue(published.isEmpty());
    // The component's timer rescans every source; here the scan is called directly.
    tracker.getTracked().values().forEach(ModelFolder::scan);
    assertEquals(1, published.size());
    assertEquals(List.of("a 1.0.0 (" + first.getLocation() + ")", "b 1.0.0 (" + second.getLocation() + ")"), bundles);
  }

  private Bundle install(Path jar) throws Exception {
    return framework.getBundleContext().installBundle(jar.toUri().toString());
  }

  /** A model bundle: manifest with the header (when given) and one FER+-shaped model in models/. */
  private Path jar(String bsn, String header, String id) throws Exception {
    Path staging = Files.createDirectories(tmp.resolve("staging-" + bsn + "-" + id + "-" + System.nanoTime()));
    TestModels.write(staging.resolve(id + ".onnx"), "Input3", new long[] {1, 1, 64, 64}, true, "Plus692_Output_0",
        TestModels.weights(1, 8), TestModels.bias(8), false, false);
    Descriptions.write(staging.resolve(id + ".json"), Descriptions.ferplus(id));
    Manifest mf = new Manifest();
    Attributes a = mf.getMainAttributes();
    a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
    a.putValue(Constants.BUNDLE_SYMBOLICNAME, bsn);
    a.putValue(Constants.BUNDLE_VERSION, "1.0.0");
    if (header != null) {
      a.putValue(OnnxModels.MODELS_HEADER, header);
    }
    Path jar = tmp.resolve(bsn + "-" + id + "-" + System.nanoTime() + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
      out.putNextEntry(new JarEntry("models/"));
      out.closeEntry();
      for (String name : List.of(id + ".json", id + ".onnx")) {
        out.putNextEntry(new JarEntry("models/" + name));
        Files.copy(staging.resolve(name), out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /** Replaces the model file in a built jar by other bytes. */
  private static void rewriteOnnx(Path jar, String id, byte[] bytes) throws IOException {
    try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
      try (OutputStream out = Files.newOutputStream(fs.getPath("models", id + ".onnx"))) {
        out.write(bytes);
      }
    }
  }

  private ModelFolder.Registry registry(String bundle) {
    return new ModelFolder.Registry() {
      @Override
      public Object register(OnnxExpressionModel model, Path description) {
        published.put(next, model);
        bundles.add(bundle);
        return next++;
      }

      @Override
      public void unregister(Object registration) {
        published.remove((Integer) registration);
      }

      @Override
      public ModelFolder.Registry withBundle(String name) {
        return registry(name);
      }
    };
  }
}
