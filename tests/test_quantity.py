"""The quantity parser: worked examples, and hypothesis round trips of rendered quantities."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fintech_stats.errors import QuantityParseError
from fintech_stats.text.quantity import cn_integer, parse, parse_at, scan

EXAMPLES = [
    # literal, value, value_high, unit, qualifier
    ("83.3%", "83.3", None, "percent", "exact"),
    ("83.3％", "83.3", None, "percent", "exact"),
    ("16.4亿", "1640000000", None, None, "exact"),
    ("1.2 万亿元", "1200000000000", None, "CNY", "exact"),
    ("3,097万元", "30970000", None, "CNY", "exact"),
    ("3.2 亿美元", "320000000", None, "USD", "exact"),
    ("250 百万美元", "250000000", None, "USD", "exact"),
    ("68 亿元", "6800000000", None, "CNY", "exact"),
    ("5 千", "5000", None, None, "exact"),
    ("2 百万", "2000000", None, None, "exact"),
    ("3 百亿", "30000000000", None, None, "exact"),
    ("同比降低 50.0%", "-50.0", None, "percent", "exact"),
    ("同比下降5%", "-5", None, "percent", "exact"),
    ("同比增长53.8%", "53.8", None, "percent", "exact"),
    ("同比 300%增长", "300", None, "percent", "exact"),
    ("-43.8%", "-43.8", None, "percent", "exact"),
    ("1 亿-10 亿", "100000000", "1000000000", None, "range"),
    ("11-30", "11", "30", None, "range"),
    ("1-5 万", "10000", "50000", None, "range"),
    ("约 3 家", "3", None, "count", "approx"),
    ("近 90%", "90", None, "percent", "approx"),
    ("20%左右", "20", None, "percent", "approx"),
    ("超过 10TB", "10", None, "TB", "over"),
    ("逾 100 家", "100", None, "count", "over"),
    ("50%以上", "50", None, "percent", "over"),
    ("400 多个", "400", None, "count", "over"),
    ("十余家", "10", None, "count", "over"),
    ("不足 5%", "5", None, "percent", "under"),
    ("不到 10 人", "10", None, "person", "under"),
    ("30%以下", "30", None, "percent", "under"),
    ("三", "3", None, None, "exact"),
    ("两", "2", None, None, "exact"),
    ("二十一", "21", None, None, "exact"),
    ("半数", "50", None, "percent", "exact"),
    ("一半", "50", None, "percent", "exact"),
    ("百亿级", "10000000000", None, None, "over"),
    ("数十类", "10", None, "count", "over"),
    ("近百亿", "10000000000", None, None, "approx"),
    ("1/4", "25", None, "percent", "exact"),
    ("三分之一", str(Decimal(100) / 3), None, "percent", "exact"),
    ("100GB", "0.100", None, "TB", "exact"),
    ("175ZB", "175000000000", None, "TB", "exact"),
    ("0.5个百分点", "0.5", None, "percentage_point", "exact"),
    ("3 倍", "3", None, "times", "exact"),
    ("128 核以上", "128", None, "count", "over"),
    # bounds the text states, durations, ranks, currencies and the units the later reports need
    ("尚未超过 50%", "50", None, "percent", "at_most"),
    ("不超过 3 家", "3", None, "count", "at_most"),
    ("10 天以内", "10", None, "day", "at_most"),
    ("不低于 99.99%", "99.99", None, "percent", "at_least"),
    ("至少 5 倍", "5", None, "times", "at_least"),
    ("3 个月", "3", None, "month", "exact"),
    ("近2周", "2", None, "week", "approx"),
    ("5 年", "5", None, "year", "exact"),
    ("第一", "1", None, "rank", "exact"),
    ("第 2 名", "2", None, "rank", "exact"),
    ("前五", "5", None, "rank", "at_most"),
    ("430 亿欧元", "43000000000", None, "EUR", "exact"),
    ("1 万亿日元", "1000000000000", None, "JPY", "exact"),
    ("510 万亿韩元", "510000000000000", None, "KRW", "exact"),
    ("20 亿港元", "2000000000", None, "HKD", "exact"),
    ("5 万笔/秒", "50000", None, "tps", "exact"),
    ("10000 TPS", "10000", None, "tps", "exact"),
    ("200 毫秒", "0.2", None, "second", "exact"),
    ("256 TOPS", "256", None, "tops", "exact"),
    ("1 PFLOPS", "1000", None, "tflops", "exact"),
    ("900 GB/s", "900", None, "GBps", "exact"),
    ("7nm", "7", None, "nm", "exact"),
    ("12 万吨", "120000", None, "tonne", "exact"),
    ("915人", "915", None, "person", "exact"),
    ("85.6 分", "85.6", None, "point", "exact"),
    ("突破 500 亿元", "50000000000", None, "CNY", "over"),
    ("10 分钟内", "600", None, "second", "at_most"),
    ("3 倍多", "3", None, "times", "over"),
    ("千万到亿级", "10000000", "100000000", None, "range"),
    ("百逾家", "100", None, "count", "over"),
]


def test_new_forms_stay_in_their_place() -> None:
    # 到 joins a range only before a Chinese magnitude; 内 is "within" only before a clause's end or
    # a verb of completion; 多 after a unit only after 倍.
    assert [q.literal for q in scan("由 1.0 到4.0")] == ["1.0", "4.0"]
    assert [q.literal for q in scan("从 2018 年到 2022 年")] == ["2018 年", "2022 年"]
    assert [q.literal for q in scan("10 家内部机构")] == ["10 家"]
    assert [q.literal for q in scan("10 分钟内完成")] == ["10 分钟内"]
    assert [(q.literal, q.qualifier) for q in scan("3 个多月")] == [("3 个", "exact")]


@pytest.mark.parametrize(("literal", "value", "high", "unit", "qualifier"), EXAMPLES)
def test_examples(literal: str, value: str, high: str | None, unit: str | None, qualifier: str) -> None:
    q = parse(literal)
    assert q.value == Decimal(value)
    assert q.value_high == (None if high is None else Decimal(high))
    assert q.unit == unit
    assert q.qualifier == qualifier


def test_exact_decimal_no_float_artefacts() -> None:
    assert parse("16.4亿").value == Decimal(1640000000)
    assert int(parse("16.4亿").value) == 1640000000
    assert parse("0.1亿元").value == Decimal(10000000)


@pytest.mark.parametrize("text", ["", "abc", "%", "亿元", "同比", "1..2", "12-", "--3"])
def test_not_a_quantity(text: str) -> None:
    with pytest.raises(QuantityParseError):
        parse(text)


def test_parse_at_reads_in_context_and_offsets() -> None:
    text = "被调研的 6 家国有大型商业银行中,83.3%已进入"
    q = parse_at(text, text.index("6"))
    assert (q.value, q.unit, q.literal) == (Decimal(6), "count", "6 家")
    assert text[q.start : q.end] == q.literal
    q = parse_at(text, text.index("83"))
    assert (q.value, q.unit) == (Decimal("83.3"), "percent")
    with pytest.raises(QuantityParseError):
        parse_at(text, 0)
    with pytest.raises(QuantityParseError):
        parse_at(text, len(text) + 1)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三", 3),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("两千", 2000),
        ("三万", 30000),
        ("百亿", 10**10),
        ("十亿", 10**9),
        ("一亿二千万", 120000000),
    ],
)
def test_cn_integer(text: str, value: int) -> None:
    assert cn_integer(text) == value


# ---- round trips: render a random quantity in one of the written forms, parse it back ----

_decimals = st.decimals(
    min_value=Decimal("0.1"), max_value=Decimal("99999"), places=1, allow_nan=False, allow_infinity=False
)
_MULTS = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12, "千": 10**3, "百万": 10**6, "百亿": 10**10}
_MONEY = {"元": 1, "万元": 10**4, "亿元": 10**8, "万亿元": 10**12, "美元": 1, "百万美元": 10**6}
_PRE = {"": "exact", "约": "approx", "近": "approx", "超过": "over", "逾": "over", "不足": "under", "不到": "under"}
_POST = {"": "exact", "左右": "approx", "以上": "over", "以下": "under"}


def _cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else "一" + _cn(rest) if rest < 20 else _cn(rest))
    return digits[n // 100] + "百" + tail


@given(_decimals, st.sampled_from(sorted(_MULTS)), st.sampled_from(["", " "]))
def test_round_trip_multipliers(value: Decimal, mult: str, space: str) -> None:
    q = parse(f"{value}{space}{mult}")
    assert q.value == value * _MULTS[mult]


@given(_decimals, st.sampled_from(sorted(_MONEY)))
def test_round_trip_money(value: Decimal, unit: str) -> None:
    q = parse(f"{value} {unit}")
    assert q.value == value * _MONEY[unit]
    assert q.unit == ("USD" if "美元" in unit else "CNY")


@given(_decimals, st.sampled_from(sorted(_PRE)), st.sampled_from(sorted(_POST)), st.sampled_from(["%", "％"]))
def test_round_trip_percent_qualifiers(value: Decimal, pre: str, post: str, sign: str) -> None:
    if pre and post:
        post = ""
    q = parse(f"{pre}{value}{sign}{post}")
    assert (q.value, q.unit) == (value, "percent")
    assert q.qualifier == (_PRE[pre] if pre else _POST[post])


@given(_decimals, st.sampled_from(["增长", "下降", "降低", "减少", "提升"]), st.booleans())
def test_round_trip_signed_changes(value: Decimal, word: str, yoy: bool) -> None:
    q = parse(f"{'同比' if yoy else ''}{word} {value}%")
    expected = -value if word in ("下降", "降低", "减少") else value
    assert q.value == expected


@given(
    st.integers(min_value=0, max_value=9999),
    st.integers(min_value=1, max_value=9999),
    st.sampled_from(["", "万", "亿"]),
)
def test_round_trip_ranges(low: int, span: int, mult: str) -> None:
    high = low + span
    q = parse(f"{low}{mult}-{high}{mult}")
    assert (q.value, q.value_high, q.qualifier) == (low * _MULTS[mult], high * _MULTS[mult], "range")


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["家", "个", "份", "人"]))
def test_round_trip_chinese_numerals(n: int, unit: str) -> None:
    q = parse(f"{_cn(n)}{unit}")
    assert (q.value, q.unit) == (n, "person" if unit == "人" else "count")


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=1, max_value=99))
def test_round_trip_fractions(num: int, den: int) -> None:
    assert parse(f"{num}/{den}").value == Decimal(num * 100) / Decimal(den)
    assert parse(f"{_cn(den)}分之{_cn(num)}").value == Decimal(num * 100) / Decimal(den)


def test_long_digit_runs_are_refused_in_linear_time() -> None:
    import time

    from fintech_stats.errors import QuantityParseError
    from fintech_stats.text.quantity import MAX_DIGITS, parse_at

    assert parse_at("1" * MAX_DIGITS + "家", 0).value == Decimal("1" * MAX_DIGITS)
    began = time.perf_counter()
    for n in (10_000, 1_000_000):
        with pytest.raises(QuantityParseError, match=f"{n} digits"):
            parse_at("1" * n + "家", 0)
    assert time.perf_counter() - began < 5  # 46 s for 10^6 digits before


def test_whole_magnitudes_and_inverted_ranges() -> None:
    from fintech_stats.text.quantity import parse_at

    assert (parse_at("数十万家", 0).value, parse_at("数十万家", 0).literal) == (100000, "数十万家")
    assert parse_at("数千亿元", 0).value == 10**11
    assert parse_at("数百万", 0).value == 10**6
    # A figure label 5-1% is no range with its high end below its low end: 5 is read alone.
    five = parse_at("5-1%", 0)
    assert (five.value, five.value_high, five.literal) == (5, None, "5")
    assert parse("20%-30%").value_high == 30
