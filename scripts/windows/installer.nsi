; Yardstick's per-user installer, built by `make windows` with Debian's makensis from the
; files staged for the zip. Per user so that no administrator rights are needed on a managed
; laptop: it installs under %LOCALAPPDATA%\Programs (where Windows puts per-user programs),
; writes only to HKEY_CURRENT_USER, and adds a Start-menu entry and an uninstaller that
; "Installed apps" lists. Data in %APPDATA%\uk.org.yardstick is never touched by either.
;
; Defined on the command line: VERSION, STAGE (the staged folder), ICON, OUTFILE.

Unicode true
!include "MUI2.nsh"

Name "Yardstick"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Yardstick"
InstallDirRegKey HKCU "Software\Yardstick" "InstallDir"
SetCompressor /SOLID lzma

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Yardstick"
; Offered under "Open with" for .json files, never made their default: most .json files on a
; council laptop are not Yardstick exchange files.
!define PROG_ID "Yardstick.ExchangeFile"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\Yardstick.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "Yardstick"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "Yardstick installer"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "MIT License"

Section "Yardstick"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File /r "${STAGE}\*"
  WriteUninstaller "$INSTDIR\Uninstall Yardstick.exe"
  CreateShortCut "$SMPROGRAMS\Yardstick.lnk" "$INSTDIR\Yardstick.exe"
  WriteRegStr HKCU "Software\Yardstick" "InstallDir" "$INSTDIR"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Yardstick"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\Yardstick.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall Yardstick.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall Yardstick.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  ; "Open with > Import into Yardstick" on a .json file: the CLI imports it into the same
  ; database the app uses, in a console window that stays open to show what happened
  ; (or why not, e.g. an assessment for that period already exists).
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "Yardstick exchange file"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "FriendlyTypeName" "Yardstick exchange file"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\Yardstick.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open" "" "Import into Yardstick"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" \
    '"$SYSDIR\cmd.exe" /k ""$INSTDIR\cli\yardstick.exe" import "%1""'
  WriteRegStr HKCU "Software\Classes\.json\OpenWithProgids" "${PROG_ID}" ""
  ; Tell Explorer the associations changed (SHCNE_ASSOCCHANGED) so "Open with" shows it now.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\Yardstick.lnk"
  ; File by file, never RMDir /r: the folder may have been chosen as one that holds more.
  Delete "$INSTDIR\Yardstick.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\README-Windows.txt"
  Delete "$INSTDIR\LICENCE.txt"
  Delete "$INSTDIR\THIRD-PARTY-LICENCES.txt"
  Delete "$INSTDIR\cli\yardstick.exe"
  RMDir "$INSTDIR\cli"
  Delete "$INSTDIR\Uninstall Yardstick.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Yardstick"
  DeleteRegValue HKCU "Software\Classes\.json\OpenWithProgids" "${PROG_ID}"
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
