# Quick start:  make run   (set up the app, build the index, open the chat)
#               make test  (set up the app and the test tools, run the whole test suite)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# Torch, pinned, is installed first from PyTorch's CPU-only wheel index
# (about 200 MB); PyPI's own torch wheel is the CUDA build (526 MB, plus
# several GB of CUDA libraries that sentence-transformers would then keep).
# The index is tried once with a short timeout; when it cannot be reached
# (offline mirror, firewall) pip falls back at once to the default index,
# which then has to provide a CPU wheel. Another index: make TORCH_INDEX=URL run
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu
TORCH = "$$(grep -E '^torch==' requirements.txt)"

.PHONY: setup setup-test index run test eval bench clean

setup: $(STAMP)
	./scripts/system-deps.sh app

setup-test: $(TEST_STAMP)
	./scripts/system-deps.sh app test

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install --index-url $(TORCH_INDEX) --timeout 10 --retries 0 $(TORCH) \
		|| $(PY) -m pip install $(TORCH)
	$(PY) -m pip install -r requirements.txt
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install -r requirements-test.txt
	touch $(TEST_STAMP)

index: $(STAMP)
	$(PY) -m app build

run: setup index
	$(PY) -m app serve

test: setup-test
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m eval

bench: $(STAMP)
	$(PY) -m app bench

clean:
	rm -rf $(VENV)
	find index -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} +
