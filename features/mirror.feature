# mirror: the default program for one person at a webcam: camera 0 and the window.
# The detector, model and smoother come from runtime-config/mirror.pipeline.cfg.
include pipeline
bundle org.eclipse.swt
bundle org.eclipse.swt.gtk.linux.x86_64
bundle org.expressionmirror.display.swt
property mirror.source=camera:0
