package org.expressionmirror.pipeline.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads a bundle's metatype descriptions (generated from the typed configuration annotations)
 * for the documented type and range of one key. No metatype service is installed, and none is
 * needed for this one look-up on a failure.
 */
final class Metatype {
  private Metatype() {}

  static Optional<ComponentFailure.Attribute> attribute(Bundle bundle, String pid, String key) {
    Enumeration<URL> files = bundle.findEntries("OSGI-INF/metatype", "*.xml", false);
    while (files != null && files.hasMoreElements()) {
      Optional<ComponentFailure.Attribute> found = attribute(files.nextElement(), pid, key);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<ComponentFailure.Attribute> attribute(URL file, String pid, String key) {
    try (InputStream in = file.openStream()) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setExpandEntityReferences(false);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = factory.newDocumentBuilder().parse(in);
      if (!designates(doc, pid)) {
        return Optional.empty();
      }
      NodeList ads = doc.getElementsByTagName("AD");
      for (int i = 0; i < ads.getLength(); i++) {
        Element ad = (Element) ads.item(i);
        if (ad.getAttribute("id").equals(key)) {
          return Optional.of(new ComponentFailure.Attribute(ad.getAttribute("type"), ad.getAttribute("description")));
        }
      }
    } catch (IOException | ParserConfigurationException | SAXException e) {
      // a description that cannot be read only makes the message shorter
    }
    return Optional.empty();
  }

  private static boolean designates(Document doc, String pid) {
    NodeList designates = doc.getElementsByTagName("Designate");
    for (int i = 0; i < designates.getLength(); i++) {
      Element d = (Element) designates.item(i);
      if (pid.equals(d.getAttribute("pid")) || pid.equals(d.getAttribute("factoryPid"))) {
        return true;
      }
    }
    return false;
  }
}
