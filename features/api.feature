# api: a local endpoint for other programs, off unless this feature is chosen. POST the bytes of
# a JPEG or PNG image to http://127.0.0.1:8321/api/expressions and get its faces and expressions
# as JSON, read by the detector and model selected in runtime-config/mirror.pipeline.cfg.
# No camera and no window: the program runs until Ctrl-C or SIGTERM.
# Use: ./mirror --feature api [-Dorg.osgi.service.http.port=8321]
include pipeline
bundle org.apache.felix.http.servlet-api
bundle org.apache.felix.http.jetty
bundle org.expressionmirror.endpoint.http
# Jetty listens on the loopback address only: other machines cannot reach it
property org.apache.felix.http.host=127.0.0.1
property org.osgi.service.http.port=8321
property org.apache.felix.http.enable=true
property org.apache.felix.https.enable=false
# no "Server: Jetty(version)" header in the answers
property org.apache.felix.http.jetty.sendServerHeader=false
