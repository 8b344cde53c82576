# tagih: the two commands a new machine needs are `make run` and `make test`.
# Both install the C libraries (libyaml, libxlsxwriter) with apt-get first when
# pkg-config cannot find them.

SWIFT       ?= swift
PKG_MODULES := yaml-0.1 xlsxwriter zlib
APT_PACKAGES := pkg-config libyaml-dev libxlsxwriter-dev zlib1g-dev
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RELEASE_BIN := .build/release/tagih

.PHONY: all deps build release run check test clean

all: build

## deps: install the Debian packages tagih links against, when they are missing
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists $(PKG_MODULES); then \
	  echo "Installing $(APT_PACKAGES) with apt-get"; \
	  $(SUDO) apt-get update && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(APT_PACKAGES); \
	fi

## build: a debug build of everything
build: deps
	$(SWIFT) build

## release: the optimised tagih binary
release: deps
	$(SWIFT) build -c release --product tagih

## run: bill the sample month in input/; results in output/. The sample's orders need
## activation codes: without a TAGIH_SECRET of your own, a fixed sample secret is used.
run: release
	TAGIH_SECRET="$${TAGIH_SECRET:-sample-month-secret}" $(RELEASE_BIN) run --input input

## check: validate input/ without writing anything
check: release
	$(RELEASE_BIN) check --input input

## test: unit tests and golden-file tests (TAGIH_RECORD=1 re-records the golden files, and fails)
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build output/*/ output/.tagih-*
