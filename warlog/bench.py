"""`warlog bench`: speed and memory of the pipeline, measured in one run, reported as ratios.

The reference is spaCy's own pipeline (the same model, without warlog's matcher) on exactly
the same paragraphs: the DESIGN.md budget is pipeline time <= 1.25 x spaCy time, start-up
< 3 s and peak RSS < 1 GB per worker. Runs alternate (spaCy, warlog, spaCy, warlog ...) and
medians are reported, so that a drifting machine load hits both sides alike. Start-up and peak
memory are measured in a fresh interpreter, the way a worker starts.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .documents import iter_paths, read_path
from .errors import InputError
from .nlp import MODEL, straighten
from .pipeline import Extractor, paragraphs

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"ratio": 1.25, "startup_s": 3.0, "peak_rss_mb": 1024}

_CHILD = """
import json, resource, sys, time
t0 = time.perf_counter()
from warlog.pipeline import Extractor
ex = Extractor()
startup = time.perf_counter() - t0
from warlog.bench import corpus
docs = corpus(sys.argv[1:])
t1 = time.perf_counter()
n = sum(len(events) for _, events in ex.extract_many(docs))
run = time.perf_counter() - t1
print(json.dumps({"startup_s": startup, "run_s": run, "events": n,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def corpus(paths) -> list:
    docs = []
    for path in iter_paths(paths):
        try:
            docs += read_path(path)
        except InputError:
            continue
    return docs


def default_inputs() -> list[Path]:
    inputs = [ROOT / "examples"]
    samples = ROOT.parent / "shared" / "samples"
    if samples.is_dir():
        inputs.append(samples)
    return [p for p in inputs if p.exists()]


def measure(docs, repeats: int = 5) -> dict:
    import spacy

    paras = [straighten(t) for d in docs for _, t in paragraphs(d.text)]
    plain = spacy.load(MODEL)
    ex = Extractor()
    words = sum(1 for doc in plain.pipe(paras) for t in doc if not (t.is_punct or t.is_space))
    # one full pass each first: first calls allocate, and lazy imports (dateparser) happen once
    # per process; start-up and first-call costs are measured apart, in cold_start()
    list(plain.pipe(paras))
    list(ex.extract_many(docs))
    spacy_t, warlog_t, ratios = [], [], []
    for _ in range(repeats):
        t = time.perf_counter()
        for _doc in plain.pipe(paras, batch_size=256):
            pass
        s = time.perf_counter() - t
        t = time.perf_counter()
        events = sum(len(evs) for _, evs in ex.extract_many(docs))
        w = time.perf_counter() - t
        spacy_t.append(s)
        warlog_t.append(w)
        ratios.append(w / s)
    s, w = statistics.median(spacy_t), statistics.median(warlog_t)
    return {"documents": len(docs), "words": words, "events": events,
            "spacy_s": s, "pipeline_s": w, "spacy_words_per_s": words / s, "pipeline_words_per_s": words / w,
            "ratio": statistics.median(ratios), "ratio_min": min(ratios), "ratio_max": max(ratios)}


def cold_start(paths) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, *map(str, paths)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(quick: bool = False, json_path: str | None = None, paths=None) -> dict:
    paths = paths or default_inputs()
    docs = corpus(paths)
    figures = measure(docs, repeats=2 if quick else 5)
    figures.update({k: v for k, v in cold_start(paths).items() if k in ("startup_s", "peak_rss_mb")})
    report(figures, paths)
    if json_path:
        Path(json_path).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


def report(f: dict, paths) -> None:
    def verdict(ok: bool) -> str:
        return "ok" if ok else "OVER TARGET"

    print(f"warlog bench: {f['documents']} documents, {f['words']} words, {f['events']} events "
          f"from {', '.join(str(p) for p in paths)}")
    print(f"  spaCy alone        {f['spacy_words_per_s']:8.0f} words/s   ({f['spacy_s']:.3f} s, median)")
    print(f"  warlog pipeline    {f['pipeline_words_per_s']:8.0f} words/s   ({f['pipeline_s']:.3f} s, median)")
    print(f"  pipeline / spaCy   {f['ratio']:8.2f} x         (min {f['ratio_min']:.2f}, max {f['ratio_max']:.2f}; "
          f"target <= {TARGETS['ratio']}: {verdict(f['ratio'] <= TARGETS['ratio'])})")
    print(f"  start-up           {f['startup_s']:8.2f} s         (model + knowledge base + gazetteer, fresh "
          f"interpreter; target < {TARGETS['startup_s']}: {verdict(f['startup_s'] < TARGETS['startup_s'])})")
    print(f"  peak RSS           {f['peak_rss_mb']:8.0f} MB        (one worker after the corpus; target < "
          f"{TARGETS['peak_rss_mb']}: {verdict(f['peak_rss_mb'] < TARGETS['peak_rss_mb'])})")
