"""The `warlog` command: a thin layer over the library. Commands parse options, call library
functions and turn warlog's exceptions into one-line errors.
"""
from __future__ import annotations

import functools
import json
import logging
import os
import sys

import click

from .about import __version__
from .errors import Errors, InputError, WarlogError
from .record import MODALITIES

MODEL_ENV = "WARLOG_MODEL"  # events.classify.MODEL_ENV, spelled out so that `warlog --help` does not load spaCy
STORE_HELP = "SQLite store to use (default: warlog.db; env WARLOG_STORE)."
EVENT_FORMATS = ("table", "csv", "json", "jsonl", "geojson")
EXPORT_FORMATS = ("acled-csv", "plover-jsonl", "geojson", "jsonl", "csv", "json")


def _date(ctx, param, value):
    if value is None:
        return None
    from .dates import parse_iso

    try:
        return parse_iso(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


def store_option(f):
    return click.option("--store", "store_path", default="warlog.db", envvar="WARLOG_STORE", show_default=True,
                        type=click.Path(dir_okay=False), help=STORE_HELP)(f)


def model_option(f):
    """--model FILE: the event-type model `warlog train` wrote; it is put in WARLOG_MODEL so that
    worker processes use it too."""
    def remember(ctx, param, value):
        if value:
            os.environ[MODEL_ENV] = str(value)
        return value
    return click.option("--model", type=click.Path(exists=True, dir_okay=False), envvar=MODEL_ENV, callback=remember,
                        expose_value=False, help=f"Event-type model from `warlog train` (env {MODEL_ENV}).")(f)


def filter_options(f):
    """The same filters on every command that reads events (like sqlite-utils' output_options)."""
    options = [
        click.option("--since", callback=_date, metavar="DATE", help="Events on or after this day (YYYY-MM-DD)."),
        click.option("--until", callback=_date, metavar="DATE", help="Events on or before this day."),
        click.option("--country", multiple=True, help="ISO3 code or country name; repeat for several."),
        click.option("--admin1", help="First-level region (province, governorate)."),
        click.option("--location", help="Place name contains this."),
        click.option("--actor", help="Actor on either side: name contains this, or an actor id."),
        click.option("--actor-type", type=click.IntRange(1, 8), help="ACLED inter code of an actor on either side."),
        click.option("--type", "types", multiple=True, help="PLOVER type, ACLED event type or sub-event type."),
        click.option("--modality", multiple=True, type=click.Choice(MODALITIES), help="Keep these modalities."),
        click.option("--text", help="Full-text search over quotes, actors and places."),
        click.option("--min-fatalities", type=click.IntRange(0), help="At least this many dead (best estimate)."),
        click.option("--max-geo-precision", type=click.IntRange(1, 3), help="Drop coarser places (3 = province)."),
        click.option("--source", help="Publisher, URL or file contains this."),
        click.option("--corroborated", type=click.IntRange(1), metavar="N",
                     help="Events whose corroboration group has at least N independent sources."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _filter(kw):
    from .filters import EventFilter

    return EventFilter(since=kw.pop("since"), until=kw.pop("until"), country=list(kw.pop("country")),
                       admin1=kw.pop("admin1"), location=kw.pop("location"), actor=kw.pop("actor"),
                       actor_type=kw.pop("actor_type"), type=list(kw.pop("types")), modality=list(kw.pop("modality")),
                       text=kw.pop("text"), min_fatalities=kw.pop("min_fatalities"),
                       max_geo_precision=kw.pop("max_geo_precision"), source=kw.pop("source"),
                       corroborated=kw.pop("corroborated"))


def errors_as_messages(f):
    """warlog's own errors become a one-line message and exit status 1, never a traceback."""
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except WarlogError as exc:
            raise click.ClickException(str(exc)) from exc
    return wrapper


def _open(path):
    from .store import Store

    return Store(path)


def _write(records, fmt: str, out) -> int:
    from .export import WRITERS

    if fmt not in WRITERS:
        raise WarlogError(Errors.E302.format(fmt=fmt, choices=", ".join(WRITERS)))
    return WRITERS[fmt](records, out)


@click.group()
@click.version_option(__version__, prog_name="warlog")
@click.option("-v", "--verbose", count=True, help="Log more (-v info, -vv debug) to stderr.")
def cli(verbose):
    """warlog: turn conflict reporting into a structured, geolocated, sourced event log.

    \b
    Example:
        warlog ingest examples/ && warlog events --type Battles
    """
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if verbose < 2:  # trafilatura reports every discarded page element at warning level
        logging.getLogger("trafilatura").setLevel(logging.ERROR)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--published", callback=_date, metavar="DATE", help="Publication date for documents that state none.")
@click.option("-j", "--workers", default=1, show_default=True, type=click.IntRange(1), help="Worker processes.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actors: JSONL records or a PETRARCH actor/agent dictionary (.txt); repeat for several.")
@click.option("--max-size", default=20, show_default=True, type=click.IntRange(1), help="Largest file to read, in MB.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@model_option
@errors_as_messages
def ingest(paths, store_path, published, workers, actor_files, max_size, progress):
    """Read articles (files or folders) into the store and extract their events.

    Reads .txt .md .html .htm .jsonl and RSS/Atom feeds. Unchanged documents are skipped;
    a changed document replaces its old events. Bad files are reported one per line.

    \b
    Example:
        warlog ingest examples/ reports/2017-11-03.html --published 2017-11-03
    """
    from .ingest import ingest as run

    if progress is None:
        progress = sys.stderr.isatty()
    with _open(store_path) as store:
        report = run(paths, store, published=published, workers=workers, max_bytes=max_size * 1_000_000,
                     actor_files=tuple(actor_files), progress=progress)
    for line in report.skipped + report.problems:
        click.echo(f"skipped: {line}", err=True)
    click.echo(f"warlog: {report.summary()}", err=True)
    if report.stored == 0 and (report.skipped or report.problems or report.files):
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--published", callback=_date, metavar="DATE", help="Publication date for documents that state none.")
@click.option("--format", "fmt", default="jsonl", show_default=True, type=click.Choice(("jsonl", "json", "table")))
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actors: JSONL records or a PETRARCH actor/agent dictionary (.txt); repeatable.")
@model_option
@errors_as_messages
def extract(files, published, fmt, actor_files):
    """Print the events of articles, without a store ("-" reads standard input).

    \b
    Example:
        warlog extract report.txt --published 2017-11-03 --format table
        cat batch.jsonl | warlog extract - --format jsonl
    """
    from .pipeline import default_extractor

    docs = _read_documents(files, published)
    extractor = default_extractor(tuple(actor_files))
    records = [ev.to_dict() for _, events in extractor.extract_many(docs) for ev in events]
    _write(records, fmt, sys.stdout)


def _read_documents(files, published=None) -> list:
    """The documents of FILE arguments ("-" is standard input); a bad file or line is reported
    on one line ("skipped: [E1xx] ..."); exit status 1 when nothing could be read."""
    from .documents import read_path

    docs = []
    for path in files:
        problems: list[str] = []
        try:
            docs += read_path(path, published=published, problems=problems)
        except InputError as exc:
            click.echo(f"skipped: {exc}", err=True)
        for line in problems:
            click.echo(f"skipped: {line}", err=True)
    if not docs:
        sys.exit(1)
    return docs


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(("jsonl", "table")),
              help="jsonl: one toponym a line; table: for reading (default: table on a terminal, else jsonl).")
@click.option("--explain", is_flag=True, help="Add why each toponym resolved so: candidates with scores, context used.")
@click.option("--demonyms", is_flag=True,
              help="Also report nationality and regional adjectives ('Syrian', 'European') as rows of kind 'demonym'.")
@errors_as_messages
def geoparse(files, fmt, explain, demonyms):
    """Print the toponyms of articles, each resolved to a place ("-" reads standard input).

    Offsets index the document's text after normalisation (as event spans do).

    \b
    Example:
        warlog geoparse report.txt --format table --explain
        cat batch.jsonl | warlog geoparse - > toponyms.jsonl
    """
    from .geoparse import format_table, geoparse_documents
    from .pipeline import default_extractor

    docs = _read_documents(files)
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    for doc, rows in geoparse_documents(default_extractor(), docs, explain=explain, demonyms=demonyms):
        if fmt == "table":
            if len(docs) > 1:
                click.echo(f"# {doc.input_id or doc.source or doc.doc_id}")
            click.echo(format_table(rows, explain), nl=False)
            continue
        for row in rows:
            click.echo(json.dumps({**row, "doc_id": doc.doc_id, "source": doc.source}, ensure_ascii=False))


@cli.command()
@store_option
@filter_options
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(EVENT_FORMATS))
@click.option("--limit", type=click.IntRange(1), help="At most this many events.")
@click.option("--offset", default=0, type=click.IntRange(0), help="Skip this many first.")
@errors_as_messages
def events(store_path, fmt, limit, offset, **kw):
    """List stored events, filtered.

    \b
    Example:
        warlog events --country IRQ --since 2017-11-01 --type Battles --modality asserted
        warlog events --actor "Islamic State" --format geojson > isis.geojson
    """
    from . import countries

    flt = _filter(kw)
    with _open(store_path) as store:
        records = store.events(flt, limit=limit, offset=offset, countries=countries.iso3)
    _write(records, fmt, sys.stdout)


@cli.command()
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=True))
@store_option
@filter_options
@click.option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS),
              help="acled-csv: ACLED's 31 columns then warlog's; plover-jsonl; geojson; jsonl; json.")
