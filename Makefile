# Si KERJA — the two commands: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
BUN_DIR := tools/bun
BUN := $(BUN_DIR)/node_modules/.bin/bun

# Reflex: use the bun installed from npm (its own download cannot reach the internet here),
# never send telemetry.
export REFLEX_USE_SYSTEM_BUN := 1
export REFLEX_TELEMETRY_ENABLED := false
export PATH := $(CURDIR)/$(BUN_DIR)/node_modules/.bin:$(PATH)

.PHONY: run test setup deps bun browser lint bench clean

run: setup
	$(BIN)/reflex run --env prod --single-port

test: setup browser lint
	$(BIN)/pytest

setup: deps bun
	$(BIN)/python -m sikerja_app.cli setup

deps: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

bun: $(BUN)

$(BUN): $(BUN_DIR)/package.json
	cd $(BUN_DIR) && npm install --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; \
	fi

lint: deps
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python bench/events.py
	$(BIN)/python bench/stats.py

clean:
	rm -rf .web .states test-artifacts
