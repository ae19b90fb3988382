"""Observation: one numeric claim, its dimensions, its value and the exact span it was read from."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = ["MENTIONS", "Observation"]

#: A table holds each fact once (`primary`); the same fact stated again is a `restatement`.
MENTIONS = ("primary", "restatement")


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

    @property
    def dim_dict(self) -> dict[str, str | int]:
        """The dimensions as a dict."""
        return dict(self.dims)
