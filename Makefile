# FeeDesk: the README's two commands are `make run` and `make test`.
SWIFT    ?= swift
FEEDESK   = .build/release/feedesk
DB       ?= var/feedesk.sqlite
# Tools the tests call when present (command:debian-package).
TEST_TOOLS = zbarimg:zbar-tools

.PHONY: run test deps build release clean

## run: install missing system libraries, build (release), load the demo data, serve on 127.0.0.1:8080.
run: deps release
	@mkdir -p var
	$(FEEDESK) demo --db $(DB)
	$(FEEDESK) status --db $(DB)

## test: install missing system libraries and test tools, build, run every test.
test:
	@FEEDESK_EXTRA_TOOLS="$(TEST_TOOLS)" ./.ci/deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

deps:
	@./.ci/deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product feedesk

clean:
	rm -rf .build
