package org.expressionmirror.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The local endpoint's port, tried before the framework starts. Jetty reports a port in use only
 * in its own log and the program would then run on without the endpoint it was started for.
 */
final class PortCheck {
  static final String ENABLE = "org.apache.felix.http.enable";
  static final String HOST = "org.apache.felix.http.host";
  static final String PORT = "org.osgi.service.http.port";

  private PortCheck() {}

  /**
   * @param properties the framework properties of the run (the feature's and the command line's)
   * @throws IOException one line naming the property and value, or the address in use
   */
  static void requireFree(Map<String, String> properties) throws IOException {
    if (!Boolean.parseBoolean(properties.get(ENABLE))) {
      return;
    }
    String host = properties.getOrDefault(HOST, "127.0.0.1");
    String value = properties.getOrDefault(PORT, "8080");
    int port;
    try {
      port = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IOException(PORT + " = '" + value + "' is not a port number (1 to 65535)");
    }
    if (port < 1 || port > 65535) {
      throw new IOException(PORT + " = '" + value + "' is not a port number (1 to 65535)");
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(host, port));
    } catch (BindException e) {
      throw new IOException(
          "the endpoint's port "
              + port
              + " on "
              + host
              + " is in use (another program, or another mirror with the api feature): stop it,"
              + " or choose another with -D"
              + PORT
              + "=N");
    }
  }
}
