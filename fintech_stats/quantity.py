"""Parse a Chinese numeric expression ("约 1.2 万亿元", "同比降低 50.0%", "十余家") into a Quantity.

Values are exact `Decimal`s: 16.4亿 is 1640000000, never 1639999999.  Conventions (DESIGN.md):
percent in points (83.3% -> 83.3), money in base units (1.2 万亿元 -> 1.2e12 CNY), data volumes
in TB (decimal: 100GB -> 0.1 TB), changes signed (同比下降 5% -> -5), a range's low end in
`value` and its high end in `value_high`.

`QUANTITY_PATTERN` is the one shared regex for a quantity; extractor anchors embed it as `{Q}`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, localcontext

from fintech_stats.errors import QuantityParseError

__all__ = [
    "QUALIFIERS",
    "QUANTITY_PATTERN",
    "UNITS",
    "Quantity",
    "cn_integer",
    "parse",
    "parse_at",
]

#: The qualifier vocabulary of every observation.
QUALIFIERS = ("exact", "approx", "over", "under", "range")

#: The unit vocabulary of every observation (value conventions in the module docstring).
UNITS = ("percent", "percentage_point", "count", "times", "CNY", "USD", "TB", "hour", "day", "second")

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10**4, "亿": 10**8}

# Multipliers written after a number, longest first so that 万亿 wins over 万.
_MULTIPLIERS: dict[str, int] = {
    "万亿": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "万": 10**4,
    "千": 10**3,
}

# unit word -> (unit, factor to the base unit)
_UNIT_WORDS: dict[str, tuple[str, Decimal]] = {
    "%": ("percent", Decimal(1)),
    "％": ("percent", Decimal(1)),
    "个百分点": ("percentage_point", Decimal(1)),
    "万亿元": ("CNY", Decimal(10) ** 12),
    "亿元": ("CNY", Decimal(10) ** 8),
    "百万元": ("CNY", Decimal(10) ** 6),
    "万元": ("CNY", Decimal(10) ** 4),
    "千元": ("CNY", Decimal(10) ** 3),
    "元": ("CNY", Decimal(1)),
    "亿美元": ("USD", Decimal(10) ** 8),
    "百万美元": ("USD", Decimal(10) ** 6),
    "万美元": ("USD", Decimal(10) ** 4),
    "美元": ("USD", Decimal(1)),
    "ZB": ("TB", Decimal(10) ** 9),
    "EB": ("TB", Decimal(10) ** 6),
    "PB": ("TB", Decimal(10) ** 3),
    "TB": ("TB", Decimal(1)),
    "GB": ("TB", Decimal("0.001")),
    "G": ("TB", Decimal("0.001")),
    "MB": ("TB", Decimal("0.000001")),
    "倍": ("times", Decimal(1)),
    "小时": ("hour", Decimal(1)),
    "天": ("day", Decimal(1)),
    "秒": ("second", Decimal(1)),
    "毫秒": ("second", Decimal("0.001")),
}
for _w in (
    "家",
    "个",
    "份",
    "位",
    "名",
    "人",
    "次",
    "条",
    "套",
    "种",
    "类",
    "项",
    "台",
    "笔",
    "户",
    "款",
    "张",
    "件",
    "篇",
    "核",
    "节点",
):
    _UNIT_WORDS[_w] = ("count", Decimal(1))

_UP_WORDS = ("增长", "增加", "上升", "提升", "提高", "上涨")
_DOWN_WORDS = ("下降", "降低", "减少", "下滑", "下跌", "缩减")
_PRE_QUALIFIERS = {
    "大约": "approx",
    "约": "approx",
    "将近": "approx",
    "接近": "approx",
    "近": "approx",
    "超过": "over",
    "逾": "over",
    "高于": "over",
    "多于": "over",
    "大于": "over",
    "超": "over",
    "不足": "under",
    "不到": "under",
    "低于": "under",
    "少于": "under",
    "小于": "under",
}
_POST_QUALIFIERS = {
    "左右": "approx",
    "以上": "over",
    "以下": "under",
    "以内": "under",
    "多": "over",
    "余": "over",
    "+": "over",
    "级": "over",
}


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first (so that 万亿 is tried before 万)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_ARABIC = r"[-−]?\d+(?:[,，]\d{3})*(?:\.\d+)?"
# A Chinese numeral starts with a digit or 十/百/千 (a bare 万 or 亿 is a multiplier, not a number).
_CN_NUM = r"[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*"
# One number: arabic digits with an optional multiplier, a fraction, or Chinese numerals.
_NUMBER = (
    rf"(?:(?:{_ARABIC})\s*/\s*\d+"  # 1/3
    rf"|[一二三四五六七八九十]+分之[一二三四五六七八九十]+"  # 三分之一
    rf"|半数|一半|成百上千|上[十百千]?[万亿]|[万亿](?=级)"
    rf"|(?:{_ARABIC})(?:\s*(?:{_alt(_MULTIPLIERS)}))?"
    rf"|[数几](?:十|百|千|万|十万|百万|千万|亿|十亿|百亿|千亿)"
    rf"|{_CN_NUM})"
)

#: The shared regex of one quantity (no capture groups of its own; anchors wrap it).
QUANTITY_PATTERN = (
    rf"(?:同比\s*)?(?:(?:{_alt(_UP_WORDS + _DOWN_WORDS)})了?\s*)?"
    rf"(?:(?:{_alt(_PRE_QUALIFIERS)})\s*)?"
    rf"{_NUMBER}(?:\s*[-~～至—]\s*{_NUMBER})?"
    rf"(?:\s*[多余+级])?"
    rf"(?:\s*(?:{_alt(_UNIT_WORDS)}))?"
    rf"(?:\s*(?:左右|以上|以下|以内))?"
    rf"(?:\s*(?:{_alt(_UP_WORDS + _DOWN_WORDS)}))?"
)

# The same grammar with named groups, used to interpret a literal.
_PARSE_RE = re.compile(
    rf"\s*(?P<yoy>同比\s*)?(?:(?P<dir>{_alt(_UP_WORDS + _DOWN_WORDS)})了?\s*)?"
    rf"(?:(?P<pre>{_alt(_PRE_QUALIFIERS)})\s*)?"
    rf"(?P<n1>{_NUMBER})(?:\s*[-~～至—]\s*(?P<n2>{_NUMBER}))?"
    rf"(?:\s*(?P<post1>[多余+级]))?"
    rf"(?:\s*(?P<unit>{_alt(_UNIT_WORDS)}))?"
    rf"(?:\s*(?P<post2>左右|以上|以下|以内))?"
    rf"(?:\s*(?P<dir2>{_alt(_UP_WORDS + _DOWN_WORDS)}))?\s*"
)
_QUANTITY_RE = re.compile(QUANTITY_PATTERN)
_MULT_RE = re.compile(rf"^(?P<num>{_ARABIC})\s*(?P<mult>{_alt(_MULTIPLIERS)})?$")


@dataclass(frozen=True)
class Quantity:
    """A parsed numeric expression: value (and high end of a range), unit, qualifier, where."""

    value: Decimal
    unit: str | None
    qualifier: str
    literal: str
    value_high: Decimal | None = None
    start: int = 0
    end: int = 0


def cn_integer(text: str) -> int:
    """Value of a Chinese numeral such as 三, 十二, 两千, 一百零五, 百亿 (a bare unit counts as one)."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_SMALL_UNITS and ch not in _CN_BIG_UNITS for ch in text):
        raise QuantityParseError(f"not a Chinese numeral: {text!r}")
    total = 0
    section = 0
    digit: int | None = None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * _CN_SMALL_UNITS[ch]
            digit = None
        else:
            big = _CN_BIG_UNITS[ch]
            section += digit or 0
            digit = None
            if section == 0:
                section = 1
            if big == 10**8:
                total = (total + section) * big
            else:
                total += section * big
            section = 0
    return total + section + (digit or 0)


