"""The curated reports beyond r02: coverage, the figures each report issue pins, and the damage kept visible."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

import fintech_stats as fs
from fintech_stats.pipeline.extract import BuiltTable

TRUST = "cta-trust-fintech-2022"
PAYMENT = "pcac-payment-fintech-cases-2023"
AI_CHIP = "bfia-ai-chip-adoption-2023"
TRENDS = "hundsun-fintech-trends-2024"
SUPPLY = "idc-jdt-supply-chain-fintech-2023"
GREEN = "paulson-fintech-green-finance-2023"


def _claims(built: list[BuiltTable], report_id: str) -> int:
    return sum(len(b.primary) + len(b.restatements) + len(b.conflicts) for b in built if b.spec.report_id == report_id)


@pytest.fixture(scope="module")
def by_name(built: list[BuiltTable]) -> dict[str, BuiltTable]:
    return {b.spec.name: b for b in built}


@pytest.mark.parametrize(
    ("report_id", "at_least"),
    [(TRUST, 225), (PAYMENT, 200), (AI_CHIP, 70), (TRENDS, 7), (GREEN, 105), (SUPPLY, 16)],
)
def test_claims_per_report(built: list[BuiltTable], report_id: str, at_least: int) -> None:
    assert _claims(built, report_id) >= at_least


def test_every_table_is_topic_prefixed_and_described(built: list[BuiltTable]) -> None:
    for b in built:
        assert b.spec.topic and b.spec.name.startswith(b.spec.topic + "_"), b.spec.name
        assert b.spec.description.strip() and b.spec.title.strip() and b.spec.source.strip(), b.spec.name


def test_trust_survey_shares_name_their_base(built: list[BuiltTable]) -> None:
    surveys = [
        b
        for b in built
        if b.spec.report_id == TRUST and "population" in b.spec.dimensions and "percent" in b.spec.units
    ]
    assert len(surveys) >= 15
    for b in surveys:
        text = b.spec.description + " ".join(w.description for w in b.spec.usage_warnings)
        assert "67" in text or any(w.type == "base" for w in b.spec.usage_warnings), b.spec.name


def test_trust_damage_is_read_by_named_repairs(built: list[BuiltTable]) -> None:
    rows = [o for b in built if b.spec.report_id == TRUST for o in (*b.primary, *b.restatements, *b.conflicts)]
    repairs = Counter(o.repair for o in rows)
    assert repairs["footnote_marker_glued"] >= 1 and repairs["chars_doubled"] >= 1
    staff = next(o for o in rows if o.repair == "footnote_marker_glued" and o.unit == "person")
    assert (staff.value, staff.literal) == (915, "915")  # 9158人: 915 people and footnote 8
    doubled = next(o for o in rows if o.repair == "chars_doubled" and o.unit == "hour")
    assert (doubled.value, doubled.literal) == (22, "2222小时")
    assert {o.unit for o in rows} >= {"point", "person", "CNY", "percent"}


def test_trust_contradictions_stay_visible(by_name: dict[str, BuiltTable]) -> None:
    platform = by_name["trust_data_middle_platform"]
    primary = {o.dims: o for o in platform.primary}
    assert platform.conflicts and all(o.note for o in platform.conflicts)
    pairs = {(primary[o.dims].literal.replace(" ", ""), o.literal) for o in platform.conflicts}
    assert ("近60%", "不到50%") in pairs


def test_payment_cases_table(by_name: dict[str, BuiltTable]) -> None:
    cases = by_name["payment_cases"]
    assert len({o.dim_dict["payment_case"] for o in cases.primary}) == 48
    text = Counter(
        o.dim_dict["payment_case_text"] for o in {o.dim_dict["payment_case"]: o for o in cases.primary}.values()
    )
    assert text == {"full": 20, "partial": 3, "absent": 25}
    frame = fs.load("payment_cases", labels="zh")
    assert "中国银联" in set(frame["organisation"].astype(str))
    english = fs.load("payment_cases", labels="en")
    unionpay = english[english["organisation"] == "China UnionPay"]
    assert len(unionpay) >= 2 and unionpay["value"].is_monotonic_increasing


def test_payment_rows_carry_case_organisation_and_status(built: list[BuiltTable]) -> None:
    tables = [b for b in built if b.spec.report_id == PAYMENT and b.spec.name != "payment_cases"]
    assert tables
    for b in tables:
        assert {"payment_case", "organisation", "plan_or_actual"} <= set(b.spec.dimensions), b.spec.name
    case = fs.load("payment_system_performance", labels="en")
    assert case["organisation"].astype(str).str.len().min() > 2


def test_payment_pingan_totals_do_not_hide_the_sum(by_name: dict[str, BuiltTable]) -> None:
    warnings = [w for b in by_name.values() if b.spec.report_id == PAYMENT for w in b.spec.usage_warnings]
    assert any(w.type == "sum" and "8,155" in w.description for w in warnings)


def test_truncated_and_no_claim_reports_say_so() -> None:
    reports = fs.reports().set_index("report_id")
    assert reports.loc[PAYMENT, "text_status"] == "truncated"
    assert (reports["text_status"] == "full").sum() == 9
    for report_id in ("bfia-chaos-testing-2023", "bfia-distributed-db-emergency-2023"):
        assert reports.loc[report_id, "n_claims"] == 0
        assert "No claims" in reports.loc[report_id, "curation_note"]
    assert reports.loc[SUPPLY, "text_status"] == "digits_lost"
    assert reports.loc[SUPPLY, "n_gaps"] >= 150


def test_gaps_hold_their_text(texts: dict[str, str]) -> None:
    gaps = fs.gaps()
    supply = gaps[gaps["report_id"] == SUPPLY]
    assert len(supply) >= 150
    assert set(supply["kind"]) >= {"percent_without_digits", "year_missing"}
    for row in gaps.itertuples():
        assert texts[row.report_id][row.span_start : row.span_end] == row.text
    assert not any(ch.isdigit() for ch in "".join(supply["text"]))  # what was lost left no digit behind


def test_ai_chip_requirements_apart_from_results(built: list[BuiltTable]) -> None:
    rows = [o for b in built if b.spec.report_id == AI_CHIP for o in b.primary]
    statuses = Counter(str(o.dim_dict.get("plan_or_actual")) for o in rows)
    assert statuses["target"] >= 1 and statuses["actual"] >= 1
    inferred = [o for o in rows if o.repair == "unit_inferred"]
    assert inferred and all(o.unit == "percent" for o in inferred)
    assert {o.unit for o in rows} >= {"nm", "tflops"}


def test_green_bond_total_contradiction(by_name: dict[str, BuiltTable]) -> None:
    warnings = [w for b in by_name.values() if b.spec.report_id == GREEN for w in b.spec.usage_warnings]
    assert any(w.type == "sum" and "7,950.85" in w.description and "8,044.03" in w.description for w in warnings)
    totals = [
        o
        for b in by_name.values()
        if b.spec.report_id == GREEN
        for o in b.primary
        if o.value == Decimal("804403000000")
    ]
    assert totals and totals[0].note
