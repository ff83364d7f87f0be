// The build failed (invoker.buildResult) for the right reason: bnd's baseline saw the removed
// method as a MAJOR change of package org.expressionmirror.api (against the released 1.2.0),
// whose version was not raised to 2.0.0 (the api's own version may have had minor raises since).
def log = new File(basedir, 'build.log').text
assert log.contains('Baseline problems detected') : 'the baseline did not fail the build'
assert log =~ /\* org\.expressionmirror\.api\s+PACKAGE\s+MAJOR\s+\d+\.\d+\.\d+\s+1\.2\.0\s+2\.0\.0/ : 'no MAJOR mismatch of the package'
assert log =~ /REMOVED\s+METHOD\s+detect\(org\.expressionmirror\.api\.Frame\)/ : 'the report does not name the removed method'
return true