def _arabic(text: str) -> Decimal:
    return Decimal(text.replace(",", "").replace("，", "").replace("−", "-"))


def _number(text: str) -> tuple[Decimal, bool, str]:
    """Value of one number, whether it was a fraction (a share), and its multiplier word if any."""
    text = text.strip()
    if text in ("半数", "一半"):
        return Decimal(50), True, ""
    if text == "成百上千":
        return Decimal(100), False, ""
    if text.startswith("上"):  # 上亿, 上百亿: upwards of
        return Decimal(cn_integer(text[1:])), False, ""
    if "/" in text:
        num, den = (part.strip() for part in text.split("/"))
        if _arabic(den) == 0:
            raise QuantityParseError(f"fraction with a zero denominator: {text!r}")
        return _div(_arabic(num) * 100, _arabic(den)), True, ""
    if "分之" in text:
        den_cn, num_cn = text.split("分之")
        denominator = cn_integer(den_cn)
        if denominator == 0:
            raise QuantityParseError(f"fraction with a zero denominator: {text!r}")
        return _div(Decimal(cn_integer(num_cn) * 100), Decimal(denominator)), True, ""
    if text[0] in "数几":
        return Decimal(cn_integer(text[1:])), False, ""
    match = _MULT_RE.match(text)
    if match:
        mult = match.group("mult") or ""
        return _arabic(match.group("num")) * _MULTIPLIERS.get(mult, 1), False, mult
    return Decimal(cn_integer(text)), False, ""


