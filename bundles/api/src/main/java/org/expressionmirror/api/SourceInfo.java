package org.expressionmirror.api;

/**
 * What an open source is.
 *
 * @param description human-readable name such as {@code camera 0} or a file name
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param fps nominal frames per second, 0 when unknown (image folders)
 * @param live whether frames may be dropped to keep latency low (camera or real-time file)
 */
public record SourceInfo(String description, int width, int height, double fps, boolean live) {}
