; The Windows setup program: `make windows-installer` runs makensis on this
; file with the values below, read from FyneApp.toml, as -D defines.
;
;   VERSION   FyneApp.toml Version, e.g. 0.1.0      BUILD    its Build
;   NAME      the programs' display name             PUBLISHER  who publishes them
;   SRCDIR    folder with chamberdesk.exe and chamberctl.exe
;   ICON      assets/icon.ico                        OUTFILE  the setup .exe to write
;
; It installs for the current user only, so a secretary without an
; administrator password can install and update: into the per-user programs
; folder, with the uninstall entry in HKCU. The data never lives here: it is
; in %AppData%\ChamberDesk (data/paths.go), which the uninstaller leaves alone.

Unicode true
; The programs are 64-bit only, so the setup is too: on a 32-bit Windows it
; stops before copying anything, and it is the same file the Wine check runs.
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all
RequestExecutionLevel user
SetCompressor /SOLID lzma
; makensis warns (9000) of any setup named *setup*.exe, as Windows guesses
; that such a program wants administrator rights and may load compatibility
; shims into it. The manifest's RequestExecutionLevel turns the guess off, and
; "Setup" in the name is what people look for in their downloads.
!pragma warning disable 9000

!macro Need SYMBOL
	!ifndef ${SYMBOL}
		!error "缺少 -D${SYMBOL}：请用 make windows-installer 生成 / missing -D${SYMBOL}: build with make windows-installer"
	!endif
!macroend
!insertmacro Need VERSION
!insertmacro Need BUILD
!insertmacro Need NAME
!insertmacro Need PUBLISHER
!insertmacro Need SRCDIR
!insertmacro Need ICON
!insertmacro Need OUTFILE

!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\ChamberDesk"
!define SHORTCUT "商会工作台.lnk"

!include "MUI2.nsh"
!include "FileFunc.nsh"

Name "${NAME}"
OutFile "${OUTFILE}"
BrandingText "${NAME} ${VERSION}"
InstallDir "$LOCALAPPDATA\Programs\ChamberDesk"
; An update goes where the first install went, even a folder the user chose.
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\chamberdesk.exe"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从这台电脑上卸载 ${NAME}。$\r$\n数据文件（会员、活动、照片和备份，在 %AppData%\ChamberDesk 中）会保留，不会被删除；以后重新安装即可继续使用。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VERSION}.${BUILD}"
VIFileVersion "${VERSION}.${BUILD}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}.${BUILD}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${PUBLISHER}"

Function .onInit
	SetShellVarContext current
FunctionEnd

Function un.onInit
	SetShellVarContext current
FunctionEnd

Section "${NAME}" SecMain
	SectionIn RO
	; The shortcuts start the program in its own folder.
	SetOutPath "$INSTDIR"
	File "${SRCDIR}\chamberdesk.exe"
	File "${SRCDIR}\chamberctl.exe"
	WriteUninstaller "$INSTDIR\uninstall.exe"

	CreateShortcut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\chamberdesk.exe" "" "$INSTDIR\chamberdesk.exe" 0
	CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\chamberdesk.exe" "" "$INSTDIR\chamberdesk.exe" 0

	WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${NAME}"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
	WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\chamberdesk.exe,0"
	WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
	WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
	; 应用和功能 shows the size from this value, in KiB.
	${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
	IntFmt $0 "0x%08X" $0
	WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

; Only what setup put here goes. The folder itself is removed only when empty:
; a "data" folder someone made beside the programs (which switches them to
; portable mode) holds data, and stays with everything in it.
Section "Uninstall"
	Delete "$INSTDIR\chamberdesk.exe"
	Delete "$INSTDIR\chamberctl.exe"
	Delete "$INSTDIR\uninstall.exe"
	RMDir "$INSTDIR"

	Delete "$SMPROGRAMS\${SHORTCUT}"
	Delete "$DESKTOP\${SHORTCUT}"
	DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd
