#!/usr/bin/env bash
# Reads `go test -bench` output on stdin, passes it through unchanged, then
# prints the median of ns/op and of each custom metric (such as p95-ms) per
# benchmark, so runs with -count N can be compared at a glance, and the ratio
# of each of our figures to its baseline's, labelled with what the baseline is.
set -euo pipefail

awk '
{ print }
/^pkg: / { pkg = $2 }
/^Benchmark/ {
	name = $1
	sub(/-[0-9]+$/, "", name) # drop the GOMAXPROCS suffix
	for (i = 3; i < NF; i += 2) {
		unit = $(i + 1)
		if (unit == "B/op" || unit == "allocs/op") { continue }
		key = pkg "\t" name "\t" unit
		if (!(key in n)) { order[++keys] = key }
		vals[key, ++n[key]] = $(i) + 0
	}
}
END {
	if (keys == 0) {
		print ""
		print "bench: 没有基准测试结果 no benchmark results"
		exit
	}
	print ""
	print "medians (中位数)"
	for (k = 1; k <= keys; k++) {
		key = order[k]
		m = n[key]
		for (i = 1; i <= m; i++) { s[i] = vals[key, i] }
		for (i = 2; i <= m; i++) { # insertion sort: counts are small
			v = s[i]
			for (j = i - 1; j >= 1 && s[j] > v; j--) { s[j + 1] = s[j] }
			s[j + 1] = v
		}
		med = (m % 2) ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2
		split(key, part, "\t")
		printf "  %-40s %16.3f %-8s (n=%d)  %s\n", part[2], med, part[3], m, part[1]
		median[part[2], part[3]] = med
	}
	# Each figure of ours against a baseline doing the same work with the
	# bare libraries; the benchmarks check that both did the same work.
	# Fields: ours, baseline, unit compared, what is compared / what the baseline is.
	np = 0
	pair[++np] = "BenchmarkImport10k/ReadRoster|BenchmarkBareExcelizeRead10k|ns/op|read 10k-row roster: ours / bare excelize rows"
	pair[++np] = "BenchmarkImport10k/New|BenchmarkBareImport10k/New|ns/op|import 10k new rows: ours / bare excelize+INSERT"
	pair[++np] = "BenchmarkImport10k/Reimport|BenchmarkBareImport10k/Reimport|ns/op|re-import 10k rows over 10k members: ours / bare excelize+lookup+UPDATE"
	pair[++np] = "BenchmarkImportJournal50k|BenchmarkBareImportJournal50k|ns/op|import 50k-row 流水账 (cash journal): ours / bare excelize+INSERT"
	pair[++np] = "BenchmarkSummaryWorkbook|BenchmarkBareStreamWriter|ns/op|annual workbook (10k members, 50k activities): ours / bare excelize StreamWriter"
	pair[++np] = "BenchmarkFinanceWorkbook|BenchmarkBareFinanceWorkbook|ns/op|accounts workbook (50k entries, 2k dues lines): ours / bare excelize StreamWriter"
	pair[++np] = "BenchmarkSearchMembers|BenchmarkSearchBareSQLite|p95-ms|member search p95 (10k members): ours / bare SQLite SELECT"
	pair[++np] = "BenchmarkGUIMembers10k|BenchmarkGUIBareTable10k|rss-MB|resident memory (VmRSS), members screen scrolled (10k members): chamberdesk / bare Fyne table"
	pair[++np] = "BenchmarkGUIMembers10k|BenchmarkGUIBareTable10k|hwm-MB|peak resident memory (VmHWM), same run: chamberdesk / bare Fyne table"
	pair[++np] = "BenchmarkGUIMembers10k|BenchmarkGUIBareTable10k|window-ms|time from start to first window mapped: chamberdesk / bare Fyne table"
	pair[++np] = "BenchmarkGUIMembers1k|BenchmarkGUIBareTable1k|rss-MB|resident memory (VmRSS), members screen scrolled (1k members): chamberdesk / bare Fyne table"
	pair[++np] = "BenchmarkGUIMembers1k|BenchmarkGUIBareTable1k|window-ms|time from start to first window mapped (1k members): chamberdesk / bare Fyne table"
	# The bare table with a row of plain buttons above it: Fyne draws button
	# text bold and parses the font once per text style, so this side parses
	# the Chinese face twice, as any window with a button does.
	pair[++np] = "BenchmarkGUIMembers10k|BenchmarkGUIBareButtons10k|rss-MB|resident memory (VmRSS), members screen scrolled (10k members): chamberdesk / bare Fyne table with a row of buttons"
	pair[++np] = "BenchmarkGUIMembers10k|BenchmarkGUIBareButtons10k|hwm-MB|peak resident memory (VmHWM), same run: chamberdesk / bare Fyne table with a row of buttons"
	pair[++np] = "BenchmarkGUIMembers10k|BenchmarkGUIBareButtons10k|window-ms|time from start to first window mapped: chamberdesk / bare Fyne table with a row of buttons"
	pair[++np] = "BenchmarkGUIBareButtons10k|BenchmarkGUIBareTable10k|rss-MB|cost of Fyne parsing the font again for bold button text, VmRSS (10k members): bare table with buttons / bare table"
	pair[++np] = "BenchmarkGUIMembers1k|BenchmarkGUIBareButtons1k|rss-MB|resident memory (VmRSS), members screen scrolled (1k members): chamberdesk / bare Fyne table with a row of buttons"
	pair[++np] = "BenchmarkGUIMembers1k|BenchmarkGUIBareButtons1k|window-ms|time from start to first window mapped (1k members): chamberdesk / bare Fyne table with a row of buttons"
	pair[++np] = "BenchmarkGUIBareButtons1k|BenchmarkGUIBareTable1k|rss-MB|cost of Fyne parsing the font again for bold button text, VmRSS (1k members): bare table with buttons / bare table"
	# Figures with no bare baseline to compare with (nothing else does the
	# same work): the median in milliseconds against the target.
	# Fields: benchmark, target in ms, what it is.
	nt = 0
	target[++nt] = "BenchmarkLongImage|300|activity long image, demo activity with 3 photos, 1080 wide, JPEG"
	target[++nt] = "BenchmarkLongImagePNG|300|the same long image as PNG"
	first = 1
	for (k = 1; k <= nt; k++) {
		split(target[k], p, "|")
		if (!((p[1], "ns/op") in median)) { continue }
		if (first) { print ""; print "targets (目标, no bare baseline: median against the target)"; first = 0 }
		ms = median[p[1], "ns/op"] / 1e6
		printf "  %s = %.1f ms/op (target %d ms: %s)\n      %s\n", p[1], ms, p[2], (ms <= p[2]) ? "met" : "MISSED", p[3]
	}
	first = 1
	for (k = 1; k <= np; k++) {
		split(pair[k], p, "|")
		if (!((p[1], p[3]) in median) || !((p[2], p[3]) in median) || median[p[2], p[3]] == 0) { continue }
		if (first) { print ""; print "ratios (比值, medians of ours / medians of the baseline)"; first = 0 }
		printf "  %s = %.2fx\n      %s / %s, %s\n", p[4], median[p[1], p[3]] / median[p[2], p[3]], p[1], p[2], p[3]
	}
}'
