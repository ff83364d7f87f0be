package org.expressionmirror.endpoint.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.expressionmirror.api.Frame;
import org.expressionmirror.api.FrameResult;
import org.expressionmirror.api.StillImageReader;
import org.expressionmirror.platform.opencv.OpenCvRuntime;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code POST /api/expressions} with the bytes of an image: answers its faces and expressions,
 * read by the detector and model selected at that moment. The image goes to the detector and the
 * model only; nothing of a request is stored or logged. Registered on the OSGi HTTP Whiteboard,
 * which Felix HTTP Jetty serves on 127.0.0.1 (the api feature's properties).
 */
@Component(
    service = Servlet.class,
    configurationPid = EndpointConfig.PID,
    property = {
      "osgi.http.whiteboard.servlet.pattern=" + ExpressionServlet.PATH,
      "osgi.http.whiteboard.servlet.name=expression-mirror"
    })
@Designate(ocd = EndpointConfig.class)
public final class ExpressionServlet extends HttpServlet {
  static final String PATH = "/api/expressions";
  private static final long serialVersionUID = 1L;
  private static final String JSON = "application/json";

  private final transient StillImageReader reader;
  private final Limits limits;

  /**
   * @param openCv present once the OpenCV natives are loaded, which decoding needs
   * @throws IllegalArgumentException naming the key and value of a limit out of range
   */
  @Activate
  public ExpressionServlet(
      EndpointConfig config,
      Map<String, Object> properties,
      @Reference StillImageReader reader,
      @Reference OpenCvRuntime openCv) {
    this.limits = Limits.from(config, properties);
    this.reader = reader;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      Frame image = ImageBody.decode(body(request), limits.maxPixels());
      FrameResult result = read(image);
      send(response, 200, ResultJson.result(result, image.width(), image.height()));
    } catch (Rejected e) {
      if (e.status() == 405) {
        response.setHeader("Allow", "POST");
      }
      send(response, e.status(), ResultJson.error(e.getMessage()));
    }
  }

  /** The request's body, once it is known to be a POST from this machine within the limit. */
  private byte[] body(HttpServletRequest request) throws Rejected, IOException {
    if (!"POST".equals(request.getMethod())) {
      throw new Rejected(
          405, request.getMethod() + " is not supported: POST the bytes of a JPEG or PNG image to " + PATH);
    }
    if (!fromThisMachine(request.getRemoteAddr())) {
      throw new Rejected(403, "only requests from this machine are answered");
    }
    checkType(request.getContentType());
    long declared = request.getContentLengthLong();
    if (declared > limits.maxBodyBytes()) {
      throw tooLarge(declared + " bytes");
    }
    // a body sent without its length (chunked) is read up to one byte past the limit
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes((int) limits.maxBodyBytes() + 1);
      if (body.length > limits.maxBodyBytes()) {
        throw tooLarge("more than " + limits.maxBodyBytes() + " bytes");
      }
      return body;
    }
  }

  /** A declared type must be an image or plain bytes; none at all is taken as bytes. */
  private static void checkType(String contentType) throws Rejected {
    if (contentType == null) {
      return;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!type.startsWith("image/") && !type.equals("application/octet-stream")) {
      throw new Rejected(
          415,
          "Content-Type " + type + " is not an image: send the JPEG or PNG bytes as image/jpeg,"
              + " image/png or application/octet-stream");
    }
  }

  private Rejected tooLarge(String size) {
    return new Rejected(
        413,
        "the body is " + size + ", over the limit of " + limits.maxBodyBytes()
            + " bytes (maxBodyMegabytes in " + EndpointConfig.PID + ")");
  }

  /** 503 while no detector or model is registered (start-up, a swap), 500 if one fails. */
  private FrameResult read(Frame image) throws Rejected {
    try {
      return reader.read(image);
    } catch (IllegalStateException e) {
      throw new Rejected(503, "not ready: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new Rejected(500, "reading the image failed: " + e);
    }
  }

  private static boolean fromThisMachine(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void send(HttpServletResponse response, int status, byte[] json) throws IOException {
    response.setStatus(status);
    response.setContentType(JSON);
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }
}
