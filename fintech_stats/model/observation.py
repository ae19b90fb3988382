"""Observation: one numeric claim, its dimensions, its value and the exact span it was read from."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

__all__ = ["Exclusion", "Gap", "Observation"]


@dataclass(frozen=True)
class Observation:
    """One row of a table (or of its restatements)."""

    table: str
    dims: tuple[tuple[str, str | int], ...]
    value: Decimal | None
    value_high: Decimal | None
    unit: str
    qualifier: str
    report_id: str
    span_start: int
    span_end: int
    literal: str
    repair: str | None = None
    note: str | None = None
    mention: str = "primary"
    location: str | None = None
    #: The curation line it came from (file:line), for messages; not published.
    where: str = field(default="", compare=False)

    @property
    def dim_dict(self) -> dict[str, str | int]:
        """The dimensions as a dict."""
        return dict(self.dims)


@dataclass(frozen=True)
class _MarkedSpan:
    """A span of a report's text that a curation rule marks with a kind, where it stands and why."""

    report_id: str
    span_start: int
    span_end: int
    text: str
    kind: str
    location: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Gap(_MarkedSpan):
    """A place in a report's text where a number was evidently lost (`kind`: `vocabulary.GAP_KINDS`)."""


@dataclass(frozen=True)
class Exclusion(_MarkedSpan):
    """Numbers of a report's text that are not claims: a date, a page number, ... (`kind`:
    `vocabulary.EXCLUSION_KINDS`)."""
