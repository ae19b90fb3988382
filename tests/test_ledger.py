"""The quality ledger: every number of every full or truncated text accounted for, and the checks."""

from __future__ import annotations

import fintech_stats as fs
from fintech_stats.text.numbers import find_numbers


def test_number_scanner() -> None:
    found = [n.text for n in find_numbers("截至 2022 年末,41 家机构中三家(约 7.3%)已使用,一个平台,十余项,半数以上")]
    assert found == ["2022", "41", "三", "7.3", "十余", "半数"]  # a lone 一 (the article) is not a number


def test_unaccounted_is_empty_for_every_full_or_truncated_text() -> None:
    coverage = fs.coverage().set_index("report_id")
    closed = coverage[coverage["text_status"].isin(["full", "truncated"])]
    assert len(closed) == 10
    assert (closed["numbers"] == closed[["claimed", "gaps", "excluded", "unaccounted"]].sum(axis=1)).all()
    left = fs.unaccounted()
    left = left[left["report_id"].isin(closed.index)]
    assert left.empty, left.groupby("report_id").size().to_dict()


def test_checks_pin_the_reports_inconsistencies() -> None:
    assert fs.checks()["check_id"].is_unique
    checks = fs.checks().set_index("check_id")
    assert len(checks) >= 40
    nodes = checks.loc["server_nodes_2023_counts_sum_to_users"]
    assert (nodes["expected"], nodes["observed"], bool(nodes["passed"])) == (41, 40, False)
    bonds = checks.loc["bond_types_sum_to_total"]
    assert (bonds["expected"], bonds["observed"], bool(bonds["passed"])) == (8044.03e8, 7950.85e8, False)
    assert bool(checks.loc["server_nodes_2022_counts_sum_to_users", "passed"])
    # Every conflict is a failed check, every restatement a passed one (or one whose units differ).
    derived = checks[checks["kind"] == "restatement_agrees"]
    conflicts = derived[derived.index.str.contains(":conflict:")]
    assert len(conflicts) >= 7 and not conflicts["passed"].any()
    claims = fs.claims()
    assert len(derived) == (claims["mention"] != "primary").sum()
