# homs-timeline: `make` regenerates dist-data/ from raw/; `make test` runs the tests.
SHELL := /bin/bash
TSX := node_modules/.bin/tsx
RAW ?= raw
OUT ?=
IN ?=

.PHONY: all test build release check timex bench bench-dates typecheck wasm clean
VERSION ?= auto

all: dist-data/releases.json

RAW_FILES := $(shell find raw -type f 2>/dev/null)
CODE_FILES := $(shell find pipeline schemas gazetteer -type f 2>/dev/null)

# Rebuild from raw/: a no-op when the latest release is reproduced; otherwise a new version
# (the bump the changes require). Released versions are never rewritten.
dist-data/releases.json: node_modules/.package-lock.json $(RAW_FILES) $(CODE_FILES)
	$(TSX) pipeline/cli/build.ts --raw raw --dist dist-data
	@touch $@

# Cut a release: VERSION=X.Y.Z, or auto (semver bump from the diff against the latest release).
release: node_modules/.package-lock.json
	$(TSX) pipeline/cli/build.ts --raw raw --dist dist-data --version $(VERSION)

# Rebuild the latest release from raw/ and compare byte for byte.
check: node_modules/.package-lock.json
	$(TSX) pipeline/cli/build.ts --raw raw --dist dist-data --check

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

# Assemble the trigger scan (pipeline/dates/scan.wat -> scan.wasm; commit both, a test checks they agree).
wasm: node_modules/.package-lock.json
	$(TSX) pipeline/cli/wasm.ts

# The suite, then proof that the committed latest release is what raw/ and this code produce.
test: node_modules/.package-lock.json
	node_modules/.bin/vitest run
	$(TSX) pipeline/cli/build.ts --raw raw --dist dist-data --check

typecheck: node_modules/.package-lock.json
	node_modules/.bin/tsc --noEmit -p .

bench: node_modules/.package-lock.json
	$(TSX) bench/pipeline.ts

# Remove build/: intermediate results and the cache (per-document results and publish fragments).
# Never touches raw/ or the released datasets in dist-data/.
clean:
	rm -rf build
