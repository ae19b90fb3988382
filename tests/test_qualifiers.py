"""The qualifier lint: a qualifier word governing a claim shows in its qualifier, or a curated rule
says why not; orders of magnitude read one way."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from fintech_stats import curation
from fintech_stats.corpus.reports import get_report
from fintech_stats.curation import qualifiers, read_curation, run
from fintech_stats.errors import AnchorError, CurationError
from fintech_stats.model.observation import Observation
from fintech_stats.pipeline.extract import BuiltTable
from fintech_stats.text.quantity import parse

DIGITS = "0123456789一二两三四五六七八九十"
HEADER = "table\tanchor\tdims\tunit\trepair\tmention\tlocation\tafter\tbefore\tnote\tqualifier"
TABLES = """report_id = "demo"
topic = "test"

[[table]]
name = "test_table_demo"
title = "t"
description = "d"
source = "s"
dims = ["institution_type"]
units = ["count", "percent", "CNY", "second"]
"""


def _run(tmp_path: Path, text: str, *rows: str, rules: str | None = None) -> list[Observation]:
    folder = tmp_path / "r99"
    folder.mkdir(exist_ok=True)
    (folder / "tables.toml").write_text(TABLES, "utf-8")
    (folder / "rows.tsv").write_text("\n".join([HEADER, *rows]) + "\n", "utf-8")
    if rules is not None:
        (folder / "qualifiers.tsv").write_text("anchor\tkind\tmatches\tlocation\tnote\n" + rules + "\n", "utf-8")
    result = run(read_curation(folder), text)
    return [o for _, obs in result.tables for o in obs]


def _row(anchor: str, qualifier: str = "", note: str = "") -> str:
    return f"test_table_demo\t{anchor}\tinstitution_type=all\t\t\t\t图 1\t\t\t{note}\t{qualifier}".rstrip("\t")


def test_every_report_has_no_unexplained_qualifier_word(built: list[BuiltTable], texts: dict[str, str]) -> None:
    """0 unexplained findings over every report, and every rule of qualifiers.tsv explains one."""
    rows: dict[str, list[Observation]] = {}
    for b in built:
        rows.setdefault(b.spec.report_id, []).extend([*b.primary, *b.restatements, *b.conflicts])
    explained = 0
    for folder in curation.folders():
        cur = read_curation(folder)
        found = qualifiers.findings(texts[cur.report_id], rows.get(cur.report_id, []))
        qualifiers.check(texts[cur.report_id], rows.get(cur.report_id, []), cur.qualifier_rules)  # raises if any
        assert len(found) == sum(r.matches for r in cur.qualifier_rules), folder.name
        explained += len(found)
    assert explained == 5  # r04 1, r16 2, r19 2: each with its kind and note


def test_the_audited_rows_carry_their_qualifiers(built: list[BuiltTable]) -> None:
    """The five wrong qualifiers of the hand audit, and the scan's others, as the text says them."""
    by_literal = {(b.spec.name, o.literal): o.qualifier for b in built for o in (*b.primary, *b.restatements)}
    assert by_literal[("fintech_trends_outlook", "1 年")] == "at_most"  # 未来 1 年内
    assert by_literal[("payment_palm_payment_benchmarks", "0.3 秒")] == "at_most"  # 0.3 秒内
    assert by_literal[("ai_chip_intl_semiconductor_policy", "7740 亿日元")] == "approx"  # 约在...投入
    assert by_literal[("green_fintech_market_survey", "增加了一倍")] == "approx"  # 几乎增加了一倍
    assert by_literal[("green_bond_issuance_by_type", "三分之一")] == "approx"  # 约占三分之一
    assert by_literal[("green_quzhou_carbon_account_target", "五年")] == "at_most"  # 五年内
    assert by_literal[("green_innovative_bonds", "2.6 倍")] == "approx"  # 约为前两年总和的
    assert by_literal[("payment_revenue_and_income", "500 万")] == "approx"  # 约每年 500 万


def test_a_word_outside_the_literal_fails_the_run(tmp_path: Path) -> None:
    text = "该行约在系统建设投入 300 万元,其中人力 100 万元。"
    with pytest.raises(AnchorError, match=r"rows.tsv:2: table test_table_demo: '约' at 2 governs '300 万元'"):
        _run(tmp_path, text, _row("投入 {Q},"))
    obs = _run(tmp_path, text, _row("投入 {Q},", "approx"))
    assert obs[0].qualifier == "approx"


def test_another_number_between_stops_the_word(tmp_path: Path) -> None:
    text = "约 20 家机构投入 300 万元。"
    (obs,) = _run(tmp_path, text, _row("投入 {Q}。"))
    assert obs.qualifier == "exact"  # 约 governs 20 家, not 300 万元


