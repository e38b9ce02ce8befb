#!/usr/bin/env bash
# Proves the Windows setup and the portable zip under Wine, as a secretary
# would use them (make windows-installer-check):
#
#   1. the setup installs silently (/S) for the current user, without admin
#      rights, into %LocalAppData%\Programs\ChamberDesk, with both shortcuts;
#   2. the installed chamberctl.exe prints FyneApp.toml's version, and keeps
#      its data in %AppData%\ChamberDesk (not beside itself);
#   3. the uninstall entry in HKCU carries the right values;
#   4. the uninstaller (/S) removes the programs, shortcuts and entry, and
#      leaves the data folder as it was, with a file planted in it;
#   5. the portable zip, unpacked to E:\商会 资料\2026年 (a USB stick, as
#      Wine's drive E:), runs in portable mode: its data goes to the "data"
#      folder beside it, the AppData file is not touched, and a printed PDF
#      embeds the Chinese font the program found in C:\Windows\Fonts.
#
#   scripts/windows-check.sh VERSION NAME PUBLISHER SETUP.exe PORTABLE.zip
#
# Each run starts from a fresh copy of the prepared prefix (scripts/wine.sh),
# in bin/wine-check, which is removed after a pass and left for a look after
# a failure.
set -euo pipefail

if [ $# -ne 5 ]; then
	echo "用法 usage: $0 VERSION NAME PUBLISHER SETUP.exe PORTABLE.zip" >&2
	exit 2
fi
version=$1 name=$2 publisher=$3
for f in "$4" "$5"; do
	if [ ! -f "$f" ]; then
		echo "make windows-installer-check: 失败 FAILED: 找不到 $f / $f not found (make windows-installer windows-portable)" >&2
		exit 1
	fi
done
setup=$(realpath "$4") zip=$(realpath "$5")
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
prefix=$root/bin/wine-check/prefix
template=$root/bin/wine-prefix

started=$SECONDS
check_name="make windows-installer-check"
check_kept="Wine 前缀保留在 the Wine prefix is kept in: $prefix"
# shellcheck source=scripts/lib/check.sh
. "$root/scripts/lib/check.sh"

step "准备 Wine 前缀 preparing the Wine prefix"
bash scripts/wine.sh prefix "$template"
rm -rf "$root/bin/wine-check"
mkdir -p "$root/bin/wine-check"
cp -a --reflink=auto "$template" "$prefix"

# w PROGRAM ARGS... runs a Windows program in the prefix and waits for it and
# everything it started.
w() { bash scripts/wine.sh run "$prefix" "$@"; }

# The Windows user the prefix was made for, and the folders Windows gives it.
user=$(cd "$prefix/drive_c/users" && for d in *; do [ "$d" != Public ] && [ -d "$d" ] && echo "$d"; done | head -n 1)
[ -n "$user" ] || fail "前缀中没有用户文件夹" "no user folder in the prefix"
home_u=$prefix/drive_c/users/$user
home_w="C:\\users\\$user"
instdir=$home_u/AppData/Local/Programs/ChamberDesk
instdir_w="$home_w\\AppData\\Local\\Programs\\ChamberDesk"
datadir=$home_u/AppData/Roaming/ChamberDesk
startmenu="$home_u/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/商会工作台.lnk"
desktop="$home_u/Desktop/商会工作台.lnk"
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\ChamberDesk'
# The shared prefix is meant to stay as wineboot made it, but if some other
# run left our programs or their data in it, the check still starts clean.
rm -rf "$instdir" "$datadir" "$startmenu" "$desktop"

# ---- 1. install ------------------------------------------------------------
step "静默安装 silent install: $(basename "$setup") /S"
out=$(w "$setup" /S 2>&1) || fail "安装程序出错" "the setup failed" "$out"
for f in chamberdesk.exe chamberctl.exe uninstall.exe; do
	[ -f "$instdir/$f" ] || fail "安装目录中缺少 $f" "$f is not in the install folder" "$instdir"
done
for f in chamberdesk.exe chamberctl.exe; do
	cmp -s "$instdir/$f" "bin/windows/$f" || fail "安装的 $f 与 bin/windows 中的不同" "the installed $f differs from bin/windows/$f"
done
[ ! -e "$instdir/data" ] || fail "安装目录中不应有 data 文件夹（会变成便携模式）" "a data folder in the install folder would switch to portable mode"
ok "程序文件 files in $instdir_w"
for l in "$startmenu" "$desktop"; do
	[ -f "$l" ] || fail "缺少快捷方式" "shortcut missing" "$l"
	strings -el "$l" | grep -qi 'chamberdesk\.exe' || fail "快捷方式没有指向 chamberdesk.exe" "the shortcut does not point at chamberdesk.exe" "$l"
done
ok "开始菜单和桌面快捷方式 Start-menu and desktop shortcuts 商会工作台"

# ---- 2. version and default data folder ------------------------------------
step "已安装的 chamberctl.exe version"
out=$(w "$instdir_w\\chamberctl.exe" version 2>&1) || fail "chamberctl.exe version 出错" "chamberctl.exe version failed" "$out"
case $out in
"chamberctl $version "*) ok "$out" ;;
*) fail "版本号与 FyneApp.toml（$version）不符" "the version is not FyneApp.toml's $version" "$out" ;;
esac

