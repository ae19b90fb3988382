"""The graph-database survey (r02): coverage, and the arithmetic that ties 表 3 together."""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import pytest

from fintech_stats.pipeline.extract import BuiltTable

R02 = "fe-graph-database-survey-2023"
SCALE = {
    "graph_db_scale_by_server_nodes": "server_node_bucket",
    "graph_db_scale_by_server_cores": "server_core_bucket",
    "graph_db_scale_by_data_volume": "data_volume_bucket",
    "graph_db_scale_by_vertices_edges": "graph_size_bucket",
}


def _pct(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def tables(built: list[BuiltTable]) -> dict[str, BuiltTable]:
    return {b.spec.name: b for b in built if b.spec.report_id == R02}


def test_coverage(tables: dict[str, BuiltTable]) -> None:
    claims = sum(len(b.primary) + len(b.restatements) + len(b.conflicts) for b in tables.values())
    assert claims >= 440
    assert len(tables) >= 35


def test_table3_is_complete(tables: dict[str, BuiltTable]) -> None:
    cells = 0
    for name, bucket in SCALE.items():
        by = {(o.dim_dict["year"], o.dim_dict[bucket], o.dim_dict["measure"]): o for o in tables[name].primary}
        buckets = {k[1] for k in by}
        for b in buckets:
            for key in (
                (2022, b, "count"),
                (2022, b, "share"),
                (2023, b, "count"),
                (2023, b, "share"),
                (2023, b, "yoy_change"),
            ):
                assert key in by, (name, key)
                cells += 1
    assert cells == 110


def test_table3_shares_and_changes_follow_the_counts(tables: dict[str, BuiltTable]) -> None:
    mismatched = []
    for name, bucket in SCALE.items():
        cell = {(o.dim_dict["year"], o.dim_dict[bucket], o.dim_dict["measure"]): o for o in tables[name].primary}
        counts: dict[int, Decimal] = defaultdict(Decimal)
        for (year, b, measure), o in cell.items():
            if measure != "count":
                continue
            counts[year] += o.value or 0
            share = cell[(year, b, "share")]
            if _pct((o.value or 0) * 100 / 41) != share.value:
                mismatched.append((name, year, b))
                assert share.note and "does not match" in share.note
            if year == 2023:
                before = cell[(2022, b, "count")].value or 1
                assert cell[(2023, b, "yoy_change")].value == _pct(((o.value or 0) / before - 1) * 100)
        expected_2023 = 40 if name == "graph_db_scale_by_server_nodes" else 41
        assert (counts[2022], counts[2023]) == (41, expected_2023), name
    # The one printed typo: 2023 share of 4-10 nodes printed 26.6% for 15/41 = 36.6%.
    assert mismatched == [("graph_db_scale_by_server_nodes", 2023, "n4_10")]


def test_table3_repairs(tables: dict[str, BuiltTable]) -> None:
    repairs: dict[str | None, int] = defaultdict(int)
    for name in SCALE:
        for o in tables[name].primary:
            repairs[o.repair] += 1
    assert repairs["digits_glued"] == 44  # every count cell was split from a glued run
    assert repairs["glyph_decoded"] == 6  # f.7 (x2), u.0, S.8, 3.3, " .0"
    assert repairs["control_char_dropped"] == 3  # 15.4, 166.7, 85.7


def test_summary_contradictions_are_conflicts(tables: dict[str, BuiltTable]) -> None:
    # 观点摘要 gives 36.6% and -50.0% where 表 3 has 26.6% and -43.8%: conflicts, never restatements.
    nodes = tables["graph_db_scale_by_server_nodes"]
    primary = {o.dims: o for o in nodes.primary}
    assert sorted((o.literal, primary[o.dims].literal) for o in nodes.conflicts) == [
        ("36.6%", "26.6%"),
        ("同比降低 50.0%", "-43.8"),
    ]
    assert all(o.note for o in nodes.conflicts)
    assert all(o.value == primary[o.dims].value or o.qualifier != "exact" for o in nodes.restatements)
    plans = tables["graph_db_scenario_plan_2023"]
    assert sorted(o.literal for o in plans.conflicts) == ["32.7%", "超 90%", "超 90%"]


def test_bounds_and_durations_are_typed(tables: dict[str, BuiltTable]) -> None:
    # 使用率尚未超过 50% is an upper bound; 3 个月 and 近2周 are durations (issue: vocabulary for bounds).
    usage = {o.dims: o for o in tables["graph_db_usage_by_institution_type"].primary}
    bound = usage[(("graph_db_usage_stage", "using"), ("institution_type", "city_and_rural_banks"))]
    assert (bound.value, bound.qualifier, bound.literal) == (50, "at_most", "尚未超过 50%")
    months = [o for o in tables["graph_db_case_abc"].primary if o.unit == "month"]
    weeks = [o for o in tables["graph_db_case_sunshine_insurance"].primary if o.unit == "week"]
    assert [(o.value, o.literal) for o in months] == [(3, "3 个月")]
    assert [(o.value, o.qualifier, o.literal) for o in weeks] == [(2, "approx", "近2周")]
