#!/usr/bin/env bash
# Cross-compiles bin/windows/chamberdesk.exe and chamberctl.exe from Linux.
#
# The program icon (assets/icon.ico) and a version resource carrying
# FyneApp.toml's name, version and build go into each .exe through a .syso
# made by goversioninfo, pinned with the fyne CLI in scripts/fyne-tool.mod (a
# separate module file: the fyne CLI needs a newer Fyne than the program uses,
# and must not raise the program's own). The .syso files are named
# *_windows_amd64.syso so a Linux build never links them, and are removed
# afterwards.
#
#   scripts/windows.sh [OUTDIR]    (default bin/windows)
set -euo pipefail

cd "$(dirname "$0")/.."
out=${1:-bin/windows}
GO=${GO:-go}
CC_WIN=${CC_WIN:-x86_64-w64-mingw32-gcc}

if ! command -v "$CC_WIN" >/dev/null 2>&1; then
	echo "错误 / error: 未找到 $CC_WIN，请安装 gcc-mingw-w64-x86-64 / $CC_WIN not found: install gcc-mingw-w64-x86-64" >&2
	exit 1
fi

toml() { sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*\"\{0,1\}\([^\"]*\)\"\{0,1\}[[:space:]]*$/\1/p" FyneApp.toml | head -n 1; }
version=$(toml Version)
build=$(toml Build)
if ! [[ $build =~ ^[0-9]+$ ]] || ! [[ $version =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)$ ]]; then
	echo "错误 / error: FyneApp.toml 的 Version/Build 无效 / bad Version or Build in FyneApp.toml: '$version' '$build'" >&2
	exit 1
fi
major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]} patch=${BASH_REMATCH[3]}
full="$version.$build"

work=$(mktemp -d)
sysos=()
cleanup() {
	rm -rf "$work"
	if [ ${#sysos[@]} -ne 0 ]; then rm -f "${sysos[@]}"; fi
}
trap cleanup EXIT

# The manifest makes Windows leave scaling to the program (Fyne draws for
# the monitor's DPI itself) instead of stretching a blurry bitmap.
cat >"$work/app.manifest" <<EOF
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="cn.chamberdesk.app" version="$full"/>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">permonitorv2,permonitor</dpiAwareness>
    </windowsSettings>
  </application>
</assembly>
EOF

# resource NAME DESCRIPTION writes cmd/NAME's .syso.
resource() {
	local name=$1 desc=$2
	local syso="cmd/$name/rsrc_windows_amd64.syso"
	cat >"$work/$name.json" <<EOF
{
  "FixedFileInfo": {
    "FileVersion": {"Major": $major, "Minor": $minor, "Patch": $patch, "Build": $build},
    "ProductVersion": {"Major": $major, "Minor": $minor, "Patch": $patch, "Build": $build},
    "FileFlagsMask": "3f", "FileFlags": "00", "FileOS": "040004", "FileType": "01", "FileSubType": "00"
  },
  "StringFileInfo": {
    "ProductName": "商会工作台 ChamberDesk",
    "FileDescription": "$desc",
    "FileVersion": "$full",
    "ProductVersion": "$full",
    "InternalName": "$name",
    "OriginalFilename": "$name.exe",
    "LegalCopyright": ""
  },
  "VarFileInfo": {"Translation": {"LangID": "0804", "CharsetID": "04B0"}}
}
EOF
	sysos+=("$syso")
	"$GO" tool -modfile=scripts/fyne-tool.mod goversioninfo -64 \
		-icon assets/icon.ico -manifest "$work/app.manifest" -o "$syso" "$work/$name.json"
}

resource chamberdesk "商会工作台 ChamberDesk"
resource chamberctl "商会工作台命令行工具 ChamberDesk command line"

mkdir -p "$out"
export GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=$CC_WIN
"$GO" build -tags migrated_fynedo -trimpath -ldflags "-H=windowsgui -s -w" -o "$out/chamberdesk.exe" ./cmd/chamberdesk
# chamberctl is pure Go and a console program.
CGO_ENABLED=0 "$GO" build -trimpath -ldflags "-s -w" -o "$out/chamberctl.exe" ./cmd/chamberctl
ls -l "$out"/*.exe

# What Windows will see: a 64-bit GUI program (no console window) whose
# version resource carries FyneApp.toml's version and build.
desc=$(file -b "$out/chamberdesk.exe")
case $desc in
*PE32+*GUI*x86-64*) echo "chamberdesk.exe: $desc" ;;
*)
	echo "错误 / error: chamberdesk.exe 不是 64 位窗口程序 / not a PE32+ GUI executable: $desc" >&2
	exit 1
	;;
esac
for exe in chamberdesk chamberctl; do
	if ! strings -el "$out/$exe.exe" | grep -qxF "$full"; then
		echo "错误 / error: $exe.exe 的版本信息中没有 $full / version resource lacks $full" >&2
		exit 1
	fi
done
echo "版本信息 version resource: $full"
