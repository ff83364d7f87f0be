package org.expressionmirror.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's own folder: models, model bundles and features the user adds. It lives outside the
 * distribution, which is build output ({@code mvn clean} deletes it) and is read-only to the
 * program; the distribution's shipped models and features are read beside it. Created on the
 * first start with a README.txt saying what goes where.
 */
final class UserHome {
  static final String MODELS = "models";
  static final String DEPLOY = "deploy";
  static final String FEATURES = "features";
  /** What the program remembers to start faster; may be deleted at any time. */
  static final String CACHE = "cache";
  static final String DEFAULT_DESCRIPTION =
      "$XDG_DATA_HOME/expression-mirror (~/.local/share/expression-mirror) on Linux,"
          + " %APPDATA%\\Expression Mirror on Windows,"
          + " ~/Library/Application Support/Expression Mirror on macOS";

  private static final String README =
      String.join(
          "\n",
          "Expression Mirror: your own additions",
          "",
          "The program reads these folders beside the ones it ships with (which it never changes).",
          "Nothing here is deleted by a new build.",
          "",
          "models/    an ONNX expression model NAME.onnx with its description NAME.json;",
          "           select it with model=NAME in mirror.pipeline.cfg. A model here cannot take",
          "           the id of a shipped model: it is refused with a line naming both.",
          "deploy/    model bundle jars (manifest header Expression-Models), installed while running.",
          "features/  your own variants, NAME.json (OSGi JSON features: bundles, configurations,",
          "           locked settings), used with --feature NAME without a rebuild; a feature here",
          "           is found before a shipped one of the same name. NAME.feature still works.",
          "cache/     what the program remembers to start faster (models that passed their",
          "           golden check, by the sha256 of their files) and train's backbone features",
          "           (by image content, backbone and detector); safe to delete.",
          "",
          "Another folder can be used with ./mirror --home DIR.",
          "");

  private UserHome() {}

  /**
   * The default folder for this platform. On Linux the environment's {@code XDG_DATA_HOME}, else
   * {@code HOME/.local/share}: the environment, not Java's {@code user.home} (which comes from the
   * password database), so that a test run that points {@code HOME} elsewhere is obeyed.
   */
  static Path locate(Map<String, String> env, String osName, String userHome) {
    String os = osName.toLowerCase(Locale.ROOT);
    String home = nonBlank(env.get("HOME")) ? env.get("HOME") : userHome;
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      Path base = nonBlank(appData) ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
      return base.resolve("Expression Mirror");
    }
    if (os.startsWith("mac")) {
      return Path.of(home, "Library", "Application Support", "Expression Mirror");
    }
    String xdg = env.get("XDG_DATA_HOME");
    // the XDG spec: a relative XDG_DATA_HOME is invalid and is ignored
    Path base = nonBlank(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".local", "share");
    return base.resolve("expression-mirror");
  }

  /** Creates the folder and its subfolders when missing; returns it absolute. */
  static Path prepare(Path dir) throws IOException {
    Path home = dir.toAbsolutePath().normalize();
    if (Files.exists(home) && !Files.isDirectory(home)) {
      throw new IOException("the user folder " + home + " is a file, not a folder (--home DIR chooses another)");
    }
    try {
      for (String sub : new String[] {MODELS, DEPLOY, FEATURES}) {
        Files.createDirectories(home.resolve(sub));
      }
      Path readme = home.resolve("README.txt");
      if (!Files.exists(readme)) {
        Files.writeString(readme, README);
      }
    } catch (IOException e) {
      throw new IOException(
          "cannot create the user folder " + home + " (--home DIR chooses another): " + reason(e), e);
    }
    return home;
  }

  /** What went wrong, without Java's exception names: a user reads it. */
  static String reason(IOException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException f) {
      return f.getFile() + " is a file, not a folder";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return e.getMessage();
  }

  private static boolean nonBlank(String s) {
    return s != null && !s.isBlank();
  }
}
