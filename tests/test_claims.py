"""Invariants over every observation of every table, straight from the extractors."""

from __future__ import annotations

import re

from fintech_stats.build import BuiltTable
from fintech_stats.quantity import QUALIFIERS
from fintech_stats.repairs import REPAIRS, admits


def _all(built: list[BuiltTable]) -> list:  # type: ignore[type-arg]
    return [o for b in built for o in (*b.primary, *b.restatements)]


def test_every_span_is_its_literal(built: list[BuiltTable], texts: dict[str, str]) -> None:
    observations = _all(built)
    assert len(observations) > 400
    for o in observations:
        assert texts[o.report_id][o.span_start : o.span_end] == o.literal, (o.table, o.dims)
        assert o.span_end > o.span_start


def test_every_literal_reparses_to_its_value(built: list[BuiltTable]) -> None:
    for o in _all(built):
        assert o.repair is None or o.repair in REPAIRS
        assert o.value is not None
        assert admits(o.literal, o.repair, o.value), (o.table, o.dims, o.literal, o.repair, o.value)


def test_vocabularies(built: list[BuiltTable]) -> None:
    for b in built:
        for o in (*b.primary, *b.restatements):
            assert o.qualifier in QUALIFIERS
            assert o.unit in b.spec.units
            assert (o.value_high is not None) == (o.qualifier == "range"), (o.table, o.literal)
            if o.unit == "percent" and o.qualifier != "range":
                assert -100 <= o.value <= 1000, (o.table, o.literal)


def test_no_anchor_types_a_value() -> None:
    # Anchors are data; the value's digits never stand in them (a typed value in disguise).
    from fintech_stats.extractors import extractor_modules
    from fintech_stats.extractors.anchors import Row

    for module in extractor_modules():
        for tdef in module.TABLES:
            for row in tdef.rows:
                if isinstance(row, Row):
                    assert not re.search(r"\{Q\}\s*\\?\.?\d", row.pattern), (tdef.name, row.pattern)


def test_restatements_point_at_primary_rows(built: list[BuiltTable]) -> None:
    for b in built:
        keys = {o.dims: o for o in b.primary}
        assert len(keys) == len(b.primary), b.spec.name
        for o in b.restatements:
            primary = keys[o.dims]
            assert primary.value == o.value or o.note, (b.spec.name, o.dims)
