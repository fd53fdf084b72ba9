"""`warlog bench`: speed and memory of the pipeline, measured in one run, reported as ratios.

The reference is spaCy's own pipeline (the same model, without warlog's matcher) on exactly
the same paragraphs: the DESIGN.md budget is pipeline time <= 1.25 x spaCy time, start-up
< 3 s and peak RSS < 1 GB per worker. Runs alternate (spaCy, warlog, spaCy, warlog ...) and
medians are reported, so that a drifting machine load hits both sides alike. Start-up and peak
memory are measured in a fresh interpreter, the way a worker starts.

Then ingest at scale, on a generated corpus (bench_corpus.py) in temporary stores: the cost
per document at each corpus size (warm extractor, in this process: a store that slows as it
grows shows as a rising cost), and `warlog ingest -j 1` against `-j 2` as a user runs them
(fresh processes, start-up included).
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from . import bench_corpus
from .documents import iter_paths, read_path
from .errors import InputError
from .nlp import MODEL, straighten
from .pipeline import Extractor, paragraphs

ROOT = Path(__file__).resolve().parent.parent
# scale_ratio: cost per document at the largest corpus over the smallest; flat is 1
TARGETS = {"ratio": 1.25, "startup_s": 3.0, "peak_rss_mb": 1024, "scale_ratio": 1.25,
           "gazetteer_load_s": 1.0, "gazetteer_rss_mb": 200}
SIZES = (100, 1_000, 10_000)
QUICK_SIZES = (100, 1_000)
WORKERS_DOCS = 1_000  # -j 1 against -j 2 on this many documents (or the largest size, if smaller)
SMALL_DOCS, SMALL_REPEATS = 1_000, 5  # a corpus under SMALL_DOCS is timed up to 5 times

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

# The gazetteer alone (issue: loads in under a second, adds under 200 MB): open the index, read
# the recognition patterns as the matcher does, resolve a few names; resident memory before/after.
_GAZ_CHILD = """
import json, os, time
def rss():
    with open('/proc/self/statm') as f:
        return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE') / 2**20
from warlog.places import Context, Gazetteer, Toponym
before = rss()
t0 = time.perf_counter()
gz = Gazetteer.open()
patterns = gz.patterns()
names = ["Mosul", "Aleppo", "Deir Ezzor", "Quneitra", "Kabul", "London"]
gz.resolve([Toponym(n, 0, len(n)) for n in names], Context(countries=["IRQ", "SYR"]))
print(json.dumps({"gazetteer_load_s": time.perf_counter() - t0, "gazetteer_rss_mb": rss() - before,
                  "gazetteer_patterns": len(patterns)}))
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


def measure(docs, repeats: int = 5, ex: Extractor | None = None) -> dict:
    import spacy

    paras = [straighten(t) for d in docs for _, t in paragraphs(d.text)]
    plain = spacy.load(MODEL)
    ex = ex or Extractor()
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


