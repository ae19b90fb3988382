"""Fuzzing the quantity parser: on any text it returns a Quantity or raises its own error, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fintech_stats.errors import QuantityParseError
from fintech_stats.text.quantity import parse, parse_at

# The pieces numeric expressions are made of, and their neighbours.
_WORDS = (
    "同比 增长 下降 降低 约 近 超过 逾 不足 以上 以下 左右 多 余 级 "
    "元 万元 亿元 美元 家 个 个百分点 倍 TB GB ZB 核 节点 成百上千 上"
)
_PIECES = [*"0123456789.,，%％-~～至—/+ ", *"零〇一二两三四五六七八九十百千万亿半数几分之", *_WORDS.split(" ")]
_MIXES = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)
# Example counts come from the hypothesis profile (tests/conftest.py): a fast default, 5,000 in CI.
_LIMITS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str) -> None:
    try:
        result = parse(text)
    except QuantityParseError:
        return
    # A range and only a range has a high end, at or above its low end (also after a decrease word
    # turns 下降 1-5% into -5..-1).
    assert (result.value_high is not None) == (result.qualifier == "range"), text
    assert result.value_high is None or result.value <= result.value_high, text


@_LIMITS
@given(st.text(max_size=40))
def test_parse_arbitrary_text(text: str) -> None:
    _check(text)


@_LIMITS
@given(_MIXES)
def test_parse_mixes_of_digits_numerals_units(text: str) -> None:
    _check(text)


@_LIMITS
@given(_MIXES, st.integers(min_value=0, max_value=40))
def test_parse_at_any_position(text: str, pos: int) -> None:
    try:
        result = parse_at(text, pos)
    except QuantityParseError:
        return
    assert text[result.start : result.end] == result.literal
