@echo off
rem microent: the command line of MicroEnt Desk, installed next to microent-desk.exe. Add that folder to
rem the PATH to type `microent` anywhere (README > Command line). It runs the app with --cli: one command,
rem no window, the same arguments, output and exit code as `microent` from a checkout.
rem Delayed expansion off whatever the registry says: a ! in the folder or the arguments is kept as it is.
setlocal DisableDelayedExpansion
rem This folder is read in a called label: started by a quoted name found through the PATH ("microent" list),
rem cmd.exe expands %~dp0 in the main body against the current folder; a CALL resolves the script itself.
call :here
"%here%microent-desk.exe" --cli %*
exit /b %ERRORLEVEL%

:here
set "here=%~dp0"
exit /b 0