step "已安装的程序使用 %AppData%\\ChamberDesk the installed program uses %AppData%\\ChamberDesk"
out=$(w "$instdir_w\\chamberctl.exe" demo 2>&1) || fail "chamberctl.exe demo 出错" "chamberctl.exe demo failed" "$out"
[ -f "$datadir/chamberdesk.db" ] || fail "数据文件不在 %AppData%\\ChamberDesk" "the database is not in %AppData%\\ChamberDesk" "$(find "$home_u" -name chamberdesk.db)"
[ ! -e "$instdir/data" ] || fail "安装版把数据写进了程序文件夹" "the installed program wrote data into its own folder"
printf '卸载时必须保留 must survive the uninstaller\r\n' >"$datadir/保留 keep.txt"
data_sum=$(cd "$datadir" && sha256sum chamberdesk.db "保留 keep.txt")
ok "chamberdesk.db 及预置文件 and a planted file in %AppData%\\ChamberDesk"

# ---- 3. uninstall entry ----------------------------------------------------
step "注册表卸载项 uninstall entry $key"
out=$(w reg export "$key" 'C:\uninstall-entry.reg' /y 2>&1) || fail "找不到卸载项" "no uninstall entry" "$out"
reg=$(iconv -f UTF-16 -t UTF-8 "$prefix/drive_c/uninstall-entry.reg" | tr -d '\r')
# regval NAME prints a value as the .reg file writes it: "text" or dword:hex.
regval() { printf '%s\n' "$reg" | sed -n "s/^\"$1\"=//p"; }
winstr() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }
expect() {
	local got
	got=$(regval "$1")
	[ "$got" = "$2" ] || fail "卸载项 $1 不对" "uninstall entry $1 is wrong" "得到 got:  $got
应为 want: $2"
}
expect DisplayName "$(winstr "$name")"
expect DisplayVersion "$(winstr "$version")"
expect Publisher "$(winstr "$publisher")"
expect DisplayIcon "$(winstr "$instdir_w\\chamberdesk.exe,0")"
expect UninstallString "$(winstr "\"$instdir_w\\uninstall.exe\"")"
expect QuietUninstallString "$(winstr "\"$instdir_w\\uninstall.exe\" /S")"
size=$(regval EstimatedSize)
[[ $size =~ ^dword:([0-9a-f]{8})$ ]] || fail "卸载项 EstimatedSize 不是 DWORD" "EstimatedSize is not a DWORD" "$size"
kib=$((16#${BASH_REMATCH[1]}))
want_kib=$((($(stat -c %s bin/windows/chamberdesk.exe) + $(stat -c %s bin/windows/chamberctl.exe)) / 1024))
[ "$kib" -ge "$want_kib" ] || fail "EstimatedSize 太小" "EstimatedSize is too small" "$kib KiB < $want_kib KiB"
ok "DisplayName=$name DisplayVersion=$version Publisher=$publisher EstimatedSize=${kib} KiB"

# ---- 4. uninstall ----------------------------------------------------------
step "静默卸载 silent uninstall: uninstall.exe /S"
# The uninstaller copies itself to %TEMP% and returns at once; the run waits
# for the copy as well (scripts/wine.sh run waits for the whole prefix).
out=$(w "$instdir_w\\uninstall.exe" /S 2>&1) || fail "卸载程序出错" "the uninstaller failed" "$out"
[ ! -e "$instdir" ] || fail "卸载后程序文件夹仍在" "the program folder is still there after uninstalling" "$(ls -la "$instdir")"
[ ! -e "$startmenu" ] && [ ! -e "$desktop" ] || fail "卸载后快捷方式仍在" "a shortcut is still there after uninstalling"
if w reg query "$key" >/dev/null 2>&1; then fail "卸载后卸载项仍在" "the uninstall entry is still there"; fi
got=$(cd "$datadir" 2>/dev/null && sha256sum chamberdesk.db "保留 keep.txt" 2>&1) || true
[ "$got" = "$data_sum" ] || fail "卸载删除或改动了用户数据" "the uninstaller removed or changed the user's data" "$got"
ok "程序、快捷方式和卸载项已删除 programs, shortcuts and entry gone; %AppData%\\ChamberDesk 原样保留 kept as it was"

# ---- 5. portable zip on drive E: -------------------------------------------
usb=$root/bin/wine-check/usb
folder="商会 资料/2026年"
folder_w='E:\商会 资料\2026年'
step "便携版 portable zip in $folder_w"
mkdir -p "$usb/$folder"
ln -sfn "$usb" "$prefix/dosdevices/e:"
LC_ALL=C.UTF-8 unzip -q "$zip" -d "$usb/$folder" || fail "无法解压便携版" "cannot unzip the portable zip" "$zip"
app=$usb/$folder/ChamberDesk
app_w="$folder_w\\ChamberDesk"
for f in chamberdesk.exe chamberctl.exe 使用说明.txt; do
	[ -f "$app/$f" ] || fail "便携版中缺少 $f" "$f is missing from the portable zip"
done
[ -d "$app/data" ] && [ -z "$(ls -A "$app/data")" ] || fail "便携版中应有空的 data 文件夹" "the portable zip needs an empty data folder"
[ "$(head -c 3 "$app/使用说明.txt" | od -An -tx1 | tr -d ' ')" = efbbbf ] ||
	fail "使用说明.txt 缺少 UTF-8 BOM" "使用说明.txt has no UTF-8 byte-order mark"
lines=$(wc -l <"$app/使用说明.txt")
if [ "$lines" -eq 0 ] || [ "$(grep -c $'\r$' "$app/使用说明.txt")" -ne "$lines" ]; then
	fail "使用说明.txt 应使用 CRLF 换行" "使用说明.txt must have CRLF line ends"
fi
ok "ChamberDesk\\{chamberdesk.exe, chamberctl.exe, data\\, 使用说明.txt (UTF-8 BOM, CRLF)}"

out=$(w "$app_w\\chamberctl.exe" demo 2>&1) ||
	fail "便携版 chamberctl.exe demo 出错（未进入便携模式时会因 %AppData% 中已有数据而拒绝）" \
		"portable chamberctl.exe demo failed (outside portable mode it refuses: %AppData% has data)" "$out"
[ -f "$app/data/chamberdesk.db" ] || fail "数据文件没有写进便携版的 data 文件夹" "the database is not in the portable data folder" "$(ls -la "$app/data")"
got=$(cd "$datadir" && sha256sum chamberdesk.db "保留 keep.txt")
[ "$got" = "$data_sum" ] || fail "便携版改动了 %AppData% 中的数据" "the portable run changed the data in %AppData%"
out=$(w "$app_w\\chamberctl.exe" check 2>&1) || fail "便携版数据文件检查未通过" "chamberctl check failed on the portable file" "$out"
ok "$app_w\\data\\chamberdesk.db（便携模式 portable mode），check: $out"

out=$(w "$app_w\\chamberctl.exe" activities list --json 2>&1) || fail "activities list 出错" "activities list failed" "$out"
id=$(printf '%s' "$out" | grep -o '"id": *[0-9]*' | head -n 1 | grep -o '[0-9]*$') ||
	fail "演示数据中没有活动" "no activity in the demo data" "$out"
out=$(w "$app_w\\chamberctl.exe" print activity --id "$id" --out "$folder_w\\活动简报.pdf" 2>&1) ||
	fail "打印活动简报出错" "printing an activity failed" "$out"
pdf=$usb/$folder/活动简报.pdf
[ "$(head -c 5 "$pdf" 2>/dev/null)" = "%PDF-" ] || fail "没有生成 PDF" "no PDF written" "$out"
# On Windows the program looks for its font only in C:\Windows\Fonts and
# prints nothing without one, so a PDF with an embedded TrueType subset shows
# that the lookup found msyh.ttc there and took a face out of the collection.
if command -v pdffonts >/dev/null 2>&1; then
	fonts=$(pdffonts "$pdf" 2>&1)
	grep -q 'CID TrueType .* yes \+yes' <<<"$fonts" ||
		fail "PDF 没有嵌入中文 TrueType 字体" "the PDF embeds no Chinese TrueType font" "$fonts"
	ok "活动简报.pdf 嵌入了 C:\\Windows\\Fonts\\msyh.ttc 中的字体 embeds the font from C:\\Windows\\Fonts\\msyh.ttc"
else
	ok "活动简报.pdf（未装 pdffonts，未检查字体 no pdffonts: font not checked）"
fi

rm -rf "$root/bin/wine-check"
echo "make windows-installer-check: 全部通过 all passed ($name $version: 安装 install, 快捷方式 shortcuts, 版本 version, 卸载项 uninstall entry, 卸载保留数据 uninstall keeps data, 便携模式 portable mode in $folder_w, 中文字体 Chinese font; $((SECONDS - started)) s)"
