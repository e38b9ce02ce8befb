#!/usr/bin/env bash
# Reads `go test -bench` output on stdin, passes it through unchanged, then
# prints the median of ns/op and of each custom metric (such as p95-ms) per
# benchmark, so runs with -count N can be compared at a glance.
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
		if (part[3] == "ns/op") { median[part[2]] = med }
	}
	# Each figure of ours against the bare library doing the same work.
	pairs["BenchmarkImport10k/ReadValidate"] = "BenchmarkBareExcelizeRead10k"
	pairs["BenchmarkImport10k/ReadRoster"] = "BenchmarkBareExcelizeRead10k"
	pairs["BenchmarkSummaryWorkbook"] = "BenchmarkBareStreamWriter"
	pairs["BenchmarkSearchMembers"] = "BenchmarkSearchBareSQLite"
	first = 1
	for (ours in pairs) {
		bare = pairs[ours]
		if (!(ours in median) || !(bare in median) || median[bare] == 0) { continue }
		if (first) { print ""; print "ratios (比值, ours / bare library)"; first = 0 }
		printf "  %-40s / %-32s = %.2fx\n", ours, bare, median[ours] / median[bare]
	}
}'
