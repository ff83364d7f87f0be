package org.expressionmirror.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks a feature against the distribution before anything starts, so that a mistake is one
 * line within a second instead of a failure after the framework's start: each bundle must be a
 * jar of the distribution, each configured PID and key must be declared by a bundle's metatype,
 * each value must have the declared type, and the component ids chosen in {@code
 * mirror.pipeline} must exist: detector and smoother ids as the components declare them ({@code
 * detector.id}, {@code smoother.id}), model ids as model descriptions ({@code ID.json}) in the
 * shipped or the user's models folder, or ensembles in the config folder. The bundles of the
 * user's deploy folder count too. Read lazily: a feature without configurations costs nothing.
 */
final class FeatureCheck {
  static final String PIPELINE = "mirror.pipeline";

  private final Path bundles;
  private final List<Path> extraJars;
  private final List<Path> modelDirs;
  private final Path configDir;
  /** PID → key → metatype type. */
  private Map<String, Map<String, String>> keys;
  /** Component kind (detector, model, smoother) → ids. */
  private Map<String, Set<String>> ids;

  FeatureCheck(Path bundles, List<Path> extraJarDirs, List<Path> modelDirs, Path configDir) {
    this.bundles = bundles;
    this.extraJars = jars(extraJarDirs);
    this.modelDirs = modelDirs;
    this.configDir = configDir;
  }

  /** A bundle the distribution lacks, or empty. */
  Optional<String> bundle(String artifactId) {
    Path jar = bundles.resolve(artifactId + ".jar");
    return Files.isRegularFile(jar) ? Optional.empty() : Optional.of("no such bundle: " + jar + " is missing");
  }

  /** What is wrong with {@code pid/key = value}, or empty. */
  Optional<String> value(String pid, String key, String value) throws IOException {
    scan();
    Map<String, String> declared = keys.get(pid);
    if (declared == null) {
      return Optional.of("no bundle declares the configuration PID " + pid + " (known: " + String.join(", ", new TreeSet<>(keys.keySet())) + ")");
    }
    String type = declared.get(key);
    if (type == null) {
      return Optional.of(pid + " has no key " + key + " (keys: " + String.join(", ", new TreeSet<>(declared.keySet())) + ")");
    }
    Optional<String> typeProblem = typeProblem(type, value);
    if (typeProblem.isPresent() || !pid.equals(PIPELINE)) {
      return typeProblem;
    }
    return idProblem(key, value);
  }

  private static Optional<String> typeProblem(String type, String value) {
    String v = value.strip();
    try {
      switch (type) {
        case "Integer", "Long", "Short", "Byte" -> Long.parseLong(v);
        case "Double", "Float" -> Double.parseDouble(v);
        case "Boolean" -> {
          if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            return Optional.of("not true or false");
          }
        }
        default -> {
          return Optional.empty();
        }
      }
    } catch (NumberFormatException e) {
      return Optional.of(type.equals("Double") || type.equals("Float") ? "not a number" : "not a whole number");
    }
    return Optional.empty();
  }

  /** detector, model, smoother and their compare.* twins name a component id. */
  private Optional<String> idProblem(String key, String value) throws IOException {
    String kind = key.startsWith("compare.") ? key.substring("compare.".length()) : key;
    Set<String> known = ids.get(kind);
    if (known == null || (key.startsWith("compare.") && value.isBlank()) || known.contains(value.strip())) {
      return Optional.empty();
    }
    return Optional.of("unknown " + kind + " id (available: " + String.join(", ", known) + ")");
  }

  private void scan() throws IOException {
    if (keys != null) {
      return;
    }
    keys = new TreeMap<>();
    ids = new HashMap<>();
    for (String kind : new String[] {"detector", "model", "smoother"}) {
      ids.put(kind, new TreeSet<>());
    }
    List<Path> all = new ArrayList<>(jars(List.of(bundles)));
    all.addAll(extraJars);
    for (Path jar : all) {
      scanJar(jar);
    }
    for (Path dir : modelDirs) {
      for (Path f : list(dir)) {
        String n = f.getFileName().toString();
        if (n.endsWith(".json") && !n.endsWith(".golden.json")) {
          ids.get("model").add(n.substring(0, n.length() - ".json".length()));
        }
      }
    }
    for (Path f : configDir == null ? List.<Path>of() : list(configDir)) {
      String n = f.getFileName().toString();
      if (n.startsWith("mirror.ensemble-") && n.endsWith(".cfg")) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
          p.load(in);
        }
        if (p.getProperty("id") != null) {
          ids.get("model").add(p.getProperty("id").strip());
        }
      }
    }
  }

  private void scanJar(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        String n = e.getName();
        if (!n.startsWith("OSGI-INF/") || !n.endsWith(".xml")) {
          continue;
        }
        try (InputStream in = file.getInputStream(e)) {
          Document doc = parse(in);
          if (n.startsWith("OSGI-INF/metatype/")) {
            metatype(doc);
          } else {
            component(doc);
          }
        } catch (SAXException | ParserConfigurationException bad) {
          // not a descriptor this check understands; the framework reports broken ones
        }
      }
    }
  }

  private void metatype(Document doc) {
    Map<String, Map<String, String>> ocds = new HashMap<>();
    NodeList ocdList = doc.getElementsByTagNameNS("*", "OCD");
    for (int i = 0; i < ocdList.getLength(); i++) {
      Element ocd = (Element) ocdList.item(i);
      Map<String, String> ads = new HashMap<>();
      NodeList adList = ocd.getElementsByTagNameNS("*", "AD");
      for (int j = 0; j < adList.getLength(); j++) {
        Element ad = (Element) adList.item(j);
        ads.put(ad.getAttribute("id"), ad.getAttribute("type"));
      }
      ocds.put(ocd.getAttribute("id"), ads);
    }
    NodeList designates = doc.getElementsByTagNameNS("*", "Designate");
    for (int i = 0; i < designates.getLength(); i++) {
      Element d = (Element) designates.item(i);
      String pid = d.getAttribute("pid").isEmpty() ? d.getAttribute("factoryPid") : d.getAttribute("pid");
      NodeList objects = d.getElementsByTagNameNS("*", "Object");
      for (int j = 0; j < objects.getLength(); j++) {
        Map<String, String> ads = ocds.get(((Element) objects.item(j)).getAttribute("ocdref"));
        if (ads != null) {
          keys.computeIfAbsent(pid, k -> new HashMap<>()).putAll(ads);
        }
      }
    }
  }

  private void component(Document doc) {
    NodeList props = doc.getElementsByTagName("property");
    for (int i = 0; i < props.getLength(); i++) {
      Element p = (Element) props.item(i);
      String name = p.getAttribute("name");
      if (name.endsWith(".id") && ids.containsKey(name.substring(0, name.length() - 3))) {
        ids.get(name.substring(0, name.length() - 3)).add(p.getAttribute("value").strip());
      }
    }
  }

  private static Document parse(InputStream in) throws IOException, SAXException, ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    // descriptors are the bundles' own; no external entities are fetched
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(in);
  }

  private static List<Path> jars(List<Path> dirs) {
    List<Path> jars = new ArrayList<>();
    for (Path dir : dirs) {
      list(dir).stream().filter(f -> f.getFileName().toString().endsWith(".jar")).forEach(jars::add);
    }
    return jars;
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