@errors_as_messages
def export(out, store_path, fmt, **kw):
    """Export stored events to a file ("-" for standard output).

    \b
    Example:
        warlog export events.csv --format acled-csv --country SYR --since 2018-01-01
    """
    from . import countries

    flt = _filter(kw)
    with _open(store_path) as store:
        records = store.events(flt, countries=countries.iso3)
    if out == "-":
        n = _write(records, fmt, sys.stdout)
    else:
        with open(out, "w", encoding="utf-8", newline="") as f:
            n = _write(records, fmt, f)
    click.echo(f"warlog: {n} events written to {out} ({fmt})", err=True)


@cli.command()
@store_option
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(("table", "json")))
@errors_as_messages
def actors(store_path, fmt):
    """List the actors of the stored events, with how often each acts and is acted on.

    \b
    Example:
        warlog actors --format json
    """
    from .record import ACTOR_TYPES

    with _open(store_path) as store:
        rows = store.actors()
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'actor':40}  {'type':22}  {'country':7}  {'acts':>4}  {'hit':>4}  id")
    for r in rows:
        kind = ACTOR_TYPES.get(r["type"] or 0, "")
        click.echo(f"{(r['canonical'] or '')[:40]:40}  {kind[:22]:22}  {r['country'] or '':7}  "
                   f"{r['as_actor']:>4}  {r['as_recipient']:>4}  {r['actor_id'] or ''}")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--out", default="warlog-model.json", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the model.")
