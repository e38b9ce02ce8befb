# ChamberDesk build, run and test entry points. GNU make.
#
#   make run      install what the GUI needs, then start it (make run ARGS="--db x.db")
#   make test     install test tools, then vet, race tests and both builds
#   make bench    benchmarks of data/, report/ and ui/, with medians and each figure's ratio to its bare baseline
#   make bench-gui  chamberdesk's memory and time to its first window on the members screen (10k members) against a bare Fyne table, under Xvfb
#   make bench-check  every benchmark once, so the checks inside them run (both sides of a ratio do the same work)
#   make screenshots  PNGs of every main screen on the demo chamber, in screenshots/
#   make pdf-screenshots  PNGs of every printed PDF page, in screenshots/pdf/ (also part of screenshots)
#   make fuzz     every fuzz target in the repo for FUZZTIME each (default 20s)
#   make vulncheck  govulncheck (a go.mod tool) over every package
#   make build    bin/chamberdesk and bin/chamberctl
#   make windows  bin/windows/chamberdesk.exe and chamberctl.exe, cross-compiled with mingw-w64
#   make windows-installer  bin/windows/ChamberDesk-Setup-VERSION.exe, the per-user setup (NSIS)
#   make windows-portable   bin/windows/ChamberDesk-VERSION-portable.zip, for a USB stick (portable mode)
#   make windows-installer-check  under Wine: install, run, uninstall (data kept), and the portable zip
#   make windows-smoke  under Wine and Xvfb: the window (Chinese title and glyphs), then chamberctl end to end
#   make test-windows  the tests of every package built without cgo, as Windows programs under Wine
#   make package  bin/package/ChamberDesk.tar.xz, the Linux desktop archive (fyne package)
#   make clean

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

GO   ?= go
TAGS := migrated_fynedo
BIN  := bin
ARGS ?=

# go.mod and go.sum are pinned: never let a build rewrite them. Keep whatever
# GOFLAGS the environment or `go env -w` already set, and put -mod=readonly last.
export GOFLAGS := $(strip $(shell $(GO) env GOFLAGS 2>/dev/null) -mod=readonly)

# Benchmark only the packages that exist yet.
BENCH_PKGS := $(strip $(foreach d,data report ui,$(if $(wildcard $(d)/*.go $(d)/*/*.go $(d)/*/*/*.go),./$(d)/...)))

.PHONY: deps-build deps-test deps-run deps-bench-gui run test bench bench-gui bench-check screenshots pdf-screenshots fuzz vulncheck build windows deps-windows deps-wine windows-installer windows-portable windows-installer-check test-windows windows-smoke package clean

deps-build:
	bash scripts/deps.sh build

deps-test:
	bash scripts/deps.sh test

deps-run:
	bash scripts/deps.sh run

run: deps-run
	$(GO) run -tags $(TAGS) ./cmd/chamberdesk $(ARGS)

test: deps-test
	$(GO) vet -tags $(TAGS) ./... || { echo "make test: 失败 FAILED at go vet" >&2; exit 1; }
	@# The race tests run with the tag the program ships with. testsummary
	@# prints failures as go test would, then every skip and the counts; under
	@# CI it fails on a skip its allow-list does not excuse.
	$(GO) build -o $(BIN)/testsummary ./scripts/testsummary
	$(GO) test -race -tags $(TAGS) -timeout 30m -json ./... | $(BIN)/testsummary \
		|| { echo "make test: 失败 FAILED at go test -race -tags $(TAGS)" >&2; exit 1; }
	CGO_ENABLED=0 $(GO) build -o $(BIN)/chamberctl ./cmd/chamberctl \
		|| { echo "make test: 失败 FAILED building chamberctl" >&2; exit 1; }
	$(GO) build -tags $(TAGS) -o $(BIN)/chamberdesk ./cmd/chamberdesk \
		|| { echo "make test: 失败 FAILED building chamberdesk" >&2; exit 1; }
	@echo "make test: 全部通过 all passed (go vet, go test -race -tags $(TAGS), $(BIN)/chamberctl, $(BIN)/chamberdesk)"

# Five runs of each benchmark; the summary gives medians, then each ratio of
# ours to the baseline that does the same work with the bare libraries.
bench:
	@if [ -z "$(BENCH_PKGS)" ]; then echo "bench: data/ 与 report/ 中尚无 Go 包 no Go packages in data/ or report/ yet"; exit 0; fi; \
	$(GO) test -run '^$$' -bench . -benchmem -count 5 $(BENCH_PKGS) | bash scripts/bench-summary.sh

