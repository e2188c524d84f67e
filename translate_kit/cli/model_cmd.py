"""``translate-kit model``: install, list and remove Argos Translate packages."""

from __future__ import annotations

import json

import click

from ..engine import packages


def _describe(info: packages.PackageInfo) -> str:
    line = f"{info.name}  {info.version or '-'}  {info.from_code}→{info.to_code}  {info.tokenizer}  {info.path}"
    return line + (f"  [{packages.DEMO_LABEL}]" if info.demo else "")


@click.group()
def model():
    """Manage translation packages (where argostranslate keeps them; $ARGOS_PACKAGES_DIR is respected)."""


@model.command()
@click.argument("name_or_file")
def install(name_or_file: str):
    """Install FILE.argosmodel, `demo` (offline demo model) or a package name such as translate-id_en."""
    info = packages.install(name_or_file)
    click.echo(f"installed {_describe(info)}")
    if info.demo:
        click.echo(
            f"note: {packages.DEMO_LABEL}; it copies Indonesian text and swaps a few common words. "
            "Install translate-id_en for real translations."
        )


@model.command(name="list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def list_(as_json: bool):
    """List installed packages."""
    infos = packages.installed_packages()
    if as_json:
        click.echo(json.dumps([i.to_dict() for i in infos], indent=2, ensure_ascii=False))
        return
    if not infos:
        click.echo(f"no packages installed in {packages.packages_dir()}")
        return
    for info in infos:
        click.echo(_describe(info))


@model.command()
@click.argument("name")
def remove(name: str):
    """Remove an installed package (its name as `model list` shows it, or `demo`)."""
    info = packages.remove(name)
    click.echo(f"removed {info.name} ({info.path})")
