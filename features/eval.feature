# eval: scores an expression model on a folder of labelled images and exits.
# Use: ./mirror eval --dataset faces/ [--model ID] [--detector ID|none] [--out report.json]
include pipeline
bundle org.expressionmirror.evaluation