@click.option("--epochs", default=10, show_default=True, type=click.IntRange(1), help="Passes over the examples.")
@errors_as_messages
def train(file, out, epochs):
    """Fit the event-type model to your own coded examples (an ACLED export with notes, or a
    CSV/TSV/JSONL of text and label) and write it to --out; use it with --model on ingest,
    extract and eval, or set WARLOG_MODEL.

    \b
    Example:
        warlog train my_acled_export.csv --out mymodel.json
        warlog ingest reports/ --model mymodel.json
    """
    from .train import train as fit

    report = fit(file, out, epochs=epochs)
    click.echo(f"warlog: {report.examples} examples, {len(report.labels)} labels, "
               f"training accuracy {report.training_accuracy:.3f}; model written to {report.out}", err=True)


@cli.command()
@click.argument("event_id")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the event record as JSON.")
@errors_as_messages
def show(event_id, store_path, as_json):
    """Show one event: its fields, its quote in context and where each field came from.

    \b
    Example:
        warlog show 3f2a9c0d1e4b5a67
    """
    with _open(store_path) as store:
        rec = store.event(event_id)
        doc = store.document(rec["doc_id"])
    if as_json:
        click.echo(json.dumps(rec, ensure_ascii=False, indent=2))
        return
    from .show import render

    click.echo(render(rec, doc))


