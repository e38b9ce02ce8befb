# ChamberDesk build, run and test entry points. GNU make.
#
#   make run      install what the GUI needs, then start it (make run ARGS="--db x.db")
#   make test     install test tools, then vet, race tests and both builds
#   make bench    benchmarks of data/, report/ and ui/, with medians
#   make screenshots  PNGs of every main screen on the demo chamber, in screenshots/
#   make build    bin/chamberdesk and bin/chamberctl
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

.PHONY: deps-build deps-test deps-run run test bench screenshots build clean

deps-build:
	bash scripts/deps.sh build

deps-test:
	bash scripts/deps.sh test

deps-run:
	bash scripts/deps.sh run

run: deps-run
	$(GO) run -tags $(TAGS) ./cmd/chamberdesk $(ARGS)

test: deps-test
	$(GO) vet ./... || { echo "make test: 失败 FAILED at go vet" >&2; exit 1; }
	$(GO) test -race ./... || { echo "make test: 失败 FAILED at go test -race" >&2; exit 1; }
	CGO_ENABLED=0 $(GO) build -o $(BIN)/chamberctl ./cmd/chamberctl \
		|| { echo "make test: 失败 FAILED building chamberctl" >&2; exit 1; }
	$(GO) build -tags $(TAGS) -o $(BIN)/chamberdesk ./cmd/chamberdesk \
		|| { echo "make test: 失败 FAILED building chamberdesk" >&2; exit 1; }
	@echo "make test: 全部通过 all passed (go vet, go test -race, $(BIN)/chamberctl, $(BIN)/chamberdesk)"

bench:
	@if [ -z "$(BENCH_PKGS)" ]; then echo "bench: data/ 与 report/ 中尚无 Go 包 no Go packages in data/ or report/ yet"; exit 0; fi; \
	$(GO) test -run '^$$' -bench . -benchmem -count 5 $(BENCH_PKGS) | bash scripts/bench-summary.sh

# Fyne's software painter renders each screen with the program's Chinese
# font; the test fails if a screen does not draw.
screenshots: deps-test
	rm -rf screenshots
	SCREENSHOTS_DIR=$(CURDIR)/screenshots $(GO) test -count=1 -run '^TestScreenshots$$' ./ui
	@ls screenshots

build: deps-build
	CGO_ENABLED=0 $(GO) build -o $(BIN)/chamberctl ./cmd/chamberctl
	$(GO) build -tags $(TAGS) -o $(BIN)/chamberdesk ./cmd/chamberdesk

clean:
	rm -rf $(BIN)
	$(GO) clean -testcache
