"""``translate-kit memory``: export and import the translation memory's human segments as TMX 1.4, and stats."""

from __future__ import annotations

import json
from pathlib import Path

import click


def _memory_path(target: Path) -> Path:
    """A memory file, or an output directory (its OUTDIR/.translate-kit/memory.sqlite): a directory, or a path
    that does not exist yet and has no suffix (a memory file is named ``*.sqlite``)."""
    from ..translation.memory import default_memory_path

    if target.is_dir() or (not target.exists() and not target.suffix):
        return default_memory_path(target)
    return target


def _open(target: Path, *, must_exist: bool):
    from ..errors import InputError
    from ..translation.memory import MemoryStore

    path = _memory_path(target)
    if must_exist and not path.is_file():
        raise InputError("no translation memory here", path)
    store = MemoryStore(path)
    for warning in store.warnings:
        click.echo(f"translate-kit: {warning}", err=True)
    return store


@click.group()
def memory():
    """The translation memory (MEMORY: a memory file or an output directory)."""


@memory.command("export")
@click.argument("target", metavar="MEMORY", type=click.Path(path_type=Path, exists=True))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The TMX file to write.",
)
def export(target, output):
    """Write the approved human segments of MEMORY as TMX 1.4."""
    from ..translation.memory.tmx import export_tmx

    with _open(target, must_exist=True) as store:
        n = export_tmx(store.human_all(), output)
    click.echo(f"translate-kit: exported {n} approved segment(s) to {output}", err=True)


@memory.command("import")
@click.argument("tmx", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--into",
    "target",
    required=True,
    metavar="MEMORY",
    type=click.Path(path_type=Path),
    help="Memory file or output directory to import into (created when missing).",
)
def import_(tmx, target):
    """Add the translation units of a TMX file to MEMORY as approved human segments."""
    from ..translation.memory.tmx import parse_tmx

    segments = parse_tmx(tmx)
    with _open(target, must_exist=False) as store:
        store.human_put(segments)
    click.echo(f"translate-kit: imported {len(segments)} segment(s) from {tmx}", err=True)


@memory.command("stats")
@click.argument("target", metavar="MEMORY", type=click.Path(path_type=Path, exists=True))
def stats(target):
    """Engines, machine segments, approved and draft human segments, file size."""
    with _open(target, must_exist=True) as store:
        figures = store.stats()
    figures["bytes"] = sum(
        p.stat().st_size for p in Path(figures["path"]).parent.glob(Path(figures["path"]).name + "*")
    )
    click.echo(json.dumps(figures, indent=2))
