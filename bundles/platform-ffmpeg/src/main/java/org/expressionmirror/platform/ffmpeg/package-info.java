/**
 * In-process video decoding with FFmpeg: {@link org.expressionmirror.platform.ffmpeg.FfmpegRuntime}
 * loads the FFmpeg natives on first use and opens video files as {@link
 * org.expressionmirror.platform.ffmpeg.VideoDecoder}s that deliver BGR frames. The FFmpeg classes
 * themselves stay inside this bundle.
 */
@Export
@Version("1.2.0")
package org.expressionmirror.platform.ffmpeg;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
