package org.expressionmirror.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a program did to the network and the file system, read from an {@code strace -f -y} log:
 * every connect/send and every file or folder it created. For the privacy IT.
 */
final class SyscallTrace {
  /** The calls that reach the network or create a file, a folder or a name. */
  static final List<String> CALLS =
      List.of(
          "connect", "sendto", "sendmsg", "bind", "open", "openat", "creat", "mkdir", "mkdirat",
          "rename", "renameat", "renameat2", "link", "linkat", "symlink", "symlinkat");

  private static final Pattern LINE = Pattern.compile("(\\d+) +(\\w+)\\((.*)\\) += (.*)");
  private static final Pattern UNFINISHED = Pattern.compile("(\\d+) +(.*) <unfinished \\.\\.\\.>");
  private static final Pattern RESUMED = Pattern.compile("(\\d+) +<\\.\\.\\. \\w+ resumed>(.*)");
  private static final Pattern DIRFD = Pattern.compile("(?:AT_FDCWD|\\d+)<([^>]*)>");
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern RETURNED_PATH = Pattern.compile("^\\d+<(/[^>]*)>");
  private static final Pattern UNIX_PATH = Pattern.compile("sun_path=@?\"([^\"]*)\"");

  /** One finished system call: its name, its arguments and what it returned, as strace shows them. */
  record Call(long pid, String name, String args, String result) {
    boolean succeeded() {
      return !result.startsWith("-1");
    }

    /** For an AF_UNIX connect: the socket's path ({@code @} marks Linux's abstract names). */
    Optional<String> unixPath() {
      Matcher m = UNIX_PATH.matcher(args);
      return args.contains("AF_UNIX") && m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    boolean reachesTheNetwork() {
      return args.contains("sin_port=") || args.contains("sin6_port=");
    }

    /** The path this call created, if it is one that creates and it succeeded. */
    Optional<Path> created() {
      if (!succeeded()) {
        return Optional.empty();
      }
      return switch (name) {
        case "open", "openat" -> args.contains("O_CREAT") ? target(0, 0) : Optional.empty();
        case "creat", "mkdir", "mkdirat" -> target(0, 0);
        case "symlinkat" -> target(0, 1);
        case "rename", "link", "symlink", "renameat", "renameat2", "linkat" -> target(1, 1);
        default -> Optional.empty();
      };
    }

    /** The {@code string}-th quoted path, against the {@code dirfd}-th folder argument if relative. */
    private Optional<Path> target(int dirfd, int string) {
      Matcher returned = RETURNED_PATH.matcher(result);
      if (name.startsWith("open") && returned.find()) {
        return Optional.of(Path.of(returned.group(1)));
      }
      List<String> strings = all(STRING, args);
      if (strings.size() <= string) {
        return Optional.empty();
      }
      Path p = Path.of(strings.get(string));
      if (p.isAbsolute()) {
        return Optional.of(p.normalize());
      }
      List<String> dirs = all(DIRFD, args);
      // a relative name with no folder shown: kept relative, so no allowed place matches it
      return Optional.of(dirs.size() > dirfd ? Path.of(dirs.get(dirfd)).resolve(p).normalize() : p);
    }
  }

  private SyscallTrace() {}

  /** {@code strace} in front of a command: follows every thread and child process into {@code log}. */
  static List<String> command(Path log, List<String> program) {
    List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-qq", "-y", "-s", "4096", "-o", log.toString()));
    cmd.add("-e");
    cmd.add("trace=" + String.join(",", CALLS));
    cmd.addAll(program);
    return cmd;
  }

  /** The calls in the log, a call that strace split over two lines (another thread ran) joined. */
  static List<Call> read(Path log) throws IOException {
    List<Call> calls = new ArrayList<>();
    Map<String, String> pending = new HashMap<>();
    for (String line : Files.readAllLines(log)) {
      Matcher unfinished = UNFINISHED.matcher(line);
      Matcher resumed = RESUMED.matcher(line);
      if (unfinished.matches()) {
        pending.put(unfinished.group(1), unfinished.group(2));
        continue;
      }
      if (resumed.matches() && pending.containsKey(resumed.group(1))) {
        line = resumed.group(1) + " " + pending.remove(resumed.group(1)) + resumed.group(2);
      }
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        calls.add(new Call(Long.parseLong(m.group(1)), m.group(2), m.group(3), m.group(4)));
      }
    }
    return calls;
  }

  private static List<String> all(Pattern p, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
