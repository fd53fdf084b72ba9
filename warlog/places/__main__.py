"""python -m warlog.places build|lookup|resolve: build the gazetteer index and query it."""
from __future__ import annotations

import logging
import sys

import click

from . import Context, Gazetteer, Toponym, build, default_path


@click.group()
def cli():
    """The warlog gazetteer index."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")


@cli.command("build")
@click.option("--path", type=click.Path(dir_okay=False), envvar="WARLOG_GAZETTEER",
              help="Where to write the index (default: the per-version cache file).")
def build_cmd(path):
    """Build the index from the installed packages and our alias file.

    Example: python -m warlog.places build --path /tmp/gazetteer.sqlite
    """
    click.echo(str(build(path)))


@cli.command("path")
def path_cmd():
    """Print where the index lives (built or not)."""
    click.echo(str(default_path()))


@cli.command("lookup")
@click.argument("name")
@click.option("--limit", default=10, show_default=True)
@click.option("--path", type=click.Path(dir_okay=False), default=None)
def lookup_cmd(name, limit, path):
    """Candidates for NAME, most likely first without context.

    Example: python -m warlog.places lookup "Deir ez-Zor"
    """
    gz = Gazetteer.open(path)
    for m in gz.matches(name)[:limit]:
        p = m.place
        click.echo(f"{m.prior:6.2f}  {p.place_id:14} {p.name} ({p.feature}, {p.admin1 or '-'}, "
                   f"{p.country2}) {p.lat:.4f},{p.lon:.4f}  [{'; '.join(m.reasons)}]")


@cli.command("resolve")
@click.argument("names", nargs=-1, required=True)
@click.option("--country", "countries", multiple=True, help="ISO3 country of the document (repeatable).")
@click.option("--in", "inside", multiple=True, help="I:J: toponym I lies in toponym J (0-based).")
@click.option("--hint", "hints", multiple=True, help="I:WORD: a hint word for toponym I.")
@click.option("--path", type=click.Path(dir_okay=False), default=None)
def resolve_cmd(names, countries, inside, hints, path):
    """Resolve NAMES as toponyms of one document and explain every score.

    Example: python -m warlog.places resolve Hader Quneitra --in 0:1 --hint 1:province
    """
    gz = Gazetteer.open(path)
    hint_of = {int(h.split(":", 1)[0]): h.split(":", 1)[1] for h in hints}
    toponyms = [Toponym(n, 0, len(n), hint_of.get(i)) for i, n in enumerate(names)]
    container = {int(a): int(b) for a, b in (x.split(":") for x in inside)}
    for t, r in zip(toponyms, gz.resolve(toponyms, Context(list(countries), container))):
        if r is None:
            click.echo(f"{t.text}: unresolved")
            continue
        p = r.place
        click.echo(f"{t.text}: {p.name} [{p.place_id}] {p.feature} {p.admin1 or '-'} {p.country3} "
                   f"{p.lat:.4f},{p.lon:.4f} p={r.score:.2f} precision={r.precision}")
        for cand, score, why in r.candidates[:5]:
            click.echo(f"   {score:6.2f} {cand.name} [{cand.place_id}] {cand.country2}: {why}")


if __name__ == "__main__":
    sys.exit(cli())
