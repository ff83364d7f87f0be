package org.expressionmirror.api;

/** A facial landmark in source pixels (eyes, nose, mouth, ears for BlazeFace). */
public record Keypoint(float x, float y) {}
