PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test bench bench-server eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,corpus]'
	touch $@ $(VENV)/.installed $(VENV)/.installed-corpus

$(VENV)/.installed-corpus: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[corpus]'
	touch $@ $(VENV)/.installed

# Ends with a corpus run: one JSONL record per paragraph of the seeds, fixed on a local cluster.
DEMO_CORPUS := .demo-corpus
demo: $(VENV)/.installed $(VENV)/.installed-corpus
	-$(BIN)/copyfix lint seeds/
	-$(BIN)/copyfix fix --diff seeds/
	-$(BIN)/copyfix lint -v examples/
	-$(BIN)/copyfix fix --diff examples/
	rm -rf $(DEMO_CORPUS) && mkdir -p $(DEMO_CORPUS)
	$(BIN)/python -c 'import json, pathlib; \
	paras = [p.strip() for f in sorted(pathlib.Path("seeds").glob("*.txt")) \
	         if not f.name.endswith(".fixed.txt") \
	         for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]; \
	pathlib.Path("$(DEMO_CORPUS)/seeds.jsonl").write_text("".join( \
	    json.dumps({"id": f"p{i}", "text": p}) + "\n" for i, p in enumerate(paras)))'
	$(BIN)/copyfix corpus fix $(DEMO_CORPUS)/seeds.jsonl --output $(DEMO_CORPUS)/out \
	    --id-field id --workers 2 --report $(DEMO_CORPUS)/report.jsonl

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py

# Edit-to-diagnostics latency of `copyfix server` on a 200 KB Markdown document (needs pygls).
bench-server: $(VENV)/.installed-test
	$(BIN)/python benchmarks/server_latency.py

# The evaluation kit (not part of `make test`): build the corpus if needed, inject slips, score.
# EVAL_ARGS is passed to the scorer, e.g. EVAL_ARGS="--dump evaluation/.corpus/tuning-dump.jsonl".
EVAL_ARGS ?=
eval: $(VENV)/.installed
	$(BIN)/python evaluation/build_corpus.py --if-needed
	$(BIN)/python evaluation/inject.py
	$(BIN)/python evaluation/score.py $(EVAL_ARGS)

clean:
	rm -rf $(VENV) .copyfix_cache .pytest_cache .hypothesis $(DEMO_CORPUS)
