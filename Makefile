# hexproof entry points. `make` builds, `make test` runs every test (proofs included),
# `make demo` runs the main job, `make bench` the benchmark. Missing Debian packages are
# installed by scripts/install-deps.sh first.
BUILD ?= build
SANITIZE_BUILD ?= build-sanitize
JOBS ?= $(shell nproc)
MAKEFLAGS += --no-print-directory
CMAKE_FLAGS ?=
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: all deps build ocaml-tools test unit-test sanitize-test proofs spec-test format-check format demo bench install uninstall deb deb-test clean check-long fuzz fuzz-smoke spec-html

all: build

deps:
	@scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j$(JOBS)

# What ctest runs beside the C++, built by dune: Coq's OCaml extractions of the executable cores
# (tests/extraction) and of the specification (tests/spec), and the printer (printer-tests).
ocaml-tools: deps
	dune build ./tests/extraction/core_main.exe ./tests/spec/spec_main.exe \
	  ./extracted/printer/hexproof_printer.exe

unit-test: build ocaml-tools
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

# The same tests with AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize-test: deps ocaml-tools
	cmake -S . -B $(SANITIZE_BUILD) -DCMAKE_BUILD_TYPE=Debug -DHEXPROOF_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	cmake --build $(SANITIZE_BUILD) -j$(JOBS)
	ctest --test-dir $(SANITIZE_BUILD) --output-on-failure -j$(JOBS) -E '^(diff_mescc|bench)'

proofs: deps
	scripts/check-proofs.sh

# The Coq specification, extracted to OCaml, on the golden cases and the corpus (ctest runs the
# same as golden-spec and corpus-spec), and the installed mescc-tools on the golden cases it agrees on.
spec-test: ocaml-tools
	tests/golden/run.sh spec
	tests/golden/run.sh mescc-tools || [ $$? = 77 ]
	tests/run_corpus_ctest.sh $(BUILD)/bin spec || [ $$? = 77 ]

# The C++ of runtime/, tests/, fuzz/ and bench/ as .clang-format lays it out (scripts/format-check.sh
# says which files wait); `make format` lays it out so.
format-check: deps
	scripts/format-check.sh

format: deps
	scripts/format-check.sh --fix

test: format-check unit-test sanitize-test proofs fuzz-smoke deb-test

# Differential testing (docs/differential-targets.md): many more RapidCheck cases per property,
# the corpus on the specification with no size limit, and the libFuzzer targets (their own clang
# build in build-fuzz) for FUZZ_SECONDS each.
LONG_RUNS ?= 20000
FUZZ_SECONDS ?= 60
check-long: build ocaml-tools
	@for p in engines-agree threads-agree hex2 m1 padding extraction-agree; do \
	  RC_PARAMS="max_success=$(LONG_RUNS)" $(BUILD)/bin/$$p-property; s=$$?; \
	  [ $$s = 0 ] || [ $$s = 77 ] || exit 1; done
	RC_PARAMS="max_success=$(LONG_RUNS)" $(BUILD)/bin/strict-property $(BUILD)/bin
	HEXPROOF_CORPUS_MAX_BYTES=0 tests/run_corpus_ctest.sh $(BUILD)/bin spec; s=$$?; [ $$s = 0 ] || [ $$s = 77 ]

fuzz:
	fuzz/run.sh $(FUZZ_SECONDS)

fuzz-smoke:
	fuzz/run.sh 5 || [ $$? = 77 ]

# Browsable HTML of the Coq specification and proofs (coqdoc), in $(BUILD)/spec-html.
spec-html:
	dune build ./spec ./proofs
	rm -rf $(BUILD)/spec-html && mkdir -p $(BUILD)/spec-html
	cd _build/default && coqdoc --html --utf8 --toc -d $(abspath $(BUILD))/spec-html \
	  -R spec Hexproof.Spec -R proofs Hexproof.Proofs spec/*.v proofs/*.v

# The main job: our M1 and hex2 on the bundled examples (run where possible), then the oracle
# against the installed mescc-tools on the project's programs, the corpus and generated programs.
demo: build
	scripts/demo.sh $(BUILD)
	scripts/oracle-demo.sh $(BUILD)

bench: build
	bench/run.sh $(BUILD)

# The tools, their manual pages and the docs under $(PREFIX) (default /usr/local), below
# $(DESTDIR) when given; `make uninstall` removes what the last `make install` listed.
install: build
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"

uninstall:
	DESTDIR="$(DESTDIR)" scripts/uninstall.sh $(BUILD)

# The Debian packages hexproof and hexproof-drop-in (dpkg-buildpackage on a copy of the tree, in
# $(BUILD)/deb); deb-test (in `make test`) checks their contents and runs the tools they install.
deb: deps
	scripts/deb.sh $(BUILD)/deb $(JOBS)

deb-test: deb
	tests/deb_test.sh $(BUILD)/deb

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) _build