def _div(a: Decimal, b: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 28
        return (a / b).normalize()


def _tidy(value: Decimal) -> Decimal:
    # 5E+1 and 50.0 are the same number: integral values are stored as integers (72.0% -> 72).
    return Decimal(int(value)) if value == value.to_integral_value() else value


def _interpret(match: re.Match[str], literal: str, start: int) -> Quantity:
    n1_text, n2_text = match.group("n1"), match.group("n2")
    v1, is_share, mult1 = _number(n1_text)
    v2: Decimal | None = None
    if n2_text is not None:
        v2, share2, mult2 = _number(n2_text)
        is_share = is_share or share2
        # "1-5 万": a low end without its own multiplier takes the high end's.
        if not mult1 and mult2 and _MULT_RE.match(n1_text.strip()):
            v1 *= _MULTIPLIERS[mult2]
    unit_word = match.group("unit")
    unit: str | None = None
    factor = Decimal(1)
    if unit_word:
        unit, factor = _UNIT_WORDS[unit_word]
    elif is_share:
        unit = "percent"
    value = v1 * factor
    value_high = v2 * factor if v2 is not None else None

    qualifier = "exact"
    if match.group("pre"):
        qualifier = _PRE_QUALIFIERS[match.group("pre")]
    for post in (match.group("post1"), match.group("post2")):
        if post:
            qualifier = _POST_QUALIFIERS[post]
    if n1_text.strip()[0] in "数几上" or n1_text.strip() == "成百上千":
        qualifier = "over"
    if value_high is not None:
        qualifier = "range"

    direction = match.group("dir") or match.group("dir2")
    if direction in _DOWN_WORDS:
        if value < 0 or (value_high is not None and value_high < 0):
            raise QuantityParseError(f"a decrease word with a negative number: {literal!r}")
        value = -value
        if value_high is not None:
            value, value_high = -value_high, value
    return Quantity(
        value=_tidy(value),
        unit=unit,
        qualifier=qualifier,
        literal=literal,
        value_high=None if value_high is None else _tidy(value_high),
        start=start,
        end=start + len(literal),
    )


def parse(literal: str) -> Quantity:
    """Parse a literal that is wholly one quantity; raise `QuantityParseError` otherwise."""
    match = _PARSE_RE.fullmatch(literal)
    if match is None:
        raise QuantityParseError(f"not a quantity: {literal!r}")
    return _interpret(match, literal, 0)


def parse_at(text: str, pos: int) -> Quantity:
    """Parse the longest quantity that starts at `pos` of `text` (offsets are code points)."""
    if not 0 <= pos <= len(text):
        raise QuantityParseError(f"position {pos} outside a text of {len(text)} characters")
    match = _QUANTITY_RE.match(text, pos)
    if match is None or match.end() == pos:
        raise QuantityParseError(f"no quantity at position {pos}: {text[pos : pos + 20]!r}")
    literal = match.group(0)
    parsed = _PARSE_RE.fullmatch(literal)
    if parsed is None:  # pragma: no cover - both regexes share one grammar
        raise QuantityParseError(f"not a quantity: {literal!r}")
    return _interpret(parsed, literal, pos)
