"""The extraction engine fails loudly, naming table, row and pattern."""

from __future__ import annotations

import pytest

from fintech_stats.errors import AnchorError
from fintech_stats.extractors.anchors import row, table
from fintech_stats.extractors.extract import extract_table

TEXT = "共 79 家机构。其中 41 家已使用,占比 51.9%;同比降低 20.0%。另有 41 家计划。"


def _table(*rows):  # type: ignore[no-untyped-def]
    return table(
        "test_table_demo",
        title="t",
        description="d",
        source="图 1",
        dims=("institution_type",),
        unit=("count", "percent"),
        rows=list(rows),
    )


def test_reads_values_and_spans() -> None:
    obs = extract_table(
        _table(row(r"共 {Q}机构", institution_type="all"), row(r"占比 {Q};", institution_type="city_commercial_bank")),
        "demo",
        TEXT,
    )
    assert [(float(o.value or 0), o.unit) for o in obs] == [(79.0, "count"), (51.9, "percent")]
    assert all(TEXT[o.span_start : o.span_end] == o.literal for o in obs)


def test_no_match_names_table_row_and_pattern() -> None:
    with pytest.raises(AnchorError, match=r"table test_table_demo, row 0 .*'共 \{Q\}银行'.*matched 0 times"):
        extract_table(_table(row(r"共 {Q}银行", institution_type="all")), "demo", TEXT)


def test_two_matches_fail() -> None:
    with pytest.raises(AnchorError, match=r"'\{Q\},' matched 2 times \(at 2, 8\)"):
        extract_table(_table(row(r"{Q},", institution_type="all")), "demo", "甲 5 家,乙 5 家,")


def test_scoped_anchor() -> None:
    obs = extract_table(_table(row(r"另有 {Q}计划", institution_type="all", after="同比")), "demo", TEXT)
    assert obs[0].literal == "41 家"


def test_typed_value_refused() -> None:
    with pytest.raises(AnchorError, match="holds the value's digits"):
        extract_table(_table(row(r"占比 {Q}(?<=51\.9%)", institution_type="all")), "demo", TEXT)


def test_decrease_word_outside_literal_refused() -> None:
    with pytest.raises(AnchorError, match="decrease word"):
        extract_table(_table(row(r"同比降低 {Q}。", institution_type="all")), "demo", TEXT)
    obs = extract_table(_table(row(r"同比{Q}。", institution_type="all")), "demo", TEXT)
    assert float(obs[0].value or 0) == -20.0


def test_unknown_code_and_unit() -> None:
    with pytest.raises(AnchorError, match="not a code of codelist"):
        extract_table(_table(row(r"共 {Q}机构", institution_type="banks")), "demo", TEXT)
    with pytest.raises(AnchorError, match="several: give unit="):
        extract_table(_table(row(r"其中 {Q}家", institution_type="all")), "demo", "其中 41家")


def test_anchor_needs_one_q() -> None:
    with pytest.raises(AnchorError, match="exactly one"):
        extract_table(_table(row(r"共 79", institution_type="all")), "demo", TEXT)
