package org.expressionmirror.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.expressionmirror.api.Box;
import org.expressionmirror.api.Distribution;
import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.Expressions;
import org.expressionmirror.api.FaceResult;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.RunSummary;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.FrameworkPropertyOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;

/**
 * The model library in the running program: a model dropped into the models folder, a model
 * bundle installed or dropped into the deploy folder, the ensemble of the shipped models, and
 * broken model files. The models folder is a copy of the distribution's (framework property
 * {@code mirror.models.dir}), the deploy folder an empty one ({@code mirror.deploy.dir}); the model
 * files come from {@link ModelFiles}, written before the framework starts. Each test leaves both
 * folders as it found them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModelLibraryIT {
  private static final String NAME = "ModelLibraryIT";
  private static final String DEFAULT_MODEL = "faceapi-expression";
  private static final String OTHER_MODEL = "minixception-fer2013";
  private static final String ENSEMBLE = "ensemble";
  /** The three frontal faces of sample3.jpg (see PhotoIT). */
  private static final List<Box> FACES =
      List.of(new Box(570, 375, 220, 215), new Box(1040, 250, 260, 260), new Box(1500, 340, 220, 220));
  /** The models folder is looked at every second: a drop-in shows within a few seconds. */
  private static final long DROP_IN_MS = 5_000;
  private static final long RUN_TIMEOUT_MS = 60_000;
  private static final int FRAMES = 48;
  private static final long PAUSE_MS = 40;

  private static Path work() {
    return Paths.work().resolve(NAME);
  }

  private static Path modelsDir() {
    return work().resolve("models");
  }

  private static Path deployDir() {
    return work().resolve("deploy");
  }

  /** The generated model files, outside any watched folder. */
  private static Path files() {
    return work().resolve("files");
  }

  @Configuration
  public Option[] config() throws IOException {
    Option[] headless = MirrorOptions.headless(NAME); // empties work()
    copyFolder(Paths.dist().resolve("models"), modelsDir());
    Files.createDirectories(deployDir());
    ModelFiles.writeAll(files(), modelsDir().resolve(ModelFiles.ENET + ".json"));
    Map<String, String> properties =
        Map.of("mirror.models.dir", modelsDir().toString(), "mirror.deploy.dir", deployDir().toString());
    List<Option> options = new ArrayList<>();
    for (Option o : headless) {
      if (!(o instanceof FrameworkPropertyOption p && properties.containsKey(p.getKey()))) {
        options.add(o);
      }
    }
    properties.forEach((k, v) -> options.add(org.ops4j.pax.exam.CoreOptions.frameworkProperty(k).value(v)));
    return options.toArray(Option[]::new);
  }

  /**
   * The shipped bring-your-own descriptions wait quietly; the HSEmotion model copied beside its
   * description is selectable within seconds and read with its 8 labels; deleting it makes the
   * pipeline fall back to the default model between two frames, losing none.
   */
  @Test
  public void dropsInAModelBesideItsShippedDescriptionAndFallsBackWhenItIsDeleted() throws Exception {
    List<String> byo = List.of("emotion-ferplus-8", "enet_b0_7", ModelFiles.ENET, "enet_b2_8", "mbf_va_mtl");
    try (Mirror mirror = new Mirror(this)) {
      mirror.model(DEFAULT_MODEL);
      for (String id : byo) {
        assertTrue(id + " has its description in the models folder", Files.isRegularFile(modelsDir().resolve(id + ".json")));
        assertTrue(id + " is not registered without its model file", refs(id).isEmpty());
      }
      // the log's history (from the start), but for the files another test breaks on purpose
      List<String> errors =
          loggedErrors(mirror, "org.expressionmirror.expression.onnx").stream()
              .filter(e -> !e.contains(ModelFiles.NOT_ONNX) && !e.contains(ModelFiles.WRONG_SHAPE))
              .toList();
      assertEquals("the models folder logged no error: " + errors, List.of(), errors);

      Path onnx = modelsDir().resolve(ModelFiles.ENET + ".onnx");
      long dropped = System.nanoTime();
      drop(files().resolve(ModelFiles.ENET + ".onnx"), onnx);
      awaitRegistered(ModelFiles.ENET, DROP_IN_MS);
      System.out.printf("%s registered %.2f s after the drop%n", ModelFiles.ENET, (System.nanoTime() - dropped) / 1e9);
      ExpressionModel enet = mirror.model(ModelFiles.ENET);
      assertEquals("8 canonical labels with contempt", Expressions.CANONICAL, sorted(enet.info().labels()));
      ServiceReference<ExpressionModel> ref = refs(ModelFiles.ENET).get(0);
      assertEquals(modelsDir().resolve(ModelFiles.ENET + ".json").toString(), ref.getProperty("model.description"));

      select(mirror, ModelFiles.ENET);
      FrameResult photo = playPhoto(mirror);
      assertEquals("model provenance", ModelFiles.ENET + "@" + enet.info().version(), photo.model());
      for (FaceResult face : photo.faces()) {
        assertTrue("face " + face.box() + " read", face.read());
        assertEquals("labels of " + face.scores(), Set.copyOf(Expressions.CANONICAL), Set.copyOf(face.scores().labels()));
        assertTrue("contempt is a reading: " + face.scores(), face.scores().get(Expressions.CONTEMPT) > 0);
        assertEquals("sum of " + face.scores(), 1.0, sum(face.scores()), 1e-5);
      }

      // delete the model while frames flow: the pipeline falls back to the default model
      Recorder recorder = mirror.listen(PAUSE_MS);
      mirror.play(Media.panFolder(FRAMES));
      assertTrue("frames flow", recorder.awaitCount(8, RUN_TIMEOUT_MS));
      int before = recorder.count();
      Files.delete(onnx);
      Optional<FrameResult> fallback =
          recorder.await(r -> r.model().startsWith(DEFAULT_MODEL + "@"), DROP_IN_MS + 5_000);
      assertTrue("the default model takes over after the deletion; last: " + last(recorder), fallback.isPresent());
      assertTrue("the switch comes after the deletion", fallback.get().frame() >= before);
      awaitUnregistered(ModelFiles.ENET, DROP_IN_MS);
      RunSummary summary = recorder.awaitEnd(RUN_TIMEOUT_MS);
      assertEquals("run error", "", summary.error());
      List<FrameResult> results = recorder.results();
      assertEquals("one run, one end", 1, recorder.ends().size());
      assertEquals("frames in the summary", FRAMES, summary.frames());
      assertEquals("records", FRAMES, results.size());
      long switchedAt = fallback.get().frame();
      for (int i = 0; i < FRAMES; i++) {
        FrameResult r = results.get(i);
        assertEquals("record " + i + " is frame " + i, i, r.frame());
        String expected = i < switchedAt ? ModelFiles.ENET : DEFAULT_MODEL;
        assertTrue("frame " + i + " names " + r.model() + ", expected " + expected, r.model().startsWith(expected + "@"));
      }
    } finally {
      Files.deleteIfExists(modelsDir().resolve(ModelFiles.ENET + ".onnx"));
      try (Mirror mirror = new Mirror(this)) {
        select(mirror, DEFAULT_MODEL);
      }
    }
  }

  /** A model bundle installed by hand brings its model while it is there, and takes it along. */
  @Test
  public void modelBundleInstalledAndUninstalledRegistersAndUnregistersItsModel() throws Exception {
    Bundle bundle = null;
    try (Mirror mirror = new Mirror(this);
        InputStream jar = Files.newInputStream(files().resolve(ModelFiles.BUNDLED + ".jar"))) {
      assertTrue(refs(ModelFiles.BUNDLED).isEmpty());
      bundle = mirror.context().installBundle("itests:" + ModelFiles.BUNDLED, jar);
      assertTrue("installed, not started: nothing registered", refs(ModelFiles.BUNDLED).isEmpty());
      bundle.start();
      awaitRegistered(ModelFiles.BUNDLED, DROP_IN_MS);
      ServiceReference<ExpressionModel> ref = refs(ModelFiles.BUNDLED).get(0);
      String from = String.valueOf(ref.getProperty("model.bundle"));
      assertTrue("model.bundle names the bundle: " + from, from.startsWith(ModelFiles.BUNDLE_NAME + " 1.0.0"));
      assertEquals(
          Expressions.CANONICAL, sorted(List.of((String[]) ref.getProperty("model.labels"))));
      bundle.uninstall();
      bundle = null;
      awaitUnregistered(ModelFiles.BUNDLED, DROP_IN_MS);
    } finally {
      if (bundle != null) {
        bundle.uninstall();
      }
    }
  }

  /** A model bundle jar copied into the deploy folder is installed by FileInstall; deleting it removes it. */
  @Test
  public void modelBundleDroppedIntoTheDeployFolderRegistersItsModelUntilDeleted() throws Exception {
    Path jar = deployDir().resolve(ModelFiles.BUNDLED + ".jar");
    try (Mirror mirror = new Mirror(this)) {
      assertTrue(refs(ModelFiles.BUNDLED).isEmpty());
      drop(files().resolve(ModelFiles.BUNDLED + ".jar"), jar);
      awaitRegistered(ModelFiles.BUNDLED, DROP_IN_MS);
      ServiceReference<ExpressionModel> ref = refs(ModelFiles.BUNDLED).get(0);
      String from = String.valueOf(ref.getProperty("model.bundle"));
      assertTrue("model.bundle names the bundle: " + from, from.startsWith(ModelFiles.BUNDLE_NAME + " 1.0.0"));
      assertTrue("model.bundle names the deployed jar: " + from, from.contains(jar.getFileName().toString()));
      assertNotNull("FileInstall installed the jar", modelBundle(mirror.context()));
      Files.delete(jar);
      awaitUnregistered(ModelFiles.BUNDLED, DROP_IN_MS);
      long until = System.currentTimeMillis() + DROP_IN_MS;
      while (modelBundle(mirror.context()) != null && System.currentTimeMillis() < until) {
        Thread.sleep(100);
      }
      assertEquals("FileInstall uninstalled the deleted jar", null, modelBundle(mirror.context()));
    } finally {
      Files.deleteIfExists(jar);
    }
  }

  /**
   * The ensemble of the shipped models is the mixture of its members' readings of a real face;
   * it goes when a member goes and comes back with it; a configuration naming the ensemble as its
   * own member is refused and registers nothing.
   */
  @Test
  public void ensembleAveragesItsMembersFollowsThemAndRefusesItself() throws Exception {
    Path description = modelsDir().resolve(OTHER_MODEL + ".json");
    Path aside = work().resolve(OTHER_MODEL + ".json");
    org.osgi.service.cm.Configuration bad = null;
    try (Mirror mirror = new Mirror(this)) {
      ConfigurationAdmin ca = mirror.service(ConfigurationAdmin.class);
      org.osgi.service.cm.Configuration[] ensembles =
          ca.listConfigurations("(&(service.factoryPid=mirror.ensemble)(id=" + ENSEMBLE + "))");
      assertTrue("a factory configuration mirror.ensemble with id=ensemble", ensembles != null && ensembles.length == 1);
      assertEquals(
          "its members",
          List.of(DEFAULT_MODEL, OTHER_MODEL),
          members(ensembles[0].getProperties().get("members")));

      ExpressionModel ensemble = mirror.model(ENSEMBLE);
      ExpressionModel a = mirror.model(DEFAULT_MODEL);
      ExpressionModel b = mirror.model(OTHER_MODEL);
      Frame frame = frame(Media.photo("sample3.jpg"));
      for (Box face : FACES) {
        Distribution mixed = ensemble.classify(frame, face);
        Distribution da = a.classify(frame, face);
        Distribution db = b.classify(frame, face);
        Set<String> labels = new TreeSet<>(da.labels());
        labels.addAll(db.labels());
        assertEquals("ensemble labels", labels, new TreeSet<>(mixed.labels()));
        for (String label : labels) {
          double expected = (da.get(label) + db.get(label)) / 2;
          assertEquals(face + " " + label + ": " + mixed + " vs " + da + " and " + db, expected, mixed.get(label), 1e-6);
        }
        assertTrue("the members disagree on " + face + ", so the mixture says something of its own", !da.equals(db));
      }

      long ensembleId = serviceId(refs(ENSEMBLE).get(0));
      Files.move(description, aside, StandardCopyOption.ATOMIC_MOVE);
      awaitUnregistered(OTHER_MODEL, DROP_IN_MS);
      awaitUnregistered(ENSEMBLE, DROP_IN_MS);
      Files.move(aside, description, StandardCopyOption.ATOMIC_MOVE);
      awaitRegistered(OTHER_MODEL, DROP_IN_MS);
      awaitRegistered(ENSEMBLE, DROP_IN_MS);
      long back = serviceId(refs(ENSEMBLE).get(0));
      assertTrue("a new ensemble service once the member is back", back != ensembleId);

      LogRecorder log = mirror.log();
      int modelsBefore = allModels().size();
      bad = ca.getFactoryConfiguration("mirror.ensemble", "itests-self", "?");
      Dictionary<String, Object> p = new Hashtable<>();
      p.put("id", ENSEMBLE);
      p.put("members", new String[] {ENSEMBLE, "x"});
      bad.update(p);
      Optional<String> error = log.await(10_000, "mirror.ensemble", "[ensemble, x]", "must not include the ensemble itself");
      assertTrue("the refusal is logged naming the key and value; log: " + log.lines(), error.isPresent());
      assertTrue("logged as an error: " + error.get(), error.get().startsWith("ERROR"));
      Thread.sleep(1_000);
      assertEquals("nothing new registered", modelsBefore, allModels().size());
      assertEquals("one ensemble, the good one", List.of(back), refs(ENSEMBLE).stream().map(ModelLibraryIT::serviceId).toList());
      assertTrue(refs("x").isEmpty());
    } finally {
      if (bad != null) {
        bad.delete();
      }
      if (Files.exists(aside)) {
        Files.move(aside, description, StandardCopyOption.ATOMIC_MOVE);
      }
    }
  }

  /**
   * A file that is not ONNX and a description that does not match its model's input are each
   * reported once, naming the file and the mismatch; the models in use keep working.
   */
  @Test
  public void brokenModelFilesAreReportedOnceAndTheWorkingModelsKeepWorking() throws Exception {
    List<Path> dropped = new ArrayList<>();
    try (Mirror mirror = new Mirror(this)) {
      select(mirror, OTHER_MODEL);
      long defaultId = serviceId(awaitRegistered(DEFAULT_MODEL, DROP_IN_MS));
      long otherId = serviceId(awaitRegistered(OTHER_MODEL, DROP_IN_MS));
      LogRecorder log = mirror.log();
      for (String id : List.of(ModelFiles.NOT_ONNX, ModelFiles.WRONG_SHAPE)) {
        for (String ext : List.of(".onnx", ".json")) {
          Path target = modelsDir().resolve(id + ext);
          drop(files().resolve(id + ext), target);
          dropped.add(target);
        }
      }
      Optional<String> notOnnx =
          log.await(10_000, ModelFiles.NOT_ONNX + ".json", ModelFiles.NOT_ONNX + ".onnx", "not an ONNX model");
      assertTrue("random bytes: one error naming the file; log: " + log.lines(), notOnnx.isPresent());
      Optional<String> wrongShape =
          log.await(
              10_000,
              ModelFiles.WRONG_SHAPE + ".json",
              ModelFiles.WRONG_SHAPE + ".onnx",
              "input 'input' has shape [-1, 3, 112, 112]",
              "the description says [1, 3, 224, 224]");
      assertTrue("wrong shape: one error naming the file and both shapes; log: " + log.lines(), wrongShape.isPresent());
      Thread.sleep(2_500); // two more looks at the folder: a broken file is reported once, not every time
      for (String id : List.of(ModelFiles.NOT_ONNX, ModelFiles.WRONG_SHAPE)) {
        List<String> lines = log.lines().stream().filter(l -> l.contains(id)).toList();
        assertEquals(id + " reported once: " + lines, 1, lines.size());
        assertTrue(lines.get(0), lines.get(0).startsWith("ERROR org.expressionmirror.expression.onnx"));
        assertTrue(id + " is not registered", refs(id).isEmpty());
      }
      assertEquals("the default model stays", defaultId, serviceId(refs(DEFAULT_MODEL).get(0)));
      assertEquals("the model in use stays", otherId, serviceId(refs(OTHER_MODEL).get(0)));
      FrameResult photo = playPhoto(mirror);
      assertTrue("the model in use reads the photo: " + photo.model(), photo.model().startsWith(OTHER_MODEL + "@"));
      assertTrue("faces read", photo.faces().stream().allMatch(FaceResult::read));
    } finally {
      for (Path p : dropped) {
        Files.deleteIfExists(p);
      }
      try (Mirror mirror = new Mirror(this)) {
        select(mirror, DEFAULT_MODEL);
      }
    }
  }

  /**
   * The models folder moved through Config Admin ({@code mirror.models} key {@code dir}): the
   * models of the new folder take over without an error and without a moment with no model.
   */
  @Test
  public void modelsFolderSwitchedThroughConfigAdminKeepsTheModelsWithoutAGap() throws Exception {
    Path second = work().resolve("models-2");
    copyFolder(modelsDir(), second);
    org.osgi.service.cm.Configuration models = null;
    ServiceListener watcher = null;
    int[] present = {refs(DEFAULT_MODEL).size()};
    int[] lowest = {present[0]};
    try (Mirror mirror = new Mirror(this)) {
      assertEquals("the default model is there", 1, present[0]);
      LogRecorder log = mirror.log();
      watcher =
          e -> {
            synchronized (present) {
              present[0] += e.getType() == ServiceEvent.REGISTERED ? 1 : e.getType() == ServiceEvent.UNREGISTERING ? -1 : 0;
              lowest[0] = Math.min(lowest[0], present[0]);
            }
          };
      context().addServiceListener(watcher, "(" + ExpressionModel.ID + "=" + DEFAULT_MODEL + ")");
      models = mirror.service(ConfigurationAdmin.class).getConfiguration("mirror.models", "?");
      for (Path dir : List.of(second, modelsDir())) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("dir", dir.toString());
        models.update(p);
        for (String id : List.of(DEFAULT_MODEL, OTHER_MODEL)) {
          Path description = dir.resolve(id + ".json");
          long until = System.currentTimeMillis() + DROP_IN_MS;
          while (!(refs(id).size() == 1 && description.toString().equals(refs(id).get(0).getProperty("model.description")))) {
            assertTrue(id + " from " + dir + " within " + DROP_IN_MS + " ms; has " + refs(id).stream().map(r -> r.getProperty("model.description")).toList(),
                System.currentTimeMillis() < until);
            Thread.sleep(50);
          }
        }
        awaitRegistered(ENSEMBLE, DROP_IN_MS);
      }
      synchronized (present) {
        assertEquals("never without the default model", 1, lowest[0]);
      }
      List<String> errors = log.lines().stream().filter(l -> l.startsWith("ERROR")).toList();
      assertEquals("no error on a folder switch", List.of(), errors);
    } finally {
      if (watcher != null) {
        context().removeServiceListener(watcher);
      }
      if (models != null) {
        models.delete();
      }
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  private BundleContext context() {
    return org.osgi.framework.FrameworkUtil.getBundle(getClass()).getBundleContext();
  }

  private List<ServiceReference<ExpressionModel>> refs(String id) throws Exception {
    return new ArrayList<>(context().getServiceReferences(ExpressionModel.class, "(" + ExpressionModel.ID + "=" + id + ")"));
  }

  private List<ServiceReference<ExpressionModel>> allModels() throws Exception {
    return new ArrayList<>(context().getServiceReferences(ExpressionModel.class, null));
  }

  private ServiceReference<ExpressionModel> awaitRegistered(String id, long timeoutMs) throws Exception {
    long until = System.currentTimeMillis() + timeoutMs;
    while (true) {
      List<ServiceReference<ExpressionModel>> found = refs(id);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      if (System.currentTimeMillis() > until) {
        fail("model " + id + " was not registered within " + timeoutMs + " ms; models: " + ids(allModels()));
      }
      Thread.sleep(50);
    }
  }

  private void awaitUnregistered(String id, long timeoutMs) throws Exception {
    long until = System.currentTimeMillis() + timeoutMs;
    while (!refs(id).isEmpty()) {
      if (System.currentTimeMillis() > until) {
        fail("model " + id + " was still registered after " + timeoutMs + " ms");
      }
      Thread.sleep(50);
    }
  }

  private static List<Object> ids(List<ServiceReference<ExpressionModel>> refs) {
    return refs.stream().map(r -> r.getProperty(ExpressionModel.ID)).toList();
  }

  private static long serviceId(ServiceReference<?> ref) {
    return (Long) ref.getProperty(Constants.SERVICE_ID);
  }

  private static Bundle modelBundle(BundleContext context) {
    for (Bundle b : context.getBundles()) {
      if (ModelFiles.BUNDLE_NAME.equals(b.getSymbolicName())) {
        return b;
      }
    }
    return null;
  }

  private static void select(Mirror mirror, String model) throws Exception {
    mirror.configure(Mirror.PIPELINE, Map.of("detector", "haar", "model", model, "smoother", "ema"));
    mirror.awaitPipeline(Map.of("detector", "haar", "model", model, "smoother", "ema"), 10_000);
  }

  /** One run over sample3.jpg: the result, with its three faces found. */
  private static FrameResult playPhoto(Mirror mirror) throws Exception {
    Recorder recorder = mirror.listen(0);
    mirror.play(Media.photo("sample3.jpg"));
    RunSummary summary = recorder.awaitEnd(RUN_TIMEOUT_MS);
    mirror.unlisten(recorder);
    assertEquals("run error", "", summary.error());
    assertEquals("one result for one photo", 1, recorder.results().size());
    FrameResult result = recorder.results().get(0);
    assertEquals("faces found " + result.faces(), FACES.size(), result.faces().size());
    return result;
  }

  /** Errors logged so far (the log's history) by one bundle. */
  private static List<String> loggedErrors(Mirror mirror, String bundle) throws Exception {
    List<String> errors = new ArrayList<>();
    LogReaderService reader = mirror.service(LogReaderService.class);
    for (LogEntry e : Collections.list(reader.getLog())) {
      if (e.getLogLevel() == LogLevel.ERROR && e.getBundle() != null && bundle.equals(e.getBundle().getSymbolicName())) {
        errors.add(e.getMessage());
      }
    }
    return errors;
  }

  /** A real photo as the pipeline's frames are: interleaved BGR rows. */
  private static Frame frame(Path photo) throws IOException {
    BufferedImage image = ImageIO.read(photo.toFile());
    BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    bgr.getGraphics().drawImage(image, 0, 0, null);
    byte[] bytes = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    return new Frame(0, 0, bgr.getWidth(), bgr.getHeight(), bytes);
  }

  private static List<String> members(Object value) {
    if (value instanceof String[] a) {
      return List.of(a);
    }
    return Stream.of(String.valueOf(value).split(",")).map(String::trim).toList();
  }

  private static List<String> sorted(List<String> labels) {
    List<String> order = new ArrayList<>(labels);
    order.sort(Comparator.comparingInt(Expressions.CANONICAL::indexOf));
    return order;
  }

  private static double sum(Distribution d) {
    return d.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** Copies in one step: the watcher never sees half a file. */
  private static void drop(Path from, Path to) throws IOException {
    Path part = to.resolveSibling(to.getFileName() + ".part");
    Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
    Files.move(part, to, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static String last(Recorder recorder) {
    List<FrameResult> r = recorder.results();
    return r.isEmpty() ? "none" : r.get(r.size() - 1).toString();
  }
}
