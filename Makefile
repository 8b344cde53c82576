# tagih: the two commands a new machine needs are `make run` and `make test`.
# Both install what they need from Debian with apt-get first, when it is missing: the C
# libraries tagih links against, and for the tests the real clients that read its outputs.

SWIFT       ?= swift
# What tagih links against and the fonts its PDFs are set in (Noto Sans, with Arabic and a CJK
# fallback).
APT_PACKAGES := pkg-config libyaml-dev libxlsxwriter-dev zlib1g-dev libpango1.0-dev libcairo2-dev fonts-noto-core fonts-droid-fallback
# The clients the tests read outputs with: openpyxl for workbooks, poppler for PDFs, xmllint
# for the e-Faktur schema (Python's own email package reads the mail).
TEST_APT_PACKAGES := python3 python3-openpyxl poppler-utils libxml2-utils qpdf
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/tagih
APT_INSTALL := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends
# The packages of a list that are not installed yet.
missing = $(shell for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done)

.PHONY: all deps test-deps build release run check check-render test bench bench-sizes fuzz clean

all: build

## deps: install the Debian packages tagih builds and runs with, when they are missing
deps:
	@todo="$(call missing,$(APT_PACKAGES))"; if [ -n "$$todo" ]; then \
	  echo "Installing $$todo with apt-get"; \
	  $(SUDO) apt-get update && $(APT_INSTALL) $$todo; \
	fi

## test-deps: the clients the tests read outputs with, when they are missing
test-deps: deps
	@todo="$(call missing,$(TEST_APT_PACKAGES))"; if [ -n "$$todo" ]; then \
	  echo "Installing $$todo with apt-get"; \
	  $(SUDO) apt-get update && $(APT_INSTALL) $$todo; \
	fi

## build: a debug build of everything
build: deps
	$(SWIFT) build

## release: the optimised tagih binary
release: deps
	$(SWIFT) build -c release --product tagih

## run: bill the sample month in input/ from its state (October's) as of 30 November; results
## in output/2026-11/. It names its state and as-of, so it gives the same bytes on any day and
## can be run again. The sample's orders need activation codes: without a TAGIH_SECRET of your
## own, a fixed sample secret is used.
run: release
	TAGIH_SECRET="$${TAGIH_SECRET:-sample-month-secret}" $(RELEASE_BIN) run --input input --state input/state.yaml --period 2026-11

## check: validate input/ without writing anything
check: release
	$(RELEASE_BIN) check --input input

## check-render: bill the sample (as make run does) and turn every workbook into PDF pages with
## LibreOffice headless, as they print, then each page into a PNG, to look at in
## output/render/ (installs libreoffice-calc-nogui and poppler-utils when missing)
RENDER_APT_PACKAGES := libreoffice-calc-nogui poppler-utils
check-render: run
	@todo="$(call missing,$(RENDER_APT_PACKAGES))"; if [ -n "$$todo" ]; then \
	  echo "Installing $$todo with apt-get"; \
	  $(SUDO) apt-get update && $(APT_INSTALL) $$todo; \
	fi
	rm -rf output/render && mkdir -p output/render
	soffice --headless --calc --convert-to pdf --outdir output/render output/2026-11/*.xlsx >/dev/null
	@for pdf in output/render/*.pdf; do pdftoppm -r 60 -png "$$pdf" "$${pdf%.pdf}"; done
	@ls output/render

## test: unit tests and golden-file tests in a debug build, then the command-line suites
## again against the release build users run (TAGIH_RECORD=1 re-records the golden files, and
## fails)
CLI_SUITES := GoldenTests|TwoMonthTests|CaseTests|BadInputTests|CommandLineTests|OutputSafetyTests|CadenceTests
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(SWIFT) build -c release --product tagih
	TAGIH_BINARY=$(RELEASE_BIN) $(SWIFT) test --skip-build --filter '$(CLI_SUITES)'

## bench: generate a synthetic month once (cached in bench-data/), then measure tagih check,
## tagih run, a libxlsxwriter-only baseline, and the month as 30 daily runs (BENCH_DAILY=0
## skips those; BENCH_PDF=0 skips the run with PDFs and the daily month). BENCH_PAYMENTS=4000000
## for a bigger month.
BENCH_PAYMENTS ?= 1000000
BENCH_TENANTS  ?= 100000
BENCH_SEED     ?= 2026
# Bumped when the generator changes what it writes, so cached data from an older one is made again.
BENCH_GENERATION := 3
BENCH_DATA     := bench-data/$(BENCH_PAYMENTS)-$(BENCH_TENANTS)$(if $(filter-out 2026,$(BENCH_SEED)),-seed$(BENCH_SEED))
bench: deps
	$(SWIFT) build -c release --product tagih
	$(SWIFT) build -c release --product tagih-bench
	@if ! grep -qx '$(BENCH_GENERATION)' $(BENCH_DATA)/complete 2>/dev/null; then \
	  echo "Generating $(BENCH_PAYMENTS) payments for $(BENCH_TENANTS) tenants into $(BENCH_DATA) (once)"; \
	  rm -rf $(BENCH_DATA) && .build/release/tagih-bench generate --out $(BENCH_DATA)/input \
	    --payments $(BENCH_PAYMENTS) --tenants $(BENCH_TENANTS) --seed $(BENCH_SEED) && echo '$(BENCH_GENERATION)' > $(BENCH_DATA)/complete; \
	fi
	.build/release/tagih-bench measure --data $(BENCH_DATA) --work bench-data/out $(if $(filter 0,$(BENCH_DAILY)),--no-daily) $(if $(filter 0,$(BENCH_PDF)),--no-pdf)

## bench-sizes: the 100,000-tenant month and the 1,000,000-tenant one (same payments) without
## PDFs (a million tenants' PDFs and mails would take some 75 GB of disk) or the daily month,
## each against its baseline; the second reports how time and memory grew with tenants.
## About 30 minutes on 2 cores.
bench-sizes:
	$(MAKE) bench BENCH_DAILY=0 BENCH_PDF=0
	$(MAKE) bench BENCH_DAILY=0 BENCH_PDF=0 BENCH_TENANTS=1000000

## fuzz: libFuzzer (with AddressSanitizer) on each reader for FUZZ_SECONDS seconds, starting
## from the seeds in Fuzz/seeds; a crash stops it and leaves the input in .build-fuzz/crashes/.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= csv payments yaml settings state stripe midtrans
FUZZ_BIN     := .build-fuzz/release/tagih-fuzz
fuzz: deps
	$(SWIFT) build -c release --scratch-path .build-fuzz --product tagih-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DTAGIH_FUZZ -Xswiftc -use-ld=lld
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p .build-fuzz/corpus/$$target .build-fuzz/crashes/$$target; \
	  log=.build-fuzz/fuzz-$$target.log; \
	  TAGIH_FUZZ_TARGET=$$target $(FUZZ_BIN) .build-fuzz/corpus/$$target Fuzz/seeds/$$target \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 -print_final_stats=1 \
	    -artifact_prefix=.build-fuzz/crashes/$$target/ >$$log 2>&1; status=$$?; \
	  runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$log); \
	  echo "fuzz $$target: $$runs executions in $(FUZZ_SECONDS) s, exit $$status"; \
	  if [ $$status -ne 0 ]; then tail -40 $$log; echo "crash input in .build-fuzz/crashes/$$target/"; exit 1; fi; \
	done

clean:
	rm -rf .build .build-fuzz output/*/ output/.tagih-*