# The program on its members screen over 10,000 members, against a bare Fyne
# window with the same font showing the same rows in a widget.Table, both
# started, scrolled and measured the same way on an Xvfb the driver starts
# (scripts/benchgui): five runs each, interleaved; medians of VmRSS, VmHWM
# and the time to the first window, and the ratios program / bare.
# BENCH_GUI_FLAGS passes more flags, e.g. -members 1000 or -heapprofile DIR.
BENCH_GUI_FLAGS ?=

bench-gui: deps-bench-gui
	$(GO) build -tags $(TAGS) -o $(BIN)/chamberdesk ./cmd/chamberdesk
	$(GO) build -tags $(TAGS) -o $(BIN)/benchgui/bare ./scripts/benchgui/bare
	$(GO) build -o $(BIN)/benchgui/driver ./scripts/benchgui
	$(BIN)/benchgui/driver -program $(BIN)/chamberdesk -bare $(BIN)/benchgui/bare -dir $(BIN)/benchgui $(BENCH_GUI_FLAGS) \
		| bash scripts/bench-summary.sh

deps-bench-gui:
	bash scripts/deps.sh bench-gui

# One iteration of every benchmark: the timings mean nothing, but each
# benchmark checks that it and its baseline did the same work (rows written,
# members stored, search results, workbook cells), and a ratio is worth only
# what those checks are.
bench-check:
	@if [ -z "$(BENCH_PKGS)" ]; then echo "bench-check: data/ 与 report/ 中尚无 Go 包 no Go packages in data/ or report/ yet"; exit 0; fi; \
	$(GO) test -run '^$$' -bench . -benchtime 1x -count 1 $(BENCH_PKGS) \
		|| { echo "make bench-check: 失败 FAILED: a benchmark failed (see above)" >&2; exit 1; }; \
	echo "make bench-check: 全部通过 all passed (every benchmark once, with its checks)"

# Fyne's software painter renders each screen with the program's Chinese
# font; the test fails if a screen does not draw.
screenshots: deps-test
	rm -rf screenshots
	SCREENSHOTS_DIR=$(CURDIR)/screenshots $(GO) test -count=1 -run '^TestScreenshots$$' ./ui
	PDF_SCREENSHOTS_DIR=$(CURDIR)/screenshots/pdf $(GO) test -count=1 -run '^TestPDFScreenshots$$' ./report/pdf
	@ls screenshots screenshots/pdf

# pdftoppm turns each kind of printed PDF (活动简报, 活动台账, 签到表, 申报书)
# of the demo chamber into 60 dpi PNGs, one per page.
pdf-screenshots: deps-test
	rm -rf screenshots/pdf
	PDF_SCREENSHOTS_DIR=$(CURDIR)/screenshots/pdf $(GO) test -count=1 -run '^TestPDFScreenshots$$' ./report/pdf
	@ls screenshots/pdf

# Each fuzz target found by grep runs alone (go test -fuzz takes one
# target at a time); what a target finds is saved under its package's
# testdata/fuzz/ and fails the run.
FUZZTIME ?= 20s
# Minimizing each new interesting input may take 60 s by default; an xlsx
# input is large, so without a bound the run looks stalled at 0 execs/s.
FUZZMINTIME ?= 5s

fuzz:
	@failed=""; \
	for f in $$(grep -rl --include='*_test.go' '^func Fuzz' . | sort); do \
		pkg=./$$(dirname "$${f#./}"); \
		for name in $$(grep -o '^func Fuzz[A-Za-z0-9_]*' "$$f" | sed 's/^func //'); do \
			echo "== $$pkg $$name ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) "$$pkg" \
				|| failed="$$failed $$pkg:$$name"; \
		done; \
	done; \
	if [ -n "$$failed" ]; then echo "make fuzz: 失败 FAILED:$$failed" >&2; exit 1; fi; \
	echo "make fuzz: 全部通过 all passed"

# govulncheck is pinned in go.mod as a tool. VULNDB=file:///path points it at
# a local copy of the vulnerability database when the network has none.
VULNDB ?=

