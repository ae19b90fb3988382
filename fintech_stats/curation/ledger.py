"""The coverage ledger: every number of a report's text, and what accounts for it.

Each number `numbers.find_numbers` finds is part of a claim (its span meets a claim's span), or of a
gap, or excluded with a kind (its span meets an exclusion's: a date, a page number, ...); anything
else is unaccounted.  `classify` does it for one report; the build publishes the result
(numbers.parquet) and `fintech_stats.coverage()` / `unaccounted()` read it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fintech_stats.model import vocabulary
from fintech_stats.model.observation import Exclusion, Gap, Observation
from fintech_stats.text.numbers import find_numbers

__all__ = ["STATUSES", "LedgerEntry", "classify"]

#: What accounts for a number, strongest first (their home is `vocabulary.LEDGER_STATUSES`).
STATUSES = tuple(vocabulary.LEDGER_STATUSES)


@dataclass(frozen=True)
class LedgerEntry:
    """One number of a report and what accounts for it (`kind`: the exclusion or gap kind)."""

    report_id: str
    span_start: int
    span_end: int
    text: str
    status: str
    kind: str | None


def _mark(size: int, spans: Iterable[tuple[int, int, str | None]]) -> list[str | None]:
    marks: list[str | None] = [None] * size
    for start, end, kind in spans:
        for i in range(max(0, start), min(size, end)):
            if marks[i] is None:
                marks[i] = kind or ""
    return marks


def classify(
    report_id: str,
    text: str,
    claims: Sequence[Observation],
    gaps: Sequence[Gap],
    exclusions: Sequence[Exclusion],
) -> list[LedgerEntry]:
    """Every number of `text` with what accounts for it (claims first, then gaps, then exclusions)."""
    layers = [
        ("claim", _mark(len(text), ((o.span_start, o.span_end, o.mention) for o in claims))),
        ("gap", _mark(len(text), ((g.span_start, g.span_end, g.kind) for g in gaps))),
        ("excluded", _mark(len(text), ((e.span_start, e.span_end, e.kind) for e in exclusions))),
    ]
    out = []
    for number in find_numbers(text):
        status, kind = "unaccounted", None
        for name, marks in layers:
            hit = next((marks[i] for i in range(number.start, number.end) if marks[i] is not None), None)
            if hit is not None:
                status, kind = name, hit or None
                break
        out.append(LedgerEntry(report_id, number.start, number.end, number.text, status, kind))
    return out