def test_compound_words_and_other_claims_qualify_nothing(tmp_path: Path) -> None:
    text = "每年节约纸张 673 万张;国内 41 家。"
    assert len(_run(tmp_path, text, _row("节约纸张 {Q};"), _row("国内 {Q}。"))) == 2


def test_a_word_after_the_literal_must_stand_next_to_it(tmp_path: Path) -> None:
    assert _run(tmp_path, "交易在 5 秒内完成。", _row("在 {Q}内", "at_most"))[0].qualifier == "at_most"
    with pytest.raises(AnchorError, match="'内' at 7 governs '5 秒'"):
        _run(tmp_path, "交易在 5 秒内完成。", _row("在 {Q}内"))
    # 多 three characters on begins another word
    assert _run(tmp_path, "其中 29%的机构建立了多资产系统。", _row("其中 {Q}的"))[0].qualifier == "exact"


def test_a_row_qualifier_needs_its_word(tmp_path: Path) -> None:
    with pytest.raises(AnchorError, match="qualifier approx, but no word of it governs '300 万元'"):
        _run(tmp_path, "投入 300 万元。", _row("投入 {Q}。", "approx"))
    with pytest.raises(AnchorError, match="reads as over itself"):
        _run(tmp_path, "约投入超过 300 万元。", _row("投入{Q}。", "approx"))
    with pytest.raises(CurationError, match=r"rows.tsv:2, column qualifier: 'about' is not one of"):
        _run(tmp_path, "约投入 300 万元。", _row("投入 {Q}。", "about"))


def test_rules_explain_words_and_stale_rules_fail(tmp_path: Path) -> None:
    text = "增速高于各项贷款增速 28.1%。"
    row = _row("贷款增速 {Q}。")
    with pytest.raises(AnchorError, match=r"'高于' at 2 governs '28\.1%'"):
        _run(tmp_path, text, row)
    rule = "增速(高于)各项\tcompares\t1\t图 1\tthe value is the difference"
    assert _run(tmp_path, text, row, rules=rule)[0].qualifier == "exact"
    with pytest.raises(AnchorError, match=r"qualifiers.tsv:2: qualifier rule .* explains nothing"):
        _run(tmp_path, "增速高于各项贷款增速 28.1%。", _row("贷款增速 {Q}。", "over"), rules=rule)
    with pytest.raises(CurationError, match=r"qualifiers.tsv:2, column kind: 'because' is not one of"):
        _run(tmp_path, text, row, rules="增速(高于)各项\tbecause")


def test_clause_ends_at_punctuation() -> None:
    text = "约 5 家,投入 300 万元。"
    start = text.index("300")
    assert text[slice(*qualifiers.clause(text, start, start + len("300 万元")))] == "投入 300 万元"


@pytest.mark.parametrize(
    ("literal", "qualifier"),
    [
        ("千亿", "over"),
        ("千万笔", "over"),
        ("百万", "over"),
        ("万笔", "over"),
        ("亿级", "over"),
        ("百亿级", "over"),
        ("数百万", "over"),
        ("上千家", "over"),
        ("百逾家", "over"),
        ("近百家", "approx"),
        ("千万到亿级", "range"),
        ("十年", "exact"),
        ("三千家", "exact"),
        ("100 人上下", "approx"),
        ("几乎 60%", "approx"),
    ],
)
def test_orders_of_magnitude_read_one_way(literal: str, qualifier: str) -> None:
    """A magnitude with no digits (千亿, 亿级, 数百万, 上千家) is a lower bound; 近 makes it approx."""
    assert parse(literal).qualifier == qualifier


def test_every_digitless_magnitude_of_the_claims_is_a_bound(built: list[BuiltTable]) -> None:
    """No claim written as a bare magnitude (千亿元, 亿级, 上千家) is read as an exact count."""
    magnitudes = [
        o
        for b in built
        for o in (*b.primary, *b.restatements)
        if any(c in "百千万亿" for c in o.literal) and not any(c in DIGITS for c in o.literal)
    ]
    assert len(magnitudes) > 30
    assert Counter(o.qualifier for o in magnitudes).keys() <= {"over", "approx", "range"}


def test_report_words_in_a_literal_are_the_parsers(texts: dict[str, str]) -> None:
    """The lint leaves words inside the literal to the parser (超过 95%)."""
    text = get_report("ipph-fintech-patents-2023").text
    start = text.index("超过 95%")
    assert qualifiers.governing_words(text, start, start + len("超过 95%")) == []
