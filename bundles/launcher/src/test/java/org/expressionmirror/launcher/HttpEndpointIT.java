package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The api feature's endpoint, run as a user does ({@code ./mirror --feature api}): it answers a
 * photo with its faces and expressions, refuses a non-image, an oversized body and a GET with one
 * JSON line each, listens on 127.0.0.1 only, and the default program listens on nothing.
 */
class HttpEndpointIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long START_SECONDS = 120;
  /** Not the documented default 8321, so that a user's running endpoint cannot answer instead. */
  private static final int PORT = 18321;

  @TempDir static Path work;

  @BeforeAll
  static void distributionIsBuilt() {
    assertTrue(DistributionRun.built(), "no distribution in " + DistributionRun.DIST);
  }

  @Test
  void answersAPhotoRefusesWhatIsNoImageAndListensOnLoopbackOnly() throws Exception {
    DistributionRun.Started api =
        DistributionRun.start(
            work, Map.of(), "--feature", "api", "-Dorg.osgi.service.http.port=" + PORT);
    try {
      awaitListening(api, PORT);
      HttpClient client = HttpClient.newHttpClient();

      HttpResponse<String> photo =
          post(client, "image/jpeg", Files.readAllBytes(DistributionRun.PHOTOS.resolve("sample1.jpg")));
      assertEquals(200, photo.statusCode(), photo.body());
      JsonNode answer = JSON.readTree(photo.body());
      assertTrue(answer.get("detector").asText().startsWith("blazeface-back@"), photo.body());
      assertTrue(answer.get("model").asText().startsWith("faceapi-expression@"), photo.body());
      JsonNode faces = answer.get("faces");
      assertTrue(faces.size() >= 1, "the photo has faces: " + photo.body());
      for (JsonNode face : faces) {
        assertEquals(4, face.get("box").size(), photo.body());
        double sum = 0;
        String strongest = null;
        for (Map.Entry<String, JsonNode> e : iterable(face.get("expressions"))) {
          sum += e.getValue().asDouble();
          if (strongest == null || e.getValue().asDouble() > face.get("expressions").get(strongest).asDouble()) {
            strongest = e.getKey();
          }
        }
        assertEquals(1.0, sum, 1e-3, photo.body());
        assertEquals(strongest, face.get("top").asText(), photo.body());
      }

      HttpResponse<String> text = post(client, "text/plain", "a face, honestly".getBytes());
      assertEquals(415, text.statusCode(), text.body());
      assertTrue(JSON.readTree(text.body()).get("error").asText().contains("text/plain is not an image"), text.body());

      HttpResponse<String> noImage = post(client, "application/octet-stream", "GIF89a? no.".getBytes());
      assertEquals(415, noImage.statusCode(), noImage.body());
      assertTrue(JSON.readTree(noImage.body()).get("error").asText().contains("not an image"), noImage.body());

      List<String> oversized = answerToDeclaredBody(8 * 1024 * 1024 + 1);
      assertTrue(oversized.get(0).startsWith("HTTP/1.1 413 "), oversized.toString());
      String error = JSON.readTree(oversized.get(oversized.size() - 1)).get("error").asText();
      assertTrue(error.contains("over the limit of 8388608 bytes"), oversized.toString());

      HttpResponse<String> get =
          client.send(HttpRequest.newBuilder(endpoint()).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(405, get.statusCode(), get.body());
      assertEquals("POST", get.headers().firstValue("Allow").orElse(""), get.headers().toString());

      assertEquals(List.of("127.0.0.1:" + PORT), listening(api.process().pid()), "the endpoint's sockets");
      for (InetAddress other : otherAddresses()) {
        assertThrows(
            ConnectException.class,
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(other, PORT), 5000);
              }
            },
            "reachable through " + other);
      }
    } finally {
      api.process().destroy();
      assertTrue(api.process().waitFor(30, TimeUnit.SECONDS), "the api program did not stop on SIGTERM");
    }
  }

  @Test
  void aPortInUseEndsTheStartWithOneLine() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(PORT + 1, 1, java.net.InetAddress.getLoopbackAddress())) {
      DistributionRun.Result r =
          DistributionRun.start(work, Map.of(), "--feature", "api", "-Dorg.osgi.service.http.port=" + (PORT + 1))
              .await(START_SECONDS);
      assertEquals(2, r.exit(), r.err());
      java.util.List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
      assertEquals(1, lines.size(), r.err());
      assertTrue(lines.get(0).startsWith("error: the endpoint's port " + (PORT + 1) + " on 127.0.0.1 is in use"), r.err());
    }
  }

  @Test
  void theDefaultProgramListensOnNothing() throws Exception {
    Path clip = MjpegAvi.minute(DistributionRun.PHOTOS.resolve("sample4.jpg"), work.resolve("minute.avi"));
    Path partial = work.resolve("minute.jsonl.partial");
    // the default feature, windowless, caught while it reads a minute of video at its pace
    DistributionRun.Started mirror =
        DistributionRun.start(
            work,
            Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""),
            "--source", clip.toString(), "--realtime", "--out", work.resolve("minute.jsonl").toString());
    try {
      DistributionRun.awaitRecording(mirror, partial, START_SECONDS);
      assertTrue(mirror.process().isAlive(), "the program is still running");
      assertEquals(List.of(), listening(mirror.process().pid()), "listening sockets of the default program");
      assertFalse(
          Files.readString(mirror.err()).contains("jetty"), "no web server in the default program");
    } finally {
      mirror.process().destroy();
      assertTrue(mirror.process().waitFor(30, TimeUnit.SECONDS), "the program did not stop on SIGTERM");
    }
  }

  private static URI endpoint() {
    return URI.create("http://127.0.0.1:" + PORT + "/api/expressions");
  }

  private static HttpResponse<String> post(HttpClient client, String type, byte[] body)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(endpoint())
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends only the headers of a POST that declares {@code length} bytes and announces its body, as
   * curl does for large ones ("Expect: 100-continue"), then reads the answer's lines (status line
   * first, the JSON body last). The endpoint refuses by the declared length without the body; a
   * client that wrote the body anyway raced that early answer against the closing connection (seen
   * once as a reset), and JDK 17's HttpClient waits forever for a final answer to Expect.
   */
  private static List<String> answerToDeclaredBody(long length) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), PORT)) {
      socket.setSoTimeout(30_000);
      String head = "POST /api/expressions HTTP/1.1\r\nHost: 127.0.0.1:" + PORT
          + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + length
          + "\r\nExpect: 100-continue\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
          socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
      List<String> lines = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
      return lines;
    }
  }

  /** Waits until the program's own process listens on {@code port}. */
  private static void awaitListening(DistributionRun.Started run, int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    while (listening(run.process().pid()).stream().noneMatch(a -> a.endsWith(":" + port))) {
      assertTrue(run.process().isAlive(), "ended by itself: " + Files.readString(run.err()));
      assertTrue(System.nanoTime() < deadline, "not listening on " + port + " in time: " + Files.readString(run.err()));
      Thread.sleep(200);
    }
  }

  /**
   * The TCP addresses the process listens on ({@code a.b.c.d:port}; IPv6 in hex), from its
   * socket descriptors and the kernel's socket tables: what is bound, not what was configured.
   */
  static List<String> listening(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // a descriptor closed while listed is no listening socket
        }
      }
    }
    List<String> found = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6")) {
      List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", table));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        // f[1] local address:port in hex, f[3] state (0A = LISTEN), f[9] inode
        if (f[3].equals("0A") && inodes.contains(f[9])) {
          found.add(address(f[1]));
        }
      }
    }
    Collections.sort(found);
    return found;
  }

  /** {@code 0100007F:1F91} as {@code 127.0.0.1:8081}; an IPv4-mapped IPv6 address likewise. */
  private static String address(String hex) {
    String[] parts = hex.split(":");
    String ip = parts[0];
    int port = Integer.parseInt(parts[1], 16);
    if (ip.length() == 32 && ip.startsWith("0000000000000000FFFF0000")) {
      ip = ip.substring(24); // ::ffff:a.b.c.d
    }
    if (ip.length() == 8) {
      // four bytes in the kernel's (little-endian) order
      return Integer.parseInt(ip.substring(6, 8), 16) + "." + Integer.parseInt(ip.substring(4, 6), 16)
          + "." + Integer.parseInt(ip.substring(2, 4), 16) + "." + Integer.parseInt(ip.substring(0, 2), 16)
          + ":" + port;
    }
    return ip + ":" + port;
  }

  /** This machine's IPv4 addresses other than loopback (none on a machine without a network). */
  private static List<InetAddress> otherAddresses() throws IOException {
    List<InetAddress> found = new ArrayList<>();
    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress a : Collections.list(n.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          found.add(a);
        }
      }
    }
    return found;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
    return object::fields;
  }
}
