package org.expressionmirror.pipeline.internal;

import org.expressionmirror.api.ExpressionModel;
import org.expressionmirror.api.FaceDetector;
import org.expressionmirror.api.Smoother;

/** The three components and the settings that process one frame; fixed for the whole frame. */
record Selection(
    Chosen<FaceDetector> detector,
    Chosen<ExpressionModel> model,
    Chosen<Smoother> smoother,
    Settings settings) {}