def gazetteer_load() -> dict:
    out = subprocess.run([sys.executable, "-c", _GAZ_CHILD], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def scale(records: list[dict], sizes, folder: Path, ex: Extractor) -> list[dict]:
    """Ingest the first n generated documents into a fresh store for each size: cost per document.
    The cost is this process's CPU time (parsing, extraction and SQLite all run in it), which other
    processes on a busy machine do not inflate as they do the wall time, also given. A corpus of a
    few seconds is timed several times (the run with the median CPU time counts). One untimed run
    first fills the per-process caches (actor matches, place candidates), which would otherwise
    be charged to the first size alone."""
    from .ingest import ingest
    from .store import Store

    warm = folder / "warm-up.jsonl"
    bench_corpus.write(warm, records[:min(sizes)])
    with Store(folder / "warm-up.db") as store:
        ingest([str(warm)], store, extractor=ex)
    rows = []
    for n in sizes:
        path = folder / f"corpus-{n}.jsonl"
        words = bench_corpus.write(path, records[:n])
        runs = []
        for k in range(max(1, min(SMALL_REPEATS, SMALL_DOCS // n))):
            with Store(folder / f"scale-{n}-{k}.db") as store:
                t, c = time.perf_counter(), time.process_time()
                report = ingest([str(path)], store, extractor=ex)
                runs.append((time.process_time() - c, time.perf_counter() - t, report))
        cpu, wall, report = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
        rows.append({"documents": n, "stored": report.added, "words": words, "events": report.events,
                     "runs": len(runs), "cpu_s": cpu, "seconds": wall, "ms_per_doc": 1000 * cpu / n,
                     "wall_ms_per_doc": 1000 * wall / n, "words_per_s": words / cpu})
    return rows


def workers(records: list[dict], folder: Path, counts=(1, 2)) -> dict:
    """`warlog ingest -j N` in a fresh process for each N, on the same documents, each into its own store."""
    from .store import Store

    path = folder / f"workers-{len(records)}.jsonl"
    bench_corpus.write(path, records)
    out: dict = {"documents": len(records)}
    for j in counts:
        store = folder / f"workers-j{j}.db"
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "warlog", "ingest", str(path), "--store", str(store), "-j", str(j),
                        "--no-progress"], capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - t
        with Store(store) as s:
            stored = s.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        out[f"j{j}"] = {"seconds": seconds, "docs_per_s": len(records) / seconds, "stored": stored}
    out["speedup"] = out[f"j{counts[0]}"]["seconds"] / out[f"j{counts[-1]}"]["seconds"]
    return out


def run(quick: bool = False, json_path: str | None = None, paths=None, sizes=None,
        say: Callable[[str], None] = lambda message: None) -> dict:
    """Measure everything; `say` hears what is being measured (the CLI shows it on stderr)."""
    paths = paths or default_inputs()
    sizes = sorted(set(sizes or (QUICK_SIZES if quick else SIZES)))
    docs = corpus(paths)
    say(f"pipeline against spaCy alone on {len(docs)} documents")
    ex = Extractor()
    figures = measure(docs, repeats=2 if quick else 5, ex=ex)
    say("start-up and peak memory in a fresh interpreter")
    figures.update({k: v for k, v in cold_start(paths).items() if k in ("startup_s", "peak_rss_mb")})
    say("gazetteer load time and memory in a fresh interpreter")
    figures.update(gazetteer_load())
    figures["inputs"] = [str(p) for p in paths]
    records = list(bench_corpus.documents(max(sizes)))
    with tempfile.TemporaryDirectory(prefix="warlog-bench-") as tmp:
        say(f"ingest at {', '.join(f'{n:,}' for n in sizes)} generated documents")
        figures["scale"] = scale(records, sizes, Path(tmp), ex)
        first, last = figures["scale"][0], figures["scale"][-1]
        figures["scale_ratio"] = last["ms_per_doc"] / first["ms_per_doc"]
        # the same, per word: sizes differ a little in words per document
        figures["scale_ratio_per_word"] = (last["cpu_s"] / last["words"]) / (first["cpu_s"] / first["words"])
        n = min(WORKERS_DOCS, max(sizes))
        say(f"warlog ingest -j 1 and -j 2 on {n:,} generated documents")
        figures["workers"] = workers(records[:n], Path(tmp))
    if json_path:
        Path(json_path).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


def report(f: dict) -> str:
    def verdict(ok: bool) -> str:
        return "ok" if ok else "OVER TARGET"

    lines = [
        f"warlog bench: {f['documents']} documents, {f['words']} words, {f['events']} events "
        f"from {', '.join(f['inputs'])}",
        f"  spaCy alone        {f['spacy_words_per_s']:8.0f} words/s   ({f['spacy_s']:.3f} s, median)",
        f"  warlog pipeline    {f['pipeline_words_per_s']:8.0f} words/s   ({f['pipeline_s']:.3f} s, median)",
        f"  pipeline / spaCy   {f['ratio']:8.2f} x         (min {f['ratio_min']:.2f}, max {f['ratio_max']:.2f}; "
        f"target <= {TARGETS['ratio']}: {verdict(f['ratio'] <= TARGETS['ratio'])})",
        f"  start-up           {f['startup_s']:8.2f} s         (model + knowledge base + gazetteer, fresh "
        f"interpreter; target < {TARGETS['startup_s']}: {verdict(f['startup_s'] < TARGETS['startup_s'])})",
        f"  peak RSS           {f['peak_rss_mb']:8.0f} MB        (one worker after the corpus; target < "
        f"{TARGETS['peak_rss_mb']}: {verdict(f['peak_rss_mb'] < TARGETS['peak_rss_mb'])})",
        f"  gazetteer load     {f['gazetteer_load_s']:8.2f} s         (open, {f['gazetteer_patterns']:,} patterns read, "
        f"first names resolved; target < {TARGETS['gazetteer_load_s']}: "
        f"{verdict(f['gazetteer_load_s'] < TARGETS['gazetteer_load_s'])})",
        f"  gazetteer memory   {f['gazetteer_rss_mb']:8.0f} MB        (resident memory it adds; target < "
        f"{TARGETS['gazetteer_rss_mb']}: {verdict(f['gazetteer_rss_mb'] < TARGETS['gazetteer_rss_mb'])})",
        "ingest of generated documents (one process, warm, a fresh store per size; CPU time):",
    ]
    for row in f["scale"]:
        runs = f", median of {row['runs']}" if row["runs"] > 1 else ""
        lines.append(f"  {row['documents']:>8,} documents {row['ms_per_doc']:8.1f} ms/doc  "
                     f"({row['words'] / row['documents']:.0f} words/doc, {row['words_per_s']:.0f} words/s; wall "
                     f"{row['wall_ms_per_doc']:.1f} ms/doc, {row['seconds']:.1f} s{runs}; {row['events']:,} events)")
    big, small = f["scale"][-1]["documents"], f["scale"][0]["documents"]
    lines.append(f"  cost per doc at {big:,} / at {small:,}: {f['scale_ratio']:.2f} x; per word "
                 f"{f['scale_ratio_per_word']:.2f} x  (flat is 1; target <= {TARGETS['scale_ratio']}: "
                 f"{verdict(f['scale_ratio'] <= TARGETS['scale_ratio'])})")
    w = f["workers"]
    lines.append(f"warlog ingest on {w['documents']:,} generated documents (fresh processes, start-up included):")
    for j in (1, 2):
        lines.append(f"  -j {j}  {w[f'j{j}']['docs_per_s']:8.1f} docs/s  ({w[f'j{j}']['seconds']:.1f} s)")
    lines.append(f"  speed-up of -j 2 over -j 1: {w['speedup']:.2f} x")
    return "\n".join(lines)
