# homs-timeline: `make` regenerates dist-data/ from raw/; `make test` runs the tests.
SHELL := /bin/bash
TSX := node_modules/.bin/tsx
RAW ?= raw
OUT ?=
IN ?=

.PHONY: all test build timex bench bench-dates typecheck clean

all: dist-data/releases.json

RAW_FILES := $(shell find raw -type f 2>/dev/null)
CODE_FILES := $(shell find pipeline schemas gazetteer -type f 2>/dev/null)

dist-data/releases.json: node_modules/.package-lock.json $(RAW_FILES) $(CODE_FILES)
	$(TSX) pipeline/cli/build.ts --raw raw --dist dist-data

build: node_modules/.package-lock.json
	@test -n "$(OUT)" || { echo "usage: make build RAW=<dir> OUT=<dir>"; exit 2; }
	$(TSX) pipeline/cli/build.ts --raw "$(RAW)" --out "$(OUT)"

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

timex: node_modules/.package-lock.json
	@test -n "$(IN)" -a -n "$(OUT)" || { echo "usage: make timex IN=<dir of .txt> OUT=<dir>"; exit 2; }
	$(TSX) pipeline/cli/timex.ts "$(IN)" "$(OUT)"

bench-dates: node_modules/.package-lock.json
	$(TSX) bench/dates.ts

test: node_modules/.package-lock.json
	node_modules/.bin/vitest run

typecheck: node_modules/.package-lock.json
	node_modules/.bin/tsc --noEmit -p .
