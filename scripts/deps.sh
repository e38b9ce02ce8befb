#!/usr/bin/env bash
# Installs the system packages ChamberDesk needs, and only those that are missing.
#
#   scripts/deps.sh build   C compiler and X11/OpenGL headers for the Fyne (cgo) GUI
#   scripts/deps.sh run     build + a Chinese font
#   scripts/deps.sh test    build + sqlite3, Chinese font, Xvfb, openpyxl, poppler,
#                           LibreOffice Writer, unzip: every program a test reads outputs back with
#   scripts/deps.sh bench-gui build + Chinese font, Xvfb, xdotool, ImageMagick: make bench-gui
#   scripts/deps.sh windows build + the mingw-w64 cross compiler for the Windows .exe
#   scripts/deps.sh wine    Wine, NSIS and what the Windows installer check and smoke test read back with
#
# On Debian/Ubuntu it uses apt-get (through sudo when not root). Elsewhere it
# prints what to install and goes on only if the tools already seem present.
set -euo pipefail

group=${1:-}

build_pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev)
font_pkgs=(fonts-wqy-zenhei)
windows_pkgs=(gcc-mingw-w64-x86-64 file binutils)
# Debian's wine64 alone (no wine32): our programs and installer are 64-bit.
wine_pkgs=(wine64 nsis gcc-mingw-w64-x86-64 xvfb fonts-wqy-zenhei unzip poppler-utils file binutils
	xdotool x11-utils imagemagick sqlite3 python3-openpyxl)
bench_gui_pkgs=(fonts-wqy-zenhei xvfb xdotool imagemagick)
test_pkgs=(sqlite3 fonts-wqy-zenhei xvfb python3-openpyxl poppler-utils libreoffice-writer-nogui unzip)

case "$group" in
build) want=("${build_pkgs[@]}") ;;
run) want=("${build_pkgs[@]}" "${font_pkgs[@]}") ;;
test) want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
bench-gui) want=("${build_pkgs[@]}" "${bench_gui_pkgs[@]}") ;;
windows) want=("${build_pkgs[@]}" "${windows_pkgs[@]}") ;;
wine) want=("${wine_pkgs[@]}") ;;
*)
	echo "用法 usage: $0 build|run|test|bench-gui|windows|wine" >&2
	exit 2
	;;
esac

say() { printf 'deps(%s): %s\n' "$group" "$*"; }

# ---- Debian / Ubuntu -------------------------------------------------------

installed() {
	dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'
}

# Debian's python3-openpyxl serves /usr/bin/python3 only; a python3 from
# pyenv, conda or a venv earlier on PATH does not see it.
openpyxl_note() {
	[ "$group" = test ] || return 0
	python3 -c 'import openpyxl' >/dev/null 2>&1 && return 0
	echo "提示：PATH 中的 python3 无法导入 openpyxl，请用 /usr/bin/python3。" >&2
	echo "note: the python3 on PATH cannot import openpyxl; use /usr/bin/python3." >&2
}

if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
	missing=()
	for p in "${want[@]}"; do
		installed "$p" || missing+=("$p")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		say "系统软件包已齐全 all system packages present"
		openpyxl_note
		exit 0
	fi

	as_root=()
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then
			as_root=(sudo)
		else
			echo "需要 root 权限安装：${missing[*]}" >&2
			echo "root is needed to install: ${missing[*]} (run as root or install sudo)" >&2
			exit 1
		fi
	fi

	say "安装 installing: ${missing[*]}"
	"${as_root[@]}" apt-get update
	"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y --no-install-recommends "${missing[@]}"
	say "完成 done"
	openpyxl_note
	exit 0
fi

# ---- Other systems ----------------------------------------------------------

cat >&2 <<EOF
未找到 apt-get：请用本系统的包管理器安装以下软件包（名称因发行版而异）。
No apt-get found: install these with your system's package manager (names differ by distribution).

  Debian/Ubuntu 名称 names: ${want[*]}

  Fedora:  sudo dnf install gcc pkgconf-pkg-config mesa-libGL-devel libXcursor-devel \\
             libXrandr-devel libXinerama-devel libXi-devel libXxf86vm-devel
           (run/test) wqy-zenhei-fonts
           (test)     sqlite xorg-x11-server-Xvfb python3-openpyxl poppler-utils libreoffice-writer unzip
           (windows)  mingw64-gcc
           (wine)     wine mingw32-nsis mingw64-gcc xorg-x11-server-Xvfb wqy-zenhei-fonts unzip poppler-utils

  Arch:    sudo pacman -S gcc pkgconf mesa libx11 libxcursor libxrandr libxinerama \\
             libxi libxxf86vm xorg-server-devel
           (run/test) wqy-zenhei
           (test)     sqlite xorg-server-xvfb python-openpyxl poppler libreoffice-fresh unzip
           (windows)  mingw-w64-gcc
           (wine)     wine nsis (AUR) mingw-w64-gcc xorg-server-xvfb wqy-zenhei unzip poppler

EOF

# Check what the build and tests actually use, so a system that already has
# everything goes on.
problems=()
have() { command -v "$1" >/dev/null 2>&1 || problems+=("$2"); }

have gcc "gcc (C 编译器 C compiler)"
have pkg-config "pkg-config"
if command -v pkg-config >/dev/null 2>&1; then
	for m in gl x11 xcursor xrandr xinerama xi xxf86vm; do
		pkg-config --exists "$m" || problems+=("$m 开发文件 development files")
	done
fi

chinese_font() {
	command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh-cn family 2>/dev/null | head -n 1)" ]
}

case "$group" in
windows)
	have x86_64-w64-mingw32-gcc "mingw-w64 (x86_64-w64-mingw32-gcc)"
	;;
bench-gui)
	have Xvfb "Xvfb"
	have xdotool "xdotool"
	have import "ImageMagick (import)"
	chinese_font || problems+=("中文字体 Chinese font (WenQuanYi Zen Hei)")
	;;
wine)
	command -v wine64 >/dev/null 2>&1 || command -v wine >/dev/null 2>&1 || problems+=("Wine (wine64)")
	have makensis "NSIS (makensis)"
	have x86_64-w64-mingw32-gcc "mingw-w64 (x86_64-w64-mingw32-gcc)"
	have unzip "unzip"
	;;
run)
	if ! chinese_font; then
		echo "提示：未找到中文字体，程序仍可启动，但中文可能显示不正常。" >&2
		echo "note: no Chinese font found; the program starts, but Chinese text may not show well." >&2
	fi
	;;
test)
	have sqlite3 "sqlite3"
	have Xvfb "Xvfb"
	have pdftotext "poppler (pdftotext)"
	have pdffonts "poppler (pdffonts)"
	have soffice "LibreOffice Writer (soffice)"
	have unzip "unzip"
	if ! python3 -c 'import openpyxl' >/dev/null 2>&1; then
		problems+=("python3 openpyxl")
	fi
	chinese_font || problems+=("中文字体 Chinese font (WenQuanYi Micro Hei)")
	;;
esac

if [ ${#problems[@]} -ne 0 ]; then
	echo "缺少 missing:" >&2
	printf '  - %s\n' "${problems[@]}" >&2
	exit 1
fi
say "所需工具似乎都已就绪，继续 the needed tools seem present, going on"
