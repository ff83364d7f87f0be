package org.expressionmirror.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.expressionmirror.launcher.Feature;
import org.ops4j.pax.exam.Option;

/**
 * The one framework configuration every integration test uses: the bundles of the distribution's
 * {@code headless} feature, installed from the distribution's jars by {@code file:} URL in the
 * feature's order, and the framework properties the launcher would set. Runs outside the
 * framework, in the test JVM, before the framework starts.
 */
final class MirrorOptions {
  private MirrorOptions() {}

  /**
   * Options for one test class; {@code name} names its scratch folder, which holds a fresh copy of
   * {@code runtime-config} watched by FileInstall and the framework cache.
   */
  static Option[] headless(String name) {
    return feature("headless", name);
  }

  /** Options for one test class running the bundles of the named feature of the distribution. */
  static Option[] feature(String featureName, String name) {
    Path dist = Paths.dist();
    Path work = Paths.work().resolve(name);
    Path config = work.resolve("runtime-config");
    try {
      delete(work);
      copyConfig(Paths.runtimeConfig(), config);
      Feature feature = Feature.load(dist.resolve("features"), featureName);
      List<Option> options = new ArrayList<>();
      for (String id : feature.bundles()) {
        Path jar = dist.resolve("bundles").resolve(id + ".jar");
        if (!Files.isRegularFile(jar)) {
          throw new IllegalStateException(
              "feature " + featureName + " names " + id + " but " + jar + " is missing");
        }
        // a fragment (SWT's platform part) attaches to its host and cannot be started
        options.add(isFragment(jar) ? bundle(jar.toUri().toString()).noStart() : bundle(jar.toUri().toString()));
      }
      for (Map.Entry<String, String> p : feature.properties().entrySet()) {
        options.add(frameworkProperty(p.getKey()).value(p.getValue()));
      }
      return options(
          junitBundles(),
          // Pax Exam's own bundles log through slf4j; the simple binding is a fragment
          bundle("link:classpath:META-INF/links/org.slf4j.api.link"),
          bundle("link:classpath:META-INF/links/org.slf4j.simple.link").noStart(),
          frameworkProperty("org.osgi.framework.storage").value(work.resolve("felix-cache").toString()),
          frameworkProperty("org.osgi.framework.storage.clean").value("onFirstInit"),
          frameworkProperty("mirror.home").value(dist.toString()),
          frameworkProperty("mirror.models.dir").value(dist.resolve("models").toString()),
          frameworkProperty("felix.fileinstall.dir").value(config.toString()),
          frameworkProperty("felix.fileinstall.poll").value("250"),
          frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
          frameworkProperty("felix.fileinstall.enableConfigSave").value("false"),
          frameworkProperty("felix.fileinstall.log.level").value("2"),
          frameworkProperty("ds.loglevel").value("warn"),
          composite(options.toArray(Option[]::new)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isFragment(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getManifest() != null
          && file.getManifest().getMainAttributes().getValue("Fragment-Host") != null;
    }
  }

  private static void copyConfig(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".cfg")).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
