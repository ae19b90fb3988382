"""Codelists: the stable ASCII codes of every dimension value, each with a zh and an en label.

One registry shared by all reports (the same `city_commercial_bank` everywhere).  Each module of
this package defines `CODELISTS: dict[str, dict[str, tuple[str, str]]]` (codelist -> code ->
(zh label as the source writes it, en label)); the registry merges them and refuses a codelist
defined twice.  The dimension `year` is numeric and has no codelist.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache

__all__ = ["CODE_RE", "NUMERIC_DIMENSIONS", "codelist", "label", "registry"]

#: Dimensions whose values are integers, not codes.
NUMERIC_DIMENSIONS = frozenset({"year"})

#: What a code looks like.
CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")


@cache
def registry() -> dict[str, dict[str, tuple[str, str]]]:
    """Every codelist of every module of this package, checked once."""
    merged: dict[str, dict[str, tuple[str, str]]] = {}
    owner: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, codes in module.CODELISTS.items():
            if name in merged:
                raise ValueError(f"codelist {name!r} defined in both {owner[name]} and {info.name}")
            for code, (zh, en) in codes.items():
                if not CODE_RE.match(code) or not zh or not en or not en.isascii():
                    raise ValueError(f"codelist {name!r}: bad entry {code!r} -> ({zh!r}, {en!r})")
            merged[name] = dict(codes)
            owner[name] = info.name
    return merged


def codelist(name: str) -> dict[str, tuple[str, str]]:
    """The codes of one codelist (KeyError names the known codelists)."""
    lists = registry()
    if name not in lists:
        raise KeyError(f"no codelist {name!r}; known: {', '.join(sorted(lists))}")
    return lists[name]


def label(name: str, code: str, language: str) -> str:
    """The zh or en label of `code` in codelist `name`."""
    zh, en = codelist(name)[code]
    return zh if language == "zh" else en