vulncheck:
	$(GO) tool govulncheck $(if $(VULNDB),-db $(VULNDB)) ./...

build: deps-build
	CGO_ENABLED=0 $(GO) build -o $(BIN)/chamberctl ./cmd/chamberctl
	$(GO) build -tags $(TAGS) -o $(BIN)/chamberdesk ./cmd/chamberdesk

# The icon and a version resource from FyneApp.toml go into each .exe.
windows: deps-windows
	bash scripts/windows.sh $(BIN)/windows

deps-windows:
	bash scripts/deps.sh windows

deps-wine:
	bash scripts/deps.sh wine

# The Windows installer and zip carry FyneApp.toml's values. FyneApp.toml has
# no publisher field; a Publisher line in it, if one is added, wins.
toml = $(shell sed -n 's/^[[:space:]]*$(1)[[:space:]]*=[[:space:]]*"\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$$/\1/p' FyneApp.toml | head -n 1)
APP_VERSION   := $(call toml,Version)
APP_BUILD     := $(call toml,Build)
APP_NAME      := $(call toml,GenericName) $(call toml,Name)
APP_PUBLISHER := $(or $(call toml,Publisher),ChamberDesk)
SETUP_EXE     := $(BIN)/windows/ChamberDesk-Setup-$(APP_VERSION).exe
PORTABLE_ZIP  := $(BIN)/windows/ChamberDesk-$(APP_VERSION)-portable.zip

# Any makensis warning fails the build (-WX).
windows-installer: windows deps-wine
	makensis -V2 -INPUTCHARSET UTF8 -WX -DVERSION=$(APP_VERSION) -DBUILD=$(APP_BUILD) \
		"-DNAME=$(APP_NAME)" "-DPUBLISHER=$(APP_PUBLISHER)" \
		-DSRCDIR=$(CURDIR)/$(BIN)/windows -DICON=$(CURDIR)/assets/icon.ico \
		-DOUTFILE=$(CURDIR)/$(SETUP_EXE) scripts/installer.nsi
	@ls -l $(SETUP_EXE)

windows-portable: windows
	$(GO) run ./scripts/portablezip -out $(PORTABLE_ZIP) -folder ChamberDesk \
		-readme scripts/portable-readme.txt $(BIN)/windows/chamberdesk.exe $(BIN)/windows/chamberctl.exe
	@ls -l $(PORTABLE_ZIP)

windows-installer-check: windows-installer windows-portable
	bash scripts/windows-check.sh "$(APP_VERSION)" "$(APP_NAME)" "$(APP_PUBLISHER)" $(SETUP_EXE) $(PORTABLE_ZIP)

# The tests of every package that builds without cgo, cross-compiled for
# 64-bit Windows and run under Wine, one test .exe per package, in the prefix
# scripts/wine.sh makes once (TEST_WINE_PREFIX, bin/wine-prefix). -count=1: a cached result
# would not have run under Wine. testsummary -windows also excuses the
# Windows-only skips of scripts/testsummary/allow.go (a Linux reader, say).
WINDOWS_TEST_PKGS := ./data/... ./report/... ./cmd/chamberctl ./assets/... ./scripts/testsummary
TEST_WINE_PREFIX  ?= $(CURDIR)/$(BIN)/wine-prefix

test-windows:
	bash scripts/wine.sh prefix $(TEST_WINE_PREFIX)
	$(GO) build -o $(BIN)/testsummary ./scripts/testsummary
	CHAMBERDESK_WINE_PREFIX=$(TEST_WINE_PREFIX) GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) test -count=1 -exec $(CURDIR)/scripts/wine-test-exec.sh \
		-json $(WINDOWS_TEST_PKGS) | $(BIN)/testsummary -windows \
		|| { echo "make test-windows: 失败 FAILED (Windows tests under Wine)" >&2; exit 1; }
	@echo "make test-windows: 全部通过 all passed (Windows tests under Wine)"

# The GUI on an Xvfb screen and chamberctl from demo to aggregate, in a
# folder with Chinese characters and a space; see scripts/windows-smoke.sh.
windows-smoke: windows deps-wine
	bash scripts/windows-smoke.sh $(BIN)/windows/chamberctl.exe $(BIN)/windows/chamberdesk.exe

package: deps-build
	bash scripts/package.sh

clean:
	rm -rf $(BIN)
	$(GO) clean -testcache
