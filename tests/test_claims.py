"""Invariants over every observation of every table, straight from the extractors."""

from __future__ import annotations

import re

from fintech_stats.pipeline.extract import BuiltTable


def test_published_spans_hold_their_literals(texts: dict[str, str]) -> None:
    # The published store (read without the corpus) against the corpus text: a drifting corpus or
    # a hand-edited file fails here, which no extraction-time check can see.
    import fintech_stats as fs

    claims = fs.claims()
    assert len(claims) > 400
    for row in claims.itertuples():
        assert texts[row.report_id][row.span_start : row.span_end] == row.literal, (row.table, row.dims)
    gaps = fs.gaps()
    for row in gaps.itertuples():
        assert texts[row.report_id][row.span_start : row.span_end] == row.text, row


def test_ranges_and_percent_values_are_sane(built: list[BuiltTable]) -> None:
    for b in built:
        for o in (*b.primary, *b.restatements, *b.conflicts):
            assert (o.value_high is not None) == (o.qualifier == "range"), (o.table, o.literal)
            if o.value_high is not None:
                assert o.value <= o.value_high, (o.table, o.literal)
            if o.unit == "percent" and o.qualifier != "range":
                assert -100 <= o.value <= 10000, (o.table, o.literal)


def test_no_anchor_types_a_value() -> None:
    # Anchors are data; a digit right after {Q} is a typed value in disguise.
    from fintech_stats import curation

    for folder in curation.folders():
        for tdef in curation.read_curation(folder).tables:
            for row in tdef.rows:
                if row.repair is not None:
                    continue  # a repaired literal: the digit after {Q} is a marker or page number it leaves out
                assert not re.search(r"\{Q\}\s*\\?\.?\d", row.anchor), (row.where, row.anchor)


def test_restatements_point_at_primary_rows(built: list[BuiltTable]) -> None:
    for b in built:
        keys = {o.dims: o for o in b.primary}
        assert len(keys) == len(b.primary), b.spec.name
        for o in b.restatements:
            primary = keys[o.dims]
            assert primary.value == o.value or o.note, (b.spec.name, o.dims)


_LEFT_OUT = re.compile(r"left out|cannot read|cannot be read", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def test_no_warning_says_a_claim_of_its_table_is_left_out(built: list[BuiltTable]) -> None:
    # A usage warning that calls a printed figure unread while the table holds it misleads the
    # reader (four such warnings outlived the parser forms that made them true). Only literals
    # with Chinese characters are compared: a bare "1.8" also stands in a sentence about 1.81.8.
    stale = []
    for b in built:
        literals = {o.literal for o in (*b.primary, *b.restatements, *b.conflicts) if _CJK.search(o.literal)}
        for warning in b.spec.usage_warnings:
            for sentence in re.split(r"(?<=[.;])\s+", warning.description):
                if _LEFT_OUT.search(sentence):
                    stale += [
                        (b.spec.name, lit, sentence) for lit in sorted(literals) if len(lit) >= 2 and lit in sentence
                    ]
    assert stale == []
