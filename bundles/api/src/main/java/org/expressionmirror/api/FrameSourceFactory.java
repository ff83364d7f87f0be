package org.expressionmirror.api;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/** Opens frame sources; registered by the capture bundle. */
@ProviderType
public interface FrameSourceFactory {
  /**
   * Opens a source.
   *
   * @throws IOException with a message naming the source when it is missing or cannot be decoded
   */
  FrameSource open(SourceSpec spec) throws IOException;
}
