# eval: scores an expression model on a folder of labelled images and exits.
# Use: ./mirror eval --dataset faces/ [--model ID] [--detector ID|none] [--out report.json]
include pipeline
bundle commons-math3
bundle org.expressionmirror.evaluation
