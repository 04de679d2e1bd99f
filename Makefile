# Yardstick: `make run` launches the app, `make test` runs every test. Both install what is
# missing first (Debian packages, npm packages, tauri-driver), so a fresh machine needs nothing
# done by hand. See README.md.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

CARGO_TARGET_DIR ?= $(CURDIR)/target
export CARGO_TARGET_DIR
APP_BINARY := $(CARGO_TARGET_DIR)/debug/yardstick-app
NPM := npm --prefix ui

.PHONY: run test deps-run deps-test ui app lint rust-test ui-test e2e bench bindings package fmt \
	crash-test fuzz windows test-windows deps-windows deps-windows-test windows-cli test-windows-cli

run: deps-run ui
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
		echo "No display found: Yardstick is a desktop app and needs one."; \
		echo "On a machine without a screen, run it under a virtual display: xvfb-run -a make run"; \
		exit 1; \
	fi
	cargo run --quiet -p yardstick-app

test: deps-test ui lint rust-test ui-test e2e
	@echo "make test: every check passed."

deps-run:
	@scripts/install-deps.sh run

deps-test:
	@scripts/install-deps.sh test

ui:
	$(NPM) run build --silent

# The bare Tauri window is the baseline of the start-up measure in ui/e2e/performance.e2e.ts.
app: ui
	cargo build -p yardstick-app -p bare-tauri

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	$(NPM) run check --silent
	cd ui && npx tsc --noEmit -p tsconfig.json

rust-test:
	cargo test --workspace

ui-test:
	$(NPM) run test --silent

e2e: app
	YARDSTICK_APP_BINARY=$(APP_BINARY) $(NPM) run e2e --silent

bench:
	cargo bench -p yardstick

# Opt-in, too slow for `make test`: 1,000 SIGKILLs of the CLI during writes, backups and restores.
crash-test:
	cargo test -p yardstick --test store crash_restore -- --ignored --nocapture

# Opt-in: each fuzz target for FUZZ_SECONDS (libFuzzer, nightly Rust, cargo-fuzz).
FUZZ_SECONDS ?= 600
fuzz:
	fuzz/seed.sh
	cd fuzz && cargo +nightly fuzz run parse_checklist corpus/parse_checklist \
		-- -dict=$(CURDIR)/fuzz/checklist.dict -max_total_time=$(FUZZ_SECONDS)
	cd fuzz && cargo +nightly fuzz run import_json corpus/import_json -- -max_total_time=$(FUZZ_SECONDS)

# Rewrites ui/src/lib/backend/bindings.ts from the Rust IPC types (a test fails when it is stale).
bindings:
	UPDATE_BINDINGS=1 cargo test --quiet -p yardstick-app typescript_bindings_are_current

fmt:
	cargo fmt --all

# A Debian package of the release build. AppImage is left out: bundling it downloads
# linuxdeploy and AppImage tools from outside the package registries.
package: deps-run ui
	ui/node_modules/.bin/tauri build --bundles deb

# Windows, cross-built on Debian: the portable zip and the per-user installer in dist/windows/.
windows: deps-windows ui
	scripts/windows/build.sh

deps-windows:
	@scripts/install-deps.sh windows

deps-windows-test:
	@scripts/install-deps.sh windows-test

windows-cli: deps-windows
	cargo build --release --quiet --target x86_64-pc-windows-gnu --bin yardstick

# Opt-in, apart from `make test`: the CLI's main flows against yardstick.exe under Wine, and the
# app's start without WebView2 (see README, "Windows").
test-windows: deps-windows-test windows
	scripts/windows/test.sh

# The CLI part alone, as CI runs it: a warm CLI build and the Wine run take about a minute.
test-windows-cli: deps-windows-test windows-cli
	scripts/windows/test.sh --cli-only
