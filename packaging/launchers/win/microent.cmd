@echo off
rem microent: the command line of MicroEnt Desk, installed next to microent-desk.exe. Add that folder to
rem the PATH to type `microent` anywhere (README > Command line). It runs the app with --cli: one command,
rem no window, the same arguments, output and exit code as `microent` from a checkout.
"%~dp0microent-desk.exe" --cli %*
exit /b %ERRORLEVEL%
