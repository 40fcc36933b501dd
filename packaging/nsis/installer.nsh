; Included by electron-builder's NSIS script (electron-builder.yml nsis.include).
;
; Installs for the current user only, without the "for me / for everyone" page the assisted installer shows otherwise.
; A notification clicked in Action Center reaches the app through the toast activator CLSID on its Start menu
; shortcut, which the app writes at start (src/main/notifications/windows-toast.ts). It can write only the per-user
; shortcut under %APPDATA%; an all-users install's shortcut under %ProgramData% needs elevation, so its clicks in
; Action Center would do nothing.
!macro customInstallMode
  StrCpy $isForceCurrentInstall "1"
!macroend
