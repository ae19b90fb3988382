"""The vocabulary extractors are written in: tables, rows and their anchors.

An anchor is a regular expression of the words around a value with `{Q}` where the value stands;
`{Q}` expands to the shared quantity pattern (`fintech_stats.quantity.QUANTITY_PATTERN`).  The
value's own digits never appear in an anchor.  An extractor module reads like data:

    TABLES = [
        table("graph_db_usage_status", title=..., description=..., source="图 7",
              dims=("population", "usage_status"), unit="percent",
              rows=[row(r"仅有 {Q}的机构表示没听说过", population="respondents",
                        usage_status="never_heard"), ...]),
    ]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from fintech_stats.spec import UsageWarning

if TYPE_CHECKING:
    from fintech_stats.extractors.extract import Context
    from fintech_stats.observation import Observation

__all__ = ["Layout", "Row", "TableDef", "row", "table", "warning"]

Q = "{Q}"


@dataclass(frozen=True)
class Row:
    """One observation: an anchor that must match exactly once, and the dimension codes it stands for.

    `after` / `before`: optional anchors (each matching exactly once) that bound the part of the
    text the row's anchor is searched in, for wording the report repeats.  `unit`: the unit when
    the literal has none.  `restates`: the row is a restatement of a fact the table holds once.
    """

    pattern: str
    dims: dict[str, str | int]
    unit: str | None = None
    repair: str | None = None
    note: str | None = None
    restates: bool = False
    after: str | None = None
    before: str | None = None


@dataclass(frozen=True)
class Layout:
    """Rows read by a named parser of a flattened table or chart (see `extractors.layouts`)."""

    name: str
    parse: Callable[[Context], list[Observation]]


@dataclass(frozen=True)
class TableDef:
    """A table's metadata and the rows that fill it."""

    name: str
    title: str
    description: str
    source: str
    dims: tuple[str, ...]
    units: tuple[str, ...]
    rows: tuple[Row | Layout, ...]
    title_zh: str = ""
    version: str = "1.0.0"
    usage_warnings: tuple[UsageWarning, ...] = field(default_factory=tuple)


def row(
    pattern: str,
    *,
    unit: str | None = None,
    repair: str | None = None,
    note: str | None = None,
    restates: bool = False,
    after: str | None = None,
    before: str | None = None,
    **dims: str | int,
) -> Row:
    """One anchored observation; keyword arguments other than the options are dimension codes."""
    return Row(pattern, dict(dims), unit, repair, note, restates, after, before)


def warning(kind: str, description: str) -> UsageWarning:
    """A usage warning of a table."""
    return UsageWarning(kind, description)


def table(
    name: str,
    *,
    title: str,
    description: str,
    source: str,
    dims: Sequence[str],
    unit: str | Sequence[str],
    rows: Sequence[Row | Layout],
    title_zh: str = "",
    version: str = "1.0.0",
    warnings: Sequence[UsageWarning] = (),
) -> TableDef:
    """A table definition; `unit` is one unit or the list of units its rows may have."""
    units = (unit,) if isinstance(unit, str) else tuple(unit)
    return TableDef(
        name, title, description, source, tuple(dims), units, tuple(rows), title_zh, version, tuple(warnings)
    )
