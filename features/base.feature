# base: the OSGi runtime every feature starts with.
# Declarative Services wires the components, Config Admin configures them and FileInstall
# turns the files of the runtime-config folder into configurations while the program runs.
bundle org.osgi.util.function
bundle org.osgi.util.promise
bundle org.osgi.service.component
bundle org.apache.felix.log
bundle org.apache.felix.scr
bundle org.apache.felix.configadmin
bundle org.apache.felix.fileinstall
bundle jackson-core
bundle jackson-annotations
bundle jackson-databind
