# Shared by the Wine checks (windows-check.sh, windows-smoke.sh): how a step,
# a pass and a failure are printed. Source it after setting
#   check_name  the make target, e.g. "make windows-smoke"
#   check_kept  what is kept for a look after a failure, e.g. "the Wine prefix is kept in: DIR"
# shellcheck shell=bash

step() { printf '== %s\n' "$*"; }
ok() { printf '   通过 ok: %s\n' "$*"; }
# fail ZH EN [DETAIL] stops the check with the reason in both languages.
fail() {
	printf '\n%s: 失败 FAILED: %s / %s\n' "$check_name" "$1" "$2" >&2
	if [ -n "${3:-}" ]; then printf '%s\n' "$3" | sed 's/^/   | /' >&2; fi
	printf '   %s\n' "$check_kept" >&2
	exit 1
}
