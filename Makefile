# Quick start:  make run   (set up everything, build the index, open the chat)
#               make test  (set up everything, run the whole test suite)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup system-deps index run test eval bench clean

setup: $(STAMP) system-deps

# torch first, pinned: pip then takes the CPU wheel and sentence-transformers
# does not pull a CUDA build.
$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install "$$(grep -E '^torch==' requirements.txt)"
	$(PY) -m pip install -r requirements.txt
	touch $(STAMP)

system-deps:
	./scripts/system-deps.sh

index: $(STAMP)
	$(PY) -m app build

run: setup index
	$(PY) -m app serve

test: setup
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m eval

bench: $(STAMP)
	$(PY) -m app bench

clean:
	rm -rf $(VENV) index/CURRENT index/v-* index/tmp-*
