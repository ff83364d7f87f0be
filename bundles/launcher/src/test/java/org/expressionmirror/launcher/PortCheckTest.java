package org.expressionmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The endpoint's port, tried with real sockets on the loopback address. */
class PortCheckTest {
  private static Map<String, String> endpoint(String port) {
    return Map.of(PortCheck.ENABLE, "true", PortCheck.HOST, "127.0.0.1", PortCheck.PORT, port);
  }

  @Test
  void aPortInUseIsNamedWithTheWayOut() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      IOException e =
          assertThrows(IOException.class, () -> PortCheck.requireFree(endpoint(String.valueOf(port))));
      assertTrue(e.getMessage().startsWith("the endpoint's port " + port + " on 127.0.0.1 is in use"), e.getMessage());
      assertTrue(e.getMessage().contains("-Dorg.osgi.service.http.port=N"), e.getMessage());
    }
  }

  @Test
  void aFreePortPassesAndIsLeftFree() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertDoesNotThrow(() -> PortCheck.requireFree(endpoint(String.valueOf(port))));
    // the probe let go of it: the endpoint can bind it next
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertEquals(port, again.getLocalPort());
    }
  }

  @Test
  void aValueThatIsNoPortIsNamed() {
    for (String bad : new String[] {"lots", "0", "70000"}) {
      IOException e = assertThrows(IOException.class, () -> PortCheck.requireFree(endpoint(bad)));
      assertEquals("org.osgi.service.http.port = '" + bad + "' is not a port number (1 to 65535)", e.getMessage());
    }
  }

  @Test
  void withoutTheEndpointNothingIsTried() {
    assertDoesNotThrow(() -> PortCheck.requireFree(Map.of(PortCheck.PORT, "lots")));
  }
}
