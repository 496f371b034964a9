# The README's commands. Every target runs `setup` first, which installs what
# is missing (apt packages, third-party sources, the synth's instrument samples,
# abcjs, playwright-core) and is quick when everything is there.
BUILD      := build
NATIVE     := $(BUILD)/native
WASM       := $(BUILD)/wasm
PORT       ?= 8080
DEMO_PORT  ?= 8081
UPSTREAM   ?= https://thesession.org
PROXY      := $(NATIVE)/proxy/tunetrack-proxy
FAKE       := $(NATIVE)/tests/fake-thesession

.PHONY: setup native wasm build run demo test bench screens fuzz clean

setup:
	@third_party/install-packages.sh
	@third_party/fetch.sh $(BUILD)/third_party
	@third_party/make-sounds.sh $(BUILD)/third_party/sounds
	@test -d web/js/node_modules/abcjs || (cd web/js && npm ci --no-audit --no-fund --loglevel=error)
	@(test -d tests/e2e/node_modules/playwright-core && test -d tests/e2e/node_modules/axe-core) || (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
	@test -d tests/fsrs/node_modules/ts-fsrs || (cd tests/fsrs && npm ci --no-audit --no-fund --loglevel=error)

native: setup
	@test -f $(NATIVE)/build.ninja || cmake --preset native
	cmake --build $(NATIVE)

wasm: setup
	@test -f $(WASM)/build.ninja || cmake --preset wasm
	cmake --build $(WASM)

build: native wasm

# Serves the app and forwards to thesession.org.
run: build
	@echo "tunetrack: open http://127.0.0.1:$(PORT) (Ctrl-C stops)"
	$(PROXY) --port $(PORT) --upstream $(UPSTREAM) --web $(WASM)/web

# The same against the local fake thesession.org with synthetic data: try it offline.
# Member numbers 100000 to 120000 exist; member 100000+N has N tunes (e.g. 100300).
demo: build
	@echo "tunetrack demo: open http://127.0.0.1:$(PORT) and sync member 100300 (Ctrl-C stops)"
	@$(FAKE) --port $(DEMO_PORT) & fake=$$!; \
	  trap 'kill $$fake 2>/dev/null' EXIT INT TERM; \
	  $(PROXY) --port $(PORT) --upstream http://127.0.0.1:$(DEMO_PORT) --web $(WASM)/web

# Builds both targets and runs every test (unit, integration, browser) through ctest.
test: build
	cd $(NATIVE) && ctest --output-on-failure -j2

bench: build
	$(NATIVE)/tests/bench/sync_bench
	$(NATIVE)/tests/bench/sets_bench
	$(NATIVE)/tests/bench/proxy_bench.sh $(PROXY) $(FAKE)
	cd tests/e2e && TT_PROXY_BIN=$(CURDIR)/$(PROXY) TT_FAKE_BIN=$(CURDIR)/$(FAKE) TT_WEB_DIR=$(CURDIR)/$(WASM)/web node ../bench/web_bench.mjs
	cd tests/e2e && TT_PROXY_BIN=$(CURDIR)/$(PROXY) TT_FAKE_BIN=$(CURDIR)/$(FAKE) TT_WEB_DIR=$(CURDIR)/$(WASM)/web node ../bench/notation_bench.mjs
	cd tests/e2e && TT_PROXY_BIN=$(CURDIR)/$(PROXY) TT_FAKE_BIN=$(CURDIR)/$(FAKE) TT_WEB_DIR=$(CURDIR)/$(WASM)/web node ../bench/offline_bench.mjs
	$(NATIVE)/tests/bench/practice_bench
	$(NATIVE)/tests/bench/change_log_bench
	$(NATIVE)/tests/bench/action_bench
	$(NATIVE)/tests/bench/save_blocks_bench
	$(NATIVE)/tests/bench/device_sync_bench
	cd tests/e2e && TT_PROXY_BIN=$(CURDIR)/$(PROXY) TT_FAKE_BIN=$(CURDIR)/$(FAKE) TT_WEB_DIR=$(CURDIR)/$(WASM)/web node ../bench/mirror_bench.mjs
	cd tests/e2e && TT_PROXY_BIN=$(CURDIR)/$(PROXY) TT_FAKE_BIN=$(CURDIR)/$(FAKE) TT_WEB_DIR=$(CURDIR)/$(WASM)/web node ../bench/offline_music_bench.mjs
	cd tests/e2e && TT_PROXY_BIN=$(CURDIR)/$(PROXY) TT_FAKE_BIN=$(CURDIR)/$(FAKE) TT_WEB_DIR=$(CURDIR)/$(WASM)/web node ../bench/save_bench.mjs
	cd tests/e2e && TT_PROXY_BIN=$(CURDIR)/$(PROXY) TT_FAKE_BIN=$(CURDIR)/$(FAKE) TT_WEB_DIR=$(CURDIR)/$(WASM)/web TT_PRACTICE_BENCH_BIN=$(CURDIR)/$(NATIVE)/tests/bench/practice_bench node ../bench/practice_bench.mjs

# Screenshots of every screen (desktop and phone, light and dark, normal and
# huge text) into docs/screens/, from the fake thesession.org's synthetic data.
screens: build
	cd tests/e2e && TT_PROXY_BIN=$(CURDIR)/$(PROXY) TT_FAKE_BIN=$(CURDIR)/$(FAKE) TT_WEB_DIR=$(CURDIR)/$(WASM)/web node ../bench/screens.mjs

# Explores each parser with libFuzzer (clang, ASan + UBSan) for FUZZ_SECONDS
# each. New inputs go to build/fuzz/corpus; a finding stops with its input in
# build/fuzz/artifacts (copy it to tests/fuzz/corpus/<harness>/ once fixed).
FUZZ_SECONDS   ?= 60
FUZZ           := $(BUILD)/fuzz
FUZZ_HARNESSES := tunebook tune search request fragment import headers abc sets url number transpose
fuzz: setup
	@test -f $(FUZZ)/build.ninja || CC=clang CXX=clang++ cmake -S . -B $(FUZZ) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTT_FUZZ=ON
	cmake --build $(FUZZ) --target tt_fuzzers
	@mkdir -p $(FUZZ)/artifacts
	@for h in $(FUZZ_HARNESSES); do \
	  mkdir -p $(FUZZ)/corpus/$$h; \
	  echo "== fuzz $$h ($(FUZZ_SECONDS) s)"; \
	  $(FUZZ)/tests/fuzz/$${h}_fuzzer -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -artifact_prefix=$(FUZZ)/artifacts/$$h- $(FUZZ)/corpus/$$h tests/fuzz/corpus/$$h || exit 1; \
	done

clean:
	rm -rf $(NATIVE) $(WASM) $(FUZZ)
