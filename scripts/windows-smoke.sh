#!/usr/bin/env bash
# Smoke test of the Windows programs under Wine, as a secretary would use them
# (make windows-smoke), everything in C:\Users\<user>\商会 资料\2026年, a folder
# with Chinese characters and a space:
#
#   1. chamberctl.exe demo makes the demo data file there;
#   2. chamberdesk.exe --db opens it on an Xvfb screen: the window's title
#      (_NET_WM_NAME, UTF-8) is Chinese, and a screenshot shows a drawn
#      window with Chinese glyphs, not the marks Fyne draws for a glyph its
#      font lacks (scripts/windows-smoke-glyphs.py);
#   3. chamberctl.exe imports a messy roster (the program's own template,
#      filled in here with odd dates, full-width spaces and a phone typed as
#      a number), writes the annual summary, prints an activity, packages a
#      case and aggregates the package; each output is read back on the
#      Linux side (sqlite3, openpyxl, pdftotext, unzip -t), and every path
#      the programs print is a Windows path (backslashes).
#
#   scripts/windows-smoke.sh [chamberctl.exe chamberdesk.exe]
#
# Each run starts from a fresh copy of the prepared prefix (scripts/wine.sh)
# in bin/wine-smoke/prefix, removed after a pass and kept after a failure;
# the screenshot bin/wine-smoke/screen.png is kept either way.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
ctl=$(realpath "${1:-bin/windows/chamberctl.exe}")
desk=$(realpath "${2:-bin/windows/chamberdesk.exe}")
out_dir=$root/bin/wine-smoke
prefix=$out_dir/prefix
template=$root/bin/wine-prefix
py=/usr/bin/python3 # Debian's python3-openpyxl serves this python only

started=$SECONDS
check_name="make windows-smoke"
check_kept="Wine 前缀与截图保留在 the Wine prefix and screenshot are kept in: $out_dir"
# shellcheck source=scripts/lib/check.sh
. "$root/scripts/lib/check.sh"

for f in "$ctl" "$desk"; do
	[ -f "$f" ] || fail "找不到 $f" "$f not found (make windows)"
done
for t in Xvfb xdotool xprop import convert sqlite3 pdftotext unzip; do
	command -v "$t" >/dev/null 2>&1 || fail "缺少 $t（scripts/deps.sh wine）" "$t is missing (scripts/deps.sh wine)"
done
"$py" -c 'import openpyxl' 2>/dev/null || fail "缺少 openpyxl（scripts/deps.sh test）" "python3-openpyxl is missing"

step "准备 Wine 前缀 preparing the Wine prefix"
bash scripts/wine.sh prefix "$template"
rm -rf "$out_dir"
mkdir -p "$out_dir"
cp -a --reflink=auto "$template" "$prefix"

w() { bash scripts/wine.sh run "$prefix" "$@"; }
wineserver=$(for s in "${WINESERVER:-}" /usr/lib/wine/wineserver64 /usr/lib/wine/wineserver "$(command -v wineserver || true)"; do
	[ -n "$s" ] && [ -x "$s" ] && echo "$s" && break
done)

user=$(cd "$prefix/drive_c/users" && for d in *; do [ "$d" != Public ] && [ -d "$d" ] && echo "$d"; done | head -n 1)
[ -n "$user" ] || fail "前缀中没有用户文件夹" "no user folder in the prefix"
work=$prefix/drive_c/users/$user/商会\ 资料/2026年
work_w="C:\\Users\\$user\\商会 资料\\2026年"
mkdir -p "$work"
db=$work/chamberdesk.db
db_w="$work_w\\chamberdesk.db"
ctlw() { w "$ctl" --db "$db_w" "$@"; }
# winpath TEXT fails unless every path of the work folder in TEXT is written
# the Windows way.
winpath() {
	grep -q "$(printf '%s' "$work_w" | sed 's/\\/\\\\/g')" <<<"$1" ||
		fail "输出中没有 Windows 路径 $work_w" "the output names no Windows path under $work_w" "$1"
	if grep -q '2026年/\|资料/' <<<"$1"; then
		fail "输出中的路径用了 /" "a path in the output uses /" "$1"
	fi
}

