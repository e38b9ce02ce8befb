#!/usr/bin/env bash
# Runs our Windows programs under Wine, the same way on every Linux machine.
#
#   scripts/wine.sh prefix [DIR]             prepare a 64-bit Wine prefix in DIR (default bin/wine-prefix)
#   scripts/wine.sh run DIR PROGRAM [ARGS]   run PROGRAM in DIR's prefix and wait until every process
#                                            it started has ended (an NSIS uninstaller, for one, hands
#                                            over to a copy of itself and returns at once)
#
# `prefix` installs Debian's wine64 (8.0) and the rest of the wine group of
# scripts/deps.sh when Wine is missing, then gives the prefix what a Chinese
# office PC has and Wine lacks:
#
#   - bcryptprimitives.dll, built here from scripts/wine/bcryptprimitives.c:
#     every program built with Go 1.22 or later needs its ProcessPrng, and
#     Wine 8.0 has none, so without it chamberctl.exe dies before main;
#   - a Chinese font in C:\Windows\Fonts, so the program's own Windows font
#     lookup (assets/fonts) is what finds it: Debian's WenQuanYi Zen Hei
#     collection under the first name that lookup tries, msyh.ttc (a .ttc like
#     the real 微软雅黑, from which the program takes one face).
#     Dialog fonts (宋体, MS Shell Dlg) are mapped to it, so the setup's
#     Chinese pages show Chinese on screen.
#
# A prefix is made once and reused while Wine, this script, the DLL source and
# the font are unchanged (a stamp file records them); otherwise it is made
# anew. When bin/windows/chamberctl.exe exists, `prefix` ends by running its
# `version` in the prefix: the proof that a Go program starts there.
# Runs that install or leave data work on a copy of the prefix (cp -a), as
# scripts/windows-check.sh does, so the shared one stays as it was made.
#
# Every run is headless and quiet: no display is needed (none is used unless
# DISPLAY is set), Wine's debug output is off, the Mono and Gecko installers
# are not offered, no Linux menu entries are made, and the prefix has its own
# HOME, so Wine links no folder of the real home (a desktop shortcut an
# installer makes stays inside the prefix). File names are UTF-8
# (LC_ALL=C.UTF-8), so Chinese folder names reach the programs intact. A
# CHAMBERDESK_FONT of the Linux session is not passed on: the programs must
# find their font the Windows way.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

die() {
	printf '错误 / error: %s\n' "$*" >&2
	exit 1
}

# wine_bin finds Debian's 64-bit loader: the wine64 package puts it in
# /usr/lib/wine, and only the optional wine package adds commands on PATH.
# WINE names another.
wine_bin() {
	local w
	for w in "${WINE:-}" /usr/lib/wine/wine64 "$(command -v wine64 2>/dev/null || true)" \
		"$(command -v wine 2>/dev/null || true)"; do
		if [ -n "$w" ] && [ -x "$w" ]; then
			echo "$w"
			return 0
		fi
	done
	return 1
}

wineserver_bin() {
	local s
	for s in "${WINESERVER:-}" /usr/lib/wine/wineserver64 /usr/lib/wine/wineserver \
		"$(command -v wineserver 2>/dev/null || true)"; do
		if [ -n "$s" ] && [ -x "$s" ]; then
			echo "$s"
			return 0
		fi
	done
	return 1
}

# in_prefix DIR CMD... runs CMD with the environment every Wine call here uses.
in_prefix() {
	local dir=$1
	shift
	mkdir -p "$dir/.home"
	env -u CHAMBERDESK_FONT WINEPREFIX="$dir" WINEARCH=win64 WINEDEBUG=-all \
		WINEDLLOVERRIDES='mscoree,mshtml=;winemenubuilder.exe=d' \
		HOME="$dir/.home" XDG_CONFIG_HOME="$dir/.home/.config" XDG_DATA_HOME="$dir/.home/.local/share" \
		LC_ALL=C.UTF-8 LANG=C.UTF-8 "$@"
}

abs() {
	mkdir -p "$1"
	(cd "$1" && pwd)
}

ensure_wine() {
	if ! wine_bin >/dev/null || ! wineserver_bin >/dev/null; then
		bash "$root/scripts/deps.sh" wine
	fi
	wine_bin >/dev/null || die "未找到 wine64，请安装 wine64 / wine64 not found: install Debian's wine64"
	command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || bash "$root/scripts/deps.sh" wine
}

# The font the prefix gets; CHAMBERDESK_WINE_FONT names another .ttc or .ttf.
font_src() {
	local f
	for f in "${CHAMBERDESK_WINE_FONT:-}" /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc \
		/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc /usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc; do
		if [ -n "$f" ] && [ -f "$f" ]; then
			echo "$f"
			return 0
		fi
	done
	return 1
}

