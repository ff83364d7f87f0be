# train: trains a new expression head on a backbone's features from labelled images, writes it as a model and exits.
# Use: ./mirror train --dataset faces/ [--name NAME] [--folds K] [--detector ID|none] [--out DIR]
include pipeline
bundle commons-math3
bundle org.expressionmirror.training
