# The README's two commands are `make run` and `make test`; each installs what is missing first.
SWIFT ?= swift
HINDSIGHT := .build/release/hindsight

.PHONY: deps build run test lint format bench clean

deps:
	@./scripts/install-deps

# Swift's runtime and Foundation are linked statically: start-up drops from ~13 ms to ~4 ms,
# which a pre-commit hook and a one-commit mine pay on every run.
build: deps
	$(SWIFT) build -c release --static-swift-stdlib

# The main job: mine the current repository (incremental after the first run), then its stability report.
run: build
	$(HINDSIGHT) report

# The tests validate SARIF and JUnit output with check-jsonschema and junitparser (PyPI), installed
# into .build/test-tools by scripts/install-test-tools.
test: deps lint
	@./scripts/install-test-tools
	PATH="$(CURDIR)/.build/test-tools/bin:$$PATH" $(SWIFT) test

# The code's layout is swift-format's (it ships with the toolchain), configured in .swift-format:
# `make lint` fails on unformatted code, `make format` rewrites it.
FORMATTED := Sources Tests Package.swift
lint:
	$(SWIFT) format lint --strict --recursive $(FORMATTED)

format:
	$(SWIFT) format format --in-place --recursive $(FORMATTED)

# make bench [REPO=/path/to/repo]: cold and warm mine against `git log --numstat` on the same
# repository, then reports from the warm index.
bench: build
	bash bench/run.sh $(REPO)

clean:
	rm -rf .build
