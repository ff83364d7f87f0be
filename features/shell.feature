# shell: the lab's shell, Apache Felix Gogo on standard input, beside the pipeline. Framework
# commands (lb, inspect, help), Declarative Services' (scr:list, scr:info) and the mirror: group
# (status, detectors, models, smoothers, use, compare, exit). Standard input only: no telnet.
# Use: ./mirror --shell (adds this to any feature), or ./mirror --feature shell --source clip.mp4
include pipeline
bundle org.apache.felix.gogo.runtime
bundle org.apache.felix.gogo.command
bundle org.expressionmirror.shell
