# pipeline: capture, both face detectors, the expression models, the smoothers and the engine.
# Native libraries are owned by the platform bundles, which are never updated at run time.
include base
bundle opencv
bundle org.expressionmirror.api
bundle org.expressionmirror.platform.opencv
bundle org.expressionmirror.platform.onnxruntime
bundle org.expressionmirror.platform.ffmpeg
bundle org.expressionmirror.capture.opencv
bundle org.expressionmirror.face.haar
# the two example components of docs/extending.md: detector lbp, smoother median
bundle org.expressionmirror.example.face.lbp
bundle org.expressionmirror.face.blazeface
bundle org.expressionmirror.expression.onnx
bundle org.expressionmirror.expression.ensemble
bundle org.expressionmirror.smoothing
bundle org.expressionmirror.example.smoothing.median
bundle org.expressionmirror.pipeline
bundle org.expressionmirror.record.jsonl