cmd_prefix() {
	local dir
	dir=$(abs "${1:-$root/bin/wine-prefix}")
	ensure_wine
	local wine font
	wine=$(wine_bin)
	font=$(font_src) || die "未找到文泉驿正黑字体，请安装 fonts-wqy-zenhei / no WenQuanYi Zen Hei font: install fonts-wqy-zenhei"

	local stamp
	stamp="$("$wine" --version 2>/dev/null) $(cat "$root/scripts/wine.sh" "$root/scripts/wine/bcryptprimitives.c" | sha256sum | cut -c1-16) $font $(stat -c %s "$font")"
	if [ -f "$dir/.chamberdesk-stamp" ] && [ "$(cat "$dir/.chamberdesk-stamp")" = "$stamp" ] &&
		[ -f "$dir/drive_c/windows/system32/bcryptprimitives.dll" ]; then
		echo "wine: 前缀已就绪 prefix ready: $dir"
	else
		echo "wine: 新建前缀 creating prefix: $dir"
		rm -rf "$dir"
		mkdir -p "$dir"
		# wineboot needs no display; without one it shows no "updating
		# configuration" window either. Debian's wine64 has no 32-bit half, so
		# wineboot says it cannot start syswow64\rundll32.exe: expected, and
		# only 32-bit programs need that.
		in_prefix "$dir" env -u DISPLAY "$wine" wineboot -i >"$dir/.wineboot.log" 2>&1 ||
			{ cat "$dir/.wineboot.log" >&2; die "wineboot 失败 / wineboot failed"; }
		in_prefix "$dir" "$(wineserver_bin)" -w
		[ -d "$dir/drive_c/windows/system32" ] || die "前缀不完整 / the prefix has no system32: $dir"
		# wineboot links Desktop, Documents and the like to the Unix home; real
		# folders keep what installers put there inside the prefix, and let a
		# copy of the prefix stand on its own.
		local link
		for link in "$dir"/drive_c/users/*/*; do
			if [ -L "$link" ]; then
				rm "$link"
				mkdir "$link"
			fi
		done

		local work
		work=$(mktemp -d)
		# -nostdlib: the DLL needs nothing of a C runtime; no timestamp, so
		# the same source gives the same bytes.
		x86_64-w64-mingw32-gcc -shared -O2 -s -nostdlib -Wl,--entry,DllMain -Wl,--no-insert-timestamp \
			-o "$work/bcryptprimitives.dll" "$root/scripts/wine/bcryptprimitives.c" -ladvapi32 -lkernel32
		cp "$work/bcryptprimitives.dll" "$dir/drive_c/windows/system32/"
		rm -rf "$work"

		cp "$font" "$dir/drive_c/windows/Fonts/msyh.ttc"
		# Dialogs (the setup's pages ask for 宋体) fall back to Wine's own
		# fonts, which have no Chinese: they would show boxes. A Chinese
		# Windows maps them to its Chinese fonts; here they map to the one
		# font the prefix has. regedit reads UTF-16 .reg files.
		{
			printf '\xff\xfe'
			printf '%s\r\n' 'Windows Registry Editor Version 5.00' '' \
				'[HKEY_LOCAL_MACHINE\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes]' \
				'"SimSun"="WenQuanYi Zen Hei"' '"宋体"="WenQuanYi Zen Hei"' \
				'"Microsoft YaHei"="WenQuanYi Zen Hei"' '"微软雅黑"="WenQuanYi Zen Hei"' \
				'"MS Shell Dlg"="WenQuanYi Zen Hei"' '"MS Shell Dlg 2"="WenQuanYi Zen Hei"' '' |
				iconv -f UTF-8 -t UTF-16LE
		} >"$dir/drive_c/chinese-fonts.reg"
		cmd_run "$dir" regedit /S 'C:\chinese-fonts.reg' || die "regedit 失败 / regedit failed"
		rm "$dir/drive_c/chinese-fonts.reg"
		echo "$stamp" >"$dir/.chamberdesk-stamp"
		echo "wine: 前缀完成 prefix made: $dir"
	fi

	local ctl=$root/bin/windows/chamberctl.exe
	if [ -f "$ctl" ]; then
		local out
		out=$(cmd_run "$dir" "$ctl" version 2>&1) || die "chamberctl.exe 在 Wine 中无法运行 / chamberctl.exe does not run under Wine: $out"
		case $out in
		chamberctl\ *) echo "wine: chamberctl.exe version → $out" ;;
		*) die "chamberctl.exe version 输出异常 / unexpected output: $out" ;;
		esac
	else
		echo "wine: 尚无 bin/windows/chamberctl.exe（make windows 生成）/ no bin/windows/chamberctl.exe yet (make windows builds it)"
	fi
}

cmd_run() {
	[ $# -ge 2 ] || die "用法 usage: $0 run DIR PROGRAM [ARGS...]"
	local dir=$1
	shift
	[ -d "$dir/drive_c" ] || die "不是 Wine 前缀 / not a Wine prefix: $dir (run: $0 prefix $dir)"
	dir=$(abs "$dir")
	local wine server rc=0
	wine=$(wine_bin) || die "未找到 wine64 / wine64 not found"
	server=$(wineserver_bin) || die "未找到 wineserver / wineserver not found"
	in_prefix "$dir" "$wine" "$@" || rc=$?
	# Waiting for the server also waits for every process of the prefix, and
	# the server writes the registry to the prefix's .reg files as it ends.
	in_prefix "$dir" "$server" -w
	return $rc
}

case ${1:-} in
prefix) shift && cmd_prefix "$@" ;;
run) shift && cmd_run "$@" ;;
*)
	echo "用法 usage: $0 prefix [DIR] | run DIR PROGRAM [ARGS...]" >&2
	exit 2
	;;
esac
