"""The registry of violation checks: a leaf module that imports nothing of the package but the data model.

Each check is registered with a stable kebab-case name, a default severity and a scope (the way
translate-toolkit's pofilter registers its checks):

- ``pair`` checks receive one :class:`~translate_kit.checks.context.PairContext` (a segment pair plus the
  term matches and number comparison computed once for it) and return its violations (a list, or an empty
  tuple when there are none: most pairs have none, and a plain return is cheaper than a generator);
- ``document`` checks receive the contexts of one document (or of the whole batch with ``--scope batch``)
  and return their violations likewise.

A check names the shared match data it reads (``needs``: attributes of the pair context such as ``terms`` or
``numbers``): the runner computes each kind for a whole chunk of pairs before the checks run (see
:mod:`.runner`). A check that needs none, or reads some only now and then, computes them on first use.

A ``blocking`` pair check that fires (empty, missing, extra or untranslated segment) stops the other pair
checks on that pair: one mistake, one violation. A ``one_sided`` check can fire only on a pair with a side
missing (a missing or extra segment or file), so the runner does not call it on pairs with both sides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import SEVERITIES


@dataclass(frozen=True)
class Check:
    name: str
    severity: str  # default severity
    func: Callable[..., Iterable]
    scope: str = "pair"  # "pair" | "document"
    blocking: bool = False
    description: str = ""
    one_sided: bool = False  # fires only on a pair whose source or target is missing
    needs: tuple[str, ...] = ()  # the shared match data it reads (PairContext attributes)


#: name → Check, in registration (= running) order
REGISTRY: dict[str, Check] = {}


def register(
    name: str,
    severity: str,
    *,
    scope: str = "pair",
    blocking: bool = False,
    description: str = "",
    one_sided: bool = False,
    needs: tuple[str, ...] = (),
):
    """Decorator: register ``func`` as the check ``name``."""
    if severity not in SEVERITIES:
        raise ValueError(f"bad default severity {severity!r} for check {name!r}")

    def deco(func):
        if name in REGISTRY:
            raise ValueError(f"check {name!r} registered twice")
        REGISTRY[name] = Check(
            name, severity, func, scope, blocking, description or (func.__doc__ or "").strip(), one_sided, needs
        )
        return func

    return deco


def kinds() -> list[str]:
    """Every registered violation kind, in running order."""
    return list(REGISTRY)
