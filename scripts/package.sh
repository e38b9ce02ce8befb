#!/usr/bin/env bash
# Makes the Linux desktop archive bin/package/ChamberDesk.tar.xz with
# `fyne package -os linux`: the program, its icon and a .desktop entry built
# from FyneApp.toml, installable with `sudo make install` inside the archive.
#
# The fyne CLI is pinned in scripts/fyne-tool.mod (see scripts/windows.sh for
# why it is a module file of its own). `fyne package` reads FyneApp.toml from
# the folder it packages, and ours sits at the top, not in cmd/chamberdesk; so
# the program is built first and packaged from a scratch folder holding a
# copy of FyneApp.toml with the icon's path made absolute.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
GO=${GO:-go}
out=$root/bin/package

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$GO" build -modfile=scripts/fyne-tool.mod -o "$work/fyne" fyne.io/tools/cmd/fyne
"$GO" build -tags migrated_fynedo -trimpath -ldflags "-s -w" -o "$work/exe/chamberdesk" ./cmd/chamberdesk

src=$work/src
mkdir -p "$src" "$out"
sed "s#^Icon = .*#Icon = \"$root/assets/icon.png\"#" FyneApp.toml >"$src/FyneApp.toml"
# fyne package wants Go code in the folder it packages, even with --exe.
printf 'package main\n\nfunc main() {}\n' >"$src/main.go"

(cd "$out" && "$work/fyne" package -os linux --src "$src" --exe "$work/exe/chamberdesk" --release)
ls -l "$out"
