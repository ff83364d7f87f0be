/**
 * The lab's shell: Apache Felix Gogo on the program's standard input with a {@code mirror:} group
 * of commands. Nothing is exported: the commands are services Gogo finds by their {@code
 * osgi.command.*} properties.
 */
package org.expressionmirror.shell;