@cli.command()
@store_option
@errors_as_messages
def documents(store_path):
    """List stored documents with their publication dates, genres and event counts."""
    with _open(store_path) as store:
        rows = store.documents()
    for r in rows:
        click.echo(f"{r['doc_id']}  {r['published'] or '?':10}  {r['genre'] or '?':13}  {r['event_count']:>3} events  "
                   f"{r['title'] or ''}  [{r['source']}]")


@cli.command()
@store_option
@click.option("--since", help="Only deletions at or after this time (ISO).")
@errors_as_messages
def deletions(store_path, since):
    """List events removed because their document changed (event id, document, time, reason)."""
    with _open(store_path) as store:
        for r in store.deletions(since):
            click.echo(f"{r['event_id']}  {r['doc_id']}  {r['deleted_at']}  {r['reason']}")


@cli.command()
@store_option
@errors_as_messages
def check(store_path):
    """Check the store's integrity; exit 1 if anything is wrong."""
    with _open(store_path) as store:
        problems = store.integrity()
        stats = store.stats()
    for p in problems:
        click.echo(f"problem: {p}", err=True)
    click.echo(f"warlog: {stats['documents']} documents, {stats['events']} events, {stats['deletions']} deletions; "
               + ("ok" if not problems else f"{len(problems)} problems"))
    if problems:
        sys.exit(1)


@cli.command("eval")
@click.argument("datasets", nargs=-1)
@click.option("--all", "everything", is_flag=True, help="Every dataset (acled gtd ucdp petrarch plover plv conflibert modality geo re3d).")
@click.option("--data", default="../shared/eval", show_default=True, envvar="WARLOG_EVAL_DATA",
              type=click.Path(file_okay=False), help="The evaluation data folder (env WARLOG_EVAL_DATA).")
@click.option("--json", "json_out", type=click.Path(dir_okay=False, allow_dash=True), help="Also write the report as JSON.")
@click.option("--markdown", "markdown_out", type=click.Path(dir_okay=False, allow_dash=True),
              help="Also write the report as markdown.")
@click.option("--floors", "floors_path", type=click.Path(dir_okay=False),
              help="Check figures against this floors file; exit 1 if any falls past its floor.")
@click.option("--write-floors", "write_floors", type=click.Path(dir_okay=False),
              help="Write floors (measured value less a small margin) for the figures measured.")
@click.option("-j", "--workers", default=1, show_default=True, type=click.IntRange(1), help="Worker processes.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor dictionary (JSONL or PETRARCH format); repeatable.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@model_option
@errors_as_messages
def eval_(datasets, everything, data, json_out, markdown_out, floors_path, write_floors, workers, actor_files,
          progress):
    """Score warlog on real annotated data (ACLED, GTD, UCDP, PETRARCH, PLOVER, PLV, ConfliBERT,
    geoparsing corpora, re3d) and on our labelled modality sentences (no --data needed), and print a table of figures, with other systems' published
    numbers beside ours.

    \b
    Examples:
        warlog eval acled geo
        warlog eval modality
        warlog eval --all --json eval.json --markdown eval.md
        warlog eval --all --floors eval/floors.json      # what CI runs
    """
    from pathlib import Path

    from . import evaluation
    from .evaluation import floors as floor_file
    from .evaluation import report

    if everything == bool(datasets):
        raise click.UsageError("name datasets or pass --all, not both")
    names = evaluation.SCORERS if everything else tuple(dict.fromkeys(datasets))
    modules = [evaluation.scorer(n) for n in names]  # unknown names fail before anything runs
    root = Path(data)
    if not root.is_dir() and not all(evaluation.bundled(m) for m in modules):
        raise InputError(Errors.E402.format(path=data), path=data)
    if not everything:
        for module in modules:
            missing = evaluation.missing_files(module, root)
            if missing:
                raise InputError(Errors.E404.format(name=module.NAME, missing=", ".join(map(str, missing))))
    known = floor_file.load(Path(floors_path)) if floors_path else None
    show = sys.stderr.isatty() if progress is None else progress
    outcome = evaluation.run(names, root, evaluation.Runner(workers=workers, progress=show, actor_files=actor_files))
    click.echo(report.text(outcome))
    from .pipeline import extractor_version

    meta = {"warlog": __version__, "extractor_version": extractor_version(), "data": str(root.resolve())}
    for out, render in ((json_out, lambda: report.as_json(outcome, **meta)), (markdown_out, lambda: report.markdown(outcome))):
        if out:
            with click.open_file(out, "w", encoding="utf-8") as fh:
                fh.write(render())
    figures = {name: fig for name, (_, fig) in outcome.figures().items()}
    if write_floors:
        previous = floor_file.load(Path(write_floors)) if Path(write_floors).exists() else {}
        kept = {k: v for k, v in previous.items() if k.split(".", 1)[0] not in outcome.seconds}
        written = floor_file.write(Path(write_floors), figures, keep=kept)
        click.echo(f"warlog: {len(written)} floors written to {write_floors}", err=True)
    if known is not None:
        breaches = floor_file.check(known, figures, names)  # a dataset asked for but skipped breaches its floors
        for b in breaches:
            click.echo(f"floor: {b}", err=True)
        checked = sum(1 for k in known if k.split(".", 1)[0] in names)
        click.echo(f"warlog: {checked} floors checked, {len(breaches)} breached", err=True)
        if breaches:
            sys.exit(1)


@cli.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--token", envvar="WARLOG_TOKEN", help="Enable ingest through the API and the page for requests that "
              "send this token (env WARLOG_TOKEN). Without it the server is read-only.")
