# FeeDesk: the README's two commands are `make run` and `make test`.
SWIFT    ?= swift
FEEDESK   = .build/release/feedesk
DB       ?= var/feedesk.sqlite
# Tools the tests call when present (command:debian-package).
TEST_TOOLS = zbarimg:zbar-tools

.PHONY: run test browser-test deps build release bench soak fuzz clean

## run: install missing system libraries, build (release), load the demo data, serve on 127.0.0.1:8080.
run: deps release
	@mkdir -p var
	$(FEEDESK) demo --db $(DB)
	@echo "FeeDesk: sign in at http://127.0.0.1:8080/login with a demo account above (its password is printed once, when created)."
	@echo "         Ctrl-C stops; API tokens: $(FEEDESK) token create demo-desk --db $(DB)"
	$(FEEDESK) serve --db $(DB)

## test: install missing system libraries and test tools, build, run every test, then the browser tests.
test:
	@FEEDESK_EXTRA_TOOLS="$(TEST_TOOLS)" ./.ci/deps
	@python3 -c "import vietnam_qr_pay, mt940" 2>/dev/null || python3 -m pip install -q vietnam-qr-pay==1.0.0 mt-940==5.1.1 \
		|| echo "FeeDesk: could not install the interoperability libraries; those tests will be skipped"
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	./Tests/browser/run.sh

## browser-test: the web UI in headless Chromium (installs chromium, chromium-driver, selenium if missing).
browser-test:
	$(SWIFT) build --product feedesk
	./Tests/browser/run.sh

## bench: every benchmark of the README's Performance section in one table (release build; BENCH_ARGS=--quick for a smoke run).
bench: deps release
	$(FEEDESK) bench all $(BENCH_ARGS)

## soak: the crash-recovery test with many kill-and-restart rounds.
soak: deps
	$(SWIFT) build --build-tests
	FEEDESK_SOAK_ROUNDS=20 $(SWIFT) test --skip-build --filter CrashRecoveryTests

## fuzz: every parser under libFuzzer + ASan for FUZZ_SECONDS each (default 60); fails on any crash.
FUZZ_SECONDS ?= 60
fuzz: deps
	SWIFT="$(SWIFT)" FUZZ_SECONDS="$(FUZZ_SECONDS)" ./Tests/Fuzz/run-fuzzers.sh

deps:
	@./.ci/deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product feedesk

clean:
	rm -rf .build
