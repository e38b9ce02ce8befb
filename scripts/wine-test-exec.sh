#!/usr/bin/env bash
# go test -exec helper: runs one cross-compiled test binary (a .exe) under
# Wine in the prefix CHAMBERDESK_WINE_PREFIX (default bin/wine-prefix), made
# beforehand by `scripts/wine.sh prefix`. `make test-windows` uses it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
exec bash "$root/scripts/wine.sh" run "${CHAMBERDESK_WINE_PREFIX:-$root/bin/wine-prefix}" "$@"
