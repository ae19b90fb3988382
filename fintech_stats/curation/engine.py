"""Run a report's curation over its text: every row and layout becomes Observations, every gap a
Gap, every exclusion an Exclusion.

Anything doubtful stops the run with an `AnchorError` naming file, line, table and pattern: an anchor
that matches nothing or more than once, digits of the value typed into its anchor, a decrease word
left outside the literal, a unit the table does not have, a code not in its codelist.
"""

from __future__ import annotations

import bisect
import re
from typing import Any, TypeVar

from fintech_stats.curation import layouts
from fintech_stats.curation.context import Context, LayoutFunction
from fintech_stats.curation.files import Curation, LayoutDef, RowDef, SpanRule, TableDef
from fintech_stats.errors import AnchorError
from fintech_stats.model.observation import Exclusion, Gap, Observation
from fintech_stats.model.spec import TableSpec, UsageWarning
from fintech_stats.text.numbers import find_numbers

__all__ = [
    "extract_exclusions",
    "extract_gaps",
    "extract_spans",
    "extract_table",
    "spec_of",
]

_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?")
_Span = TypeVar("_Span", Gap, Exclusion)


def spec_of(tdef: TableDef, report_id: str, topic: str = "") -> TableSpec:
    """The TableSpec of a table definition."""
    return TableSpec(
        name=tdef.name,
        title=tdef.title,
        description=tdef.description,
        dimensions=tdef.dims,
        units=tdef.units,
        report_id=report_id,
        source=tdef.source,
        version=tdef.version,
        title_zh=tdef.title_zh,
        usage_warnings=tuple(UsageWarning(kind, text) for kind, text in tdef.warnings),
        topic=topic,
    )


def _check_no_typed_value(ctx: Context, anchor: str, literal: str) -> None:
    # An anchor holding the value's own digits is a typed value in disguise (DESIGN.md).
    skeleton = anchor.replace("{Q}", " ")
    anchor_numbers = set(_NUMBER_TOKEN.findall(re.sub(r"\\(.)", r"\1", skeleton)))
    for token in _NUMBER_TOKEN.findall(literal):
        if (len(token) >= 2 or "." in token) and token in anchor_numbers:
            raise ctx.fail(f"anchor {anchor!r} holds the value's digits {token!r}")


def _run_row(ctx: Context, row: RowDef) -> list[Observation]:
    start, end = ctx.region(row.after, row.before)
    match = ctx.read(row.anchor, start, end, repair=row.repair)
    out = []
    for q, per_q, unit in zip(match.quantities, row.dims, row.units, strict=True):
        for dims in per_q:
            obs = ctx.observe(
                dims,
                q.start,
                q.end,
                quantity=None if row.repair else q,
                unit=unit,
                repair=row.repair,
                note=row.note,
                mention=row.mention,
                location=row.location,
                qualifier=row.qualifier,
            )
            _check_no_typed_value(ctx, row.anchor, obs.literal)
            out.append(obs)
    return out


def _layout_function(layout: LayoutDef, tdef: TableDef) -> LayoutFunction:
    if layout.parser in layouts.LAYOUTS:
        return layouts.LAYOUTS[layout.parser]
    raise AnchorError(
        f"{layout.where}: table {tdef.name}: layout {layout.parser!r} is not one of "
        f"the shared layouts ({', '.join(sorted(layouts.LAYOUTS))})"
    )


def extract_table(curation: Curation, tdef: TableDef, text: str) -> list[Observation]:
    """Every observation of one table (primary rows and restatements), in file order."""
    out: list[Observation] = []
    for layout in tdef.layouts:
        ctx = Context(curation.report_id, text, tdef, f"{layout.where} layout {layout.name or layout.parser}")
        function = _layout_function(layout, tdef)
        params: dict[str, Any] = dict(layout.params)
        try:
            out.extend(function(ctx, **params))
        except TypeError as exc:
            raise ctx.fail(f"layout parameters: {exc}") from None
    for row in tdef.rows:
        ctx = Context(curation.report_id, text, tdef, row.where)
        out.extend(_run_row(ctx, row))
    return out


def extract_spans(
    report_id: str,
    rules: tuple[SpanRule, ...],
    text: str,
    what: str,
    make: type[_Span],
    numbers: list[tuple[int, int]] | None = None,
) -> list[_Span]:
    """Every span of the rules as `make` (Gap or Exclusion): each anchor must match exactly as often
    as it says; `what` names the rules in messages.

    `numbers` (the spans of the text's numbers, sorted): each span must meet one of them, or the
    rule accounts for nothing (an exclusion the scanner no longer sees is stale, and says so).
    """
    starts = [start for start, _ in numbers or []]
    spans: list[_Span] = []
    for g in rules:
        found = list(re.finditer(g.anchor, text))
        if len(found) != g.matches:
            spots = ", ".join(str(m.start(1)) for m in found[:5])
            raise AnchorError(
                f"{g.where}: {what} pattern {g.anchor!r} matched {len(found)} times"
                + (f" (at {spots})" if found else "")
                + f", the row says {g.matches}"
            )
        for m in found:
            if m.end(1) <= m.start(1):
                raise AnchorError(f"{g.where}: {what} pattern {g.anchor!r}: its group matched no characters")
            spans.append(make(report_id, m.start(1), m.end(1), m.group(1), g.kind, g.location, g.note))
        if numbers is not None and not any(_holds_number(numbers, starts, m.start(1), m.end(1)) for m in found):
            raise AnchorError(
                f"{g.where}: {what} pattern {g.anchor!r} holds no number of the text in any of its "
                f"{len(found)} match(es): the rule accounts for nothing; remove it"
            )
    return spans


def _holds_number(numbers: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether text[start:end] meets one of the (sorted) number spans."""
    i = bisect.bisect_left(starts, end) - 1  # the last number starting before the span ends
    return i >= 0 and numbers[i][1] > start


def extract_gaps(curation: Curation, text: str) -> list[Gap]:
    """Every gap of the report: each anchor must match exactly as many times as it says."""
    return extract_spans(curation.report_id, curation.gaps, text, "gap", Gap)


def extract_exclusions(curation: Curation, text: str) -> list[Exclusion]:
    """Every exclusion of the report (numbers that are not claims, with their kind)."""
    found = [(n.start, n.end) for n in find_numbers(text)]
    return extract_spans(curation.report_id, curation.exclusions, text, "exclusion", Exclusion, found)