@errors_as_messages
def serve(store_path, host, port, token):
    """Serve the web app: map, timeline, table, event, actor and document pages, and the JSON API.

    \b
    Example:
        warlog serve --store events.db --port 8765
        WARLOG_TOKEN=secret warlog serve   # ingest enabled
    """
    import uvicorn

    from .web import create_app

    loopback = host in ("127.0.0.1", "localhost", "::1")
    app = create_app(store_path, token, allowed_hosts=["127.0.0.1", "localhost"] if loopback else None)
    with _open(store_path) as store:
        events = store.count()
    mode = "ingest enabled (token)" if token else "read-only"
    click.echo(f"warlog: serving {events} events from {store_path} at http://{host}:{port}/ ({mode})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.group()
def gazetteer():
    """Manage the place index built from GeoNames data at install time."""


@gazetteer.command("build")
@click.option("--path", type=click.Path(dir_okay=False), help="Where to write it (default: the cache path).")
@errors_as_messages
def gazetteer_build(path):
    """Build (or rebuild) the gazetteer index."""
    from .places.build import build, default_path

    target = path or default_path()
    build(target)
    click.echo(f"warlog: gazetteer index at {target}", err=True)


def _sizes(ctx, param, value):
    if value is None:
        return None
    try:
        sizes = [int(v.replace("_", "")) for v in value.split(",") if v.strip()]
    except ValueError as exc:
        raise click.BadParameter(f"{value!r}: give document counts separated by commas, e.g. 100,1000") from exc
    if not sizes or min(sizes) < 1:
        raise click.BadParameter(f"{value!r}: give one or more document counts of at least 1")
    return sizes


@cli.command()
@click.option("--quick", is_flag=True,
              help="Two timed runs of each side instead of five; corpus sizes 100 and 1,000 only.")
@click.option("--sizes", callback=_sizes, metavar="N,N,...",
              help="Generated corpus sizes for the ingest figures (default: 100,1000,10000).")
@click.option("--json", "as_json", type=click.Path(dir_okay=False), help="Also write the figures as JSON.")
@errors_as_messages
def bench(quick, sizes, as_json):
    """Measure speed and memory: pipeline against spaCy alone, start-up, peak RSS, ingest cost
    per document as the corpus grows, and -j 1 against -j 2.

    \b
    Example:
        warlog bench --quick --json bench.json
    """
    from .bench import report, run

    figures = run(quick=quick, json_path=as_json, sizes=sizes,
                  say=lambda message: click.echo(f"warlog bench: {message}", err=True))
    click.echo(report(figures))