# ---- 1. demo ---------------------------------------------------------------
step "演示数据 demo data in $work_w"
out=$(ctlw demo 2>&1) || fail "chamberctl.exe demo 出错" "chamberctl.exe demo failed" "$out"
[ -f "$db" ] || fail "数据文件没有写进 $work_w" "no database in $work_w" "$out"
members0=$(sqlite3 "file:$db?mode=ro" 'SELECT count(*) FROM members') ||
	fail "sqlite3 读不了数据文件" "sqlite3 cannot read the database"
[ "$members0" -gt 0 ] || fail "演示数据没有会员" "the demo data has no members"
ok "chamberdesk.db：$members0 名会员 members"

# ---- 2. the window ---------------------------------------------------------
step "图形界面 chamberdesk.exe --db \"$db_w\" on Xvfb"
disp=""
for n in $(seq 90 120); do
	if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then disp=:$n && break; fi
done
[ -n "$disp" ] || fail "没有空闲的 X 显示号" "no free X display number"
Xvfb "$disp" -screen 0 1280x800x24 -nolisten tcp >"$out_dir/xvfb.log" 2>&1 &
xvfb=$!
gui=""
cleanup() {
	if [ -n "$gui" ]; then
		WINEPREFIX=$prefix "$wineserver" -k 2>/dev/null || true
		wait "$gui" 2>/dev/null || true
	fi
	kill "$xvfb" 2>/dev/null || true
	wait "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do
	DISPLAY=$disp xprop -root >/dev/null 2>&1 && break
	sleep 0.2
done
DISPLAY=$disp w "$desk" --db "$db_w" >"$out_dir/chamberdesk.log" 2>&1 &
gui=$!
win=""
for _ in $(seq 120); do
	win=$(DISPLAY=$disp xdotool search --onlyvisible --name '商会' 2>/dev/null | head -n 1) || true
	[ -n "$win" ] && break
	kill -0 "$gui" 2>/dev/null || fail "chamberdesk.exe 没有打开窗口就退出了" "chamberdesk.exe ended without a window" "$(cat "$out_dir/chamberdesk.log")"
	sleep 0.5
done
[ -n "$win" ] || fail "60 秒内没有出现标题含“商会”的窗口" "no window titled 商会… within 60 s" "$(cat "$out_dir/chamberdesk.log")"
title=$(DISPLAY=$disp xprop -id "$win" -notype _NET_WM_NAME | sed -n 's/^_NET_WM_NAME = "\(.*\)"$/\1/p')
[ "$title" = 商会工作台 ] || [[ $title == *商会工作台* ]] ||
	fail "窗口标题不是中文“商会工作台”" "the window title is not 商会工作台" "$(DISPLAY=$disp xprop -id "$win" _NET_WM_NAME WM_NAME)"
ok "窗口 window $win，_NET_WM_NAME = $title"
# Fyne draws the first frame a moment after mapping the window; the demo's
# home screen needs a few seconds more under Wine's software GL.
sleep 8
shot=$out_dir/screen.png
DISPLAY=$disp import -window root "$shot" || fail "截图失败" "the screenshot failed"
geom=$(DISPLAY=$disp xdotool getwindowgeometry --shell "$win")
eval "$geom" # WINDOW X Y WIDTH HEIGHT SCREEN
colours=$(convert "$shot" -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage -format %k info:)
[ "$colours" -ge 64 ] || fail "截图几乎是空白（只有 $colours 种颜色）" "the screenshot is nearly blank ($colours colours)" "$shot"
ok "截图 screenshot $shot：窗口 ${WIDTH}x${HEIGHT}，$colours 种颜色 colours"

# Glyphs, not missing-glyph marks: Fyne draws a character its font lacks as
# a filled diamond (U+FFFD), and a row of them merges into one dark band;
# Chinese characters are thin strokes. windows-smoke-glyphs.py measures how
# much of the window's text-sized ink is in dense shapes (0.29 here with the
# prefix's font, 0.89 without it) and fails above 0.6; see its comment.
glyphs=$("$py" "$root/scripts/windows-smoke-glyphs.py" "$shot" "$X" "$Y" "$WIDTH" "$HEIGHT") ||
	fail "截图中没有看到中文字形（可能显示为方框）" "no Chinese glyphs in the screenshot (boxes?)" "$glyphs"
ok "中文字形 Chinese glyphs: $glyphs"
WINEPREFIX=$prefix "$wineserver" -k 2>/dev/null || true
wait "$gui" 2>/dev/null || true
gui=""

# ---- 3. chamberctl in the folder -------------------------------------------
step "乱七八糟的名册 a messy roster: members template + openpyxl"
out=$(ctlw members template --out "$work_w\\名册 模板.xlsx" 2>&1) || fail "members template 出错" "members template failed" "$out"
roster="$work/2026年 会员名册（整理中）.xlsx"
"$py" - "$work/名册 模板.xlsx" "$roster" <<'EOF' || fail "无法填写名册" "cannot fill in the roster"
import datetime, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["会员名册"]
head = [c.value for c in ws[2]]
col = {h: i for i, h in enumerate(head) if h}
for need in ("姓名", "联系电话", "入会日期"):
    if need not in col:
        sys.exit("template header lacks %s: %r" % (need, head))
rows = [
    # full-width spaces around the name, a phone typed as a number (a float
    # to openpyxl's reader, "13912345678.0" to a careless one), a date as
    # Chinese text
    {"姓名": "\u3000韩梅梅 ", "联系电话": 13912345678, "入会日期": "2019年7月1日"},
    # an Excel date serial, a phone in full-width digits
    {"姓名": "欧阳晓\u3000", "联系电话": "１３７００００１１１１", "入会日期": 44260},
    # a real date cell, a name with a line break after it
    {"姓名": "司马青\n", "联系电话": "13600002222", "入会日期": datetime.datetime(2020, 12, 31)},
]
for r in rows:
    line = [None] * len(head)
    for k, v in r.items():
        line[col[k]] = v
    ws.append(line)
ws.append([None] * len(head))
ws.append(["合计", "3 人"])
wb.save(sys.argv[2])
EOF
roster_w="$work_w\\2026年 会员名册（整理中）.xlsx"
out=$(ctlw members import "$roster_w" 2>&1) || fail "members import 出错" "members import failed" "$out"
grep -q '新增 3' <<<"$out" || fail "导入没有新增 3 名会员" "the import did not add 3 members" "$out"
q() { sqlite3 "file:$db?mode=ro" "$1"; }
got=$(q "SELECT name || '|' || join_date || '|' || phone FROM members WHERE name IN ('韩梅梅','欧阳晓','司马青')" | sort)
want=$(printf '%s\n' '司马青|2020-12-31|13600002222' '欧阳晓|2021-03-05|13700001111' '韩梅梅|2019-07-01|13912345678' | sort)
if [ "$got" != "$want" ]; then
	fail "导入的会员与名册不符" "the imported members differ from the roster" "得到 got:
$got
应为 want:
$want"
fi
ok "导入 import: $(grep -o '新增[^/]*' <<<"$out" | head -n 1)；sqlite3 读回 read back: $(tr '\n' ' ' <<<"$got")"

year=$(q "SELECT substr(max(date),1,4) FROM activities")
[[ $year =~ ^20[0-9][0-9]$ ]] || fail "演示数据中没有活动年份" "no activity year in the demo data" "$year"
step "年度工作簿 summary --year $year"
out=$(ctlw summary --year "$year" --out "$work_w\\$year 年度汇总.xlsx" 2>&1) || fail "summary 出错" "summary failed" "$out"
winpath "$out"
got=$("$py" - "$work/$year 年度汇总.xlsx" <<'EOF' 2>&1
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
cells = set()
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        cells.update(str(v) for v in row if v is not None)
# the phone typed as a number must come out as the masked phone, not as
# 1.39e10 or 13912345678.0
missing = [n for n in ("韩梅梅", "司马青", "欧阳晓", "139****5678") if n not in cells]
if missing or len(wb.sheetnames) < 2:
    sys.exit("sheets %s, missing %s" % (wb.sheetnames, missing))
print("、".join(wb.sheetnames))
EOF
) || fail "年度工作簿内容不对" "the summary workbook is wrong" "$got"
ok "$year 年度汇总.xlsx：$got"

step "打印活动简报 print activity"
read -r aid atitle < <(q "SELECT id, title FROM activities ORDER BY date, id LIMIT 1" | tr '|' ' ')
out=$(ctlw print activity --id "$aid" --out "$work_w\\活动 简报.pdf" 2>&1) || fail "print activity 出错" "print activity failed" "$out"
winpath "$out"
txt=$(pdftotext -enc UTF-8 "$work/活动 简报.pdf" - 2>&1) || fail "pdftotext 读不了 PDF" "pdftotext cannot read the PDF" "$txt"
grep -qF "${atitle%% *}" <<<"$(tr -d ' \n' <<<"$txt")" || fail "PDF 中没有活动标题" "the PDF lacks the activity title" "$atitle"
ok "活动 简报.pdf：「$atitle」"

step "申报材料包 case package"
cid=$(q "SELECT id FROM cases ORDER BY id LIMIT 1")
[ -n "$cid" ] || fail "演示数据中没有案例" "no case in the demo data"
mkdir -p "$work/材料 包"
out=$(ctlw case package --id "$cid" --out "$work_w\\材料 包" 2>&1) || fail "case package 出错" "case package failed" "$out"
winpath "$out"
zip=$(find "$work/材料 包" -name '*.zip' | head -n 1)
[ -n "$zip" ] || fail "没有生成材料包" "no package written" "$out"
t=$(unzip -t "$zip" 2>&1) || fail "材料包损坏" "the package zip is damaged" "$t"
ok "$(basename "$zip")：$(tail -n 1 <<<"$t")"

step "汇总材料包 aggregate"
zip_w="$work_w\\材料 包\\$(basename "$zip")"
out=$(ctlw aggregate --out "$work_w\\汇总 表.xlsx" "$zip_w" 2>&1) || fail "aggregate 出错" "aggregate failed" "$out"
winpath "$out"
got=$("$py" - "$work/汇总 表.xlsx" <<'EOF' 2>&1
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = [r for ws in wb.worksheets for r in ws.iter_rows(values_only=True) if any(v is not None for v in r)]
if len(rows) < 2:
    sys.exit("%d rows" % len(rows))
print("%d 行 rows" % len(rows))
EOF
) || fail "汇总表内容不对" "the aggregate workbook is wrong" "$got"
ok "汇总 表.xlsx：$got"

out=$(ctlw check 2>&1) || fail "数据文件检查未通过" "chamberctl check failed" "$out"
[ "$(q 'SELECT count(*) FROM members')" -eq $((members0 + 3)) ] || fail "会员人数不对" "wrong member count"

trap - EXIT
cleanup
rm -rf "$prefix"
echo "make windows-smoke: 全部通过 all passed (窗口标题 window title, 截图中文字形 Chinese glyphs, 名册导入 roster import, 年度工作簿 summary, 活动简报 PDF, 材料包 case package, 汇总 aggregate in $work_w; $((SECONDS - started)) s)"
