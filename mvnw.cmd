@echo off
rem Maven wrapper for Windows: runs the Maven in .mvn\wrapper (see mvnw for why it is in the
rem repository). Needs a JDK 17: JAVA_HOME set, or java and jar on the PATH.
setlocal
set "MVNW_VERSION=3.9.16"
set "MVNW_HERE=%~dp0"
set "MVNW_ZIP=%MVNW_HERE%.mvn\wrapper\apache-maven-%MVNW_VERSION%-bin.zip"
if "%MAVEN_USER_HOME%"=="" set "MAVEN_USER_HOME=%USERPROFILE%\.m2"
set "MVNW_DISTS=%MAVEN_USER_HOME%\wrapper\dists"
set "MVNW_MAVEN=%MVNW_DISTS%\apache-maven-%MVNW_VERSION%"
set "MVNW_JAR=jar"
if not "%JAVA_HOME%"=="" set "MVNW_JAR=%JAVA_HOME%\bin\jar"
if exist "%MVNW_MAVEN%\bin\mvn.cmd" goto run
if not exist "%MVNW_ZIP%" (echo mvnw: %MVNW_ZIP% is missing 1>&2 & exit /b 1)
set /p MVNW_EXPECTED=<"%MVNW_ZIP%.sha256"
set "MVNW_EXPECTED=%MVNW_EXPECTED:~0,64%"
for /f "skip=1 tokens=* delims=" %%h in ('certutil -hashfile "%MVNW_ZIP%" SHA256') do (set "MVNW_ACTUAL=%%h" & goto hashed)
:hashed
set "MVNW_ACTUAL=%MVNW_ACTUAL: =%"
if /i not "%MVNW_ACTUAL%"=="%MVNW_EXPECTED%" (echo mvnw: %MVNW_ZIP%: sha256 %MVNW_ACTUAL%, expected %MVNW_EXPECTED% 1>&2 & exit /b 1)
if not exist "%MVNW_DISTS%" mkdir "%MVNW_DISTS%"
set "MVNW_TMP=%MVNW_DISTS%\.unpack-%RANDOM%"
mkdir "%MVNW_TMP%"
pushd "%MVNW_TMP%"
"%MVNW_JAR%" xf "%MVNW_ZIP%" || (popd & echo mvnw: could not unpack %MVNW_ZIP% 1>&2 & exit /b 1)
popd
move "%MVNW_TMP%\apache-maven-%MVNW_VERSION%" "%MVNW_MAVEN%" >nul
rmdir /s /q "%MVNW_TMP%"
:run
"%MVNW_MAVEN%\bin\mvn.cmd" %*
