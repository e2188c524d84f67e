"""The package's import graph: no cycle, and imports point one way — a module imports only from its own
layer or lower ones (DESIGN.md §2). Read statically from the source (``if TYPE_CHECKING:`` blocks are
annotations only and do not count)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "translate_kit"

#: lowest first; a module may import its own layer or a lower one
LAYERS = [
    {"errors", "textio"},
    {"corpus"},
    {"glossary"},
    {"engine"},
    {"translation", "checks", "metrics"},
    {"evaluation"},
    {"render"},
    {"cli", "__main__"},
]
RANK = {name: i for i, layer in enumerate(LAYERS) for name in layer}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Modules of the package imported by the file at ``path`` (absolute names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    type_only = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", "")) == "TYPE_CHECKING"
        for n in ast.walk(node)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("translate_kit"):
                found.add(target)
                for alias in node.names:  # "from . import segments" imports a module
                    sub = f"{target}.{alias.name}"
                    if (PACKAGE.parent / sub.replace(".", "/")).with_suffix(".py").exists() or (
                        PACKAGE.parent / sub.replace(".", "/")
                    ).is_dir():
                        found.add(sub)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("translate_kit")}
    return found - {_module_name(path)}


GRAPH = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def _top(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_top_level_module_has_a_layer():
    tops = {_top(m) for m in GRAPH} - {"__init__"}
    assert tops <= set(RANK), f"modules without a layer in LAYERS: {sorted(tops - set(RANK))}"


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if _top(m) != "__init__"))
def test_imports_point_down(module):
    mine = RANK[_top(module)]
    upward = sorted(t for t in GRAPH[module] if _top(t) != "__init__" and RANK.get(_top(t), -1) > mine)
    assert not upward, f"{module} (layer {mine}) imports higher layers: {upward}"


def test_nothing_inside_imports_the_public_api():
    """The root ``translate_kit/__init__`` is the public API on top of everything: inside the package only
    ``__version__`` is taken from it (as ``from .. import __version__``)."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module is None and node.level:
                here = _module_name(path).split(".")
                package = here if path.name == "__init__.py" else here[:-1]
                if len(package) - node.level + 1 == 1:  # "from <root> import ..."
                    names = {a.name for a in node.names}
                    assert names <= {"__version__"} | {m.split(".")[1] for m in GRAPH if m.count(".") >= 1}, (
                        str(path),
                        names,
                    )


def _cycle() -> list[str] | None:
    """One import cycle among the package's modules (a package ``__init__`` counts as its own module)."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(GRAPH.get(node, ())):
            if nxt not in GRAPH or nxt == "translate_kit":
                continue
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(GRAPH):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle():
    cycle = _cycle()
    assert cycle is None, "import cycle: " + " → ".join(cycle)
