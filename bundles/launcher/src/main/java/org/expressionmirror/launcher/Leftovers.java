package org.expressionmirror.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What earlier versions left in the system temp folder when they were killed: they unpacked
 * OpenCV ({@code opencv_openpnp*}) and ONNX Runtime ({@code onnxruntime-java*}) there, the Haar
 * cascade ({@code haarcascade_frontalface_default*.xml}), and ONNX Runtime's telemetry wrote
 * {@code mat-debug-PID.log}. Now all of that goes to the run's scratch folder or does not happen.
 *
 * <p>Other programs use the same libraries and names, so only what is clearly dead goes: owned by
 * this user, and either named after a process that is gone (the log) or untouched for an hour and
 * mapped by no running process (the natives: a process that loaded a library keeps it mapped).
 */
final class Leftovers {
  static final Duration MIN_AGE = Duration.ofHours(1);
  private static final Pattern LOG = Pattern.compile("mat-debug-(\\d+)\\.log");
  private static final Pattern NATIVES = Pattern.compile("(opencv_openpnp|onnxruntime-java)\\d+");
  private static final Pattern CASCADE = Pattern.compile("haarcascade_frontalface_default\\d+\\.xml");

  private Leftovers() {}

  /**
   * Cleans the folders older versions used: the JDK's default temp folder on Linux and macOS, and
   * {@code TMPDIR}, where native code puts its temporary files.
   */
  static void removeFromSystemTemp() {
    Set<Path> folders = new LinkedHashSet<>();
    folders.add(Path.of("/tmp"));
    String tmpdir = System.getenv("TMPDIR");
    if (tmpdir != null && !tmpdir.isBlank()) {
      folders.add(Path.of(tmpdir));
    }
    folders.stream().filter(Files::isDirectory).forEach(Leftovers::removeFrom);
  }

  /** Removes the leftovers in {@code temp}; a file that cannot be read or removed stays. */
  static void removeFrom(Path temp) {
    Instant cutoff = Instant.now().minus(MIN_AGE);
    try (Stream<Path> entries = Files.list(temp)) {
      List<Path> candidates = entries.toList();
      // reading every process's maps costs a little: only when there are natives to judge
      Set<Path> mapped =
          candidates.stream().anyMatch(p -> NATIVES.matcher(p.getFileName().toString()).matches())
              ? mappedFiles()
              : Set.of();
      candidates.stream().filter(p -> isLeftover(p, cutoff, mapped)).forEach(Leftovers::delete);
    } catch (IOException | RuntimeException e) {
      // clean-up is a courtesy: a temp folder that cannot be listed must not stop the program
    }
  }

  static boolean isLeftover(Path p, Instant cutoff, Set<Path> mapped) {
    String name = p.getFileName().toString();
    Matcher log = LOG.matcher(name);
    boolean ours = log.matches() || CASCADE.matcher(name).matches() || NATIVES.matcher(name).matches();
    if (!ours || !ownedByMe(p)) {
      return false;
    }
    if (log.matches()) {
      return ProcessHandle.of(Long.parseLong(log.group(1))).map(h -> !h.isAlive()).orElse(true);
    }
    if (CASCADE.matcher(name).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      return olderThan(p, cutoff);
    }
    if (NATIVES.matcher(name).matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      return olderThan(p, cutoff) && mapped.stream().noneMatch(m -> m.startsWith(p));
    }
    return false;
  }

  /** Every file mapped into a running process this user may inspect ({@code /proc/PID/maps}). */
  static Set<Path> mappedFiles() {
    Set<Path> mapped = new HashSet<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .forEach(p -> readMaps(p.resolve("maps")).forEach(mapped::add));
    } catch (IOException e) {
      // no /proc: nothing is known to be mapped, and the age rule still protects fresh files
    }
    return mapped;
  }

  private static Stream<Path> readMaps(Path maps) {
    try {
      // "address perms offset dev inode path"; the path starts at the first '/'
      return Files.readAllLines(maps).stream()
          .filter(l -> l.indexOf('/') >= 0)
          .map(l -> Path.of(l.substring(l.indexOf('/')).replace(" (deleted)", "")));
    } catch (IOException | RuntimeException e) {
      return Stream.empty(); // a process of another user, or one that just ended
    }
  }

  private static void delete(Path p) {
    try {
      AppDirs.delete(p);
    } catch (UncheckedIOException e) {
      // removed by someone else meanwhile, or not ours to remove: the others still go
    }
  }

  private static boolean ownedByMe(Path p) {
    try {
      return Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static boolean olderThan(Path p, Instant cutoff) {
    try (Stream<Path> all = Files.walk(p)) {
      // the newest file counts: a folder being filled right now is young
      Optional<FileTime> newest =
          all.map(Leftovers::modified).flatMap(Optional::stream).max(FileTime::compareTo);
      return newest.map(t -> t.toInstant().isBefore(cutoff)).orElse(false);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Optional<FileTime> modified(Path p) {
    try {
      return Optional.of(Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
