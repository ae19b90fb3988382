"""Parse a Chinese numeric expression ("约 1.2 万亿元", "同比降低 50.0%", "十余家") into a Quantity.

Values are exact `Decimal`s: 16.4亿 is 1640000000, never 1639999999.  Conventions (DESIGN.md):
percent in points (83.3% -> 83.3), money in base units (1.2 万亿元 -> 1.2e12 CNY), data volumes
in TB (decimal: 100GB -> 0.1 TB), changes signed (同比下降 5% -> -5), a range's low end in
`value` and its high end in `value_high`.

One grammar reads every quantity (`parse`, `parse_at`, `scan`).  The curation's anchors do not
embed it: they split at each `{Q}`, match their words on their own and read the quantity between
them with `parse_at` (or take it from `scan`; see `fintech_stats.curation.anchors`).
`QUANTITY_PATTERN` is the same grammar as a regex without capture groups, for embedding elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass
from decimal import Decimal, localcontext

from fintech_stats.errors import QuantityParseError
from fintech_stats.model import vocabulary

__all__ = [
    "QUALIFIERS",
    "QUANTITY_PATTERN",
    "UNITS",
    "Quantity",
    "cn_integer",
    "parse",
    "parse_at",
    "scan",
]

#: The qualifier vocabulary of every observation (its home is `fintech_stats.model.vocabulary`).
QUALIFIERS = tuple(vocabulary.QUALIFIERS)

#: The unit vocabulary of every observation (its home is `fintech_stats.model.vocabulary`).
UNITS = tuple(vocabulary.UNITS)

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
    "个亿": 10**8,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "万": 10**4,
    "千": 10**3,
    "K": 10**3,
}

# unit word -> (unit, factor to the base unit)
_UNIT_WORDS: dict[str, tuple[str, Decimal]] = {
    "%": ("percent", Decimal(1)),
    "％": ("percent", Decimal(1)),
    "个百分点": ("percentage_point", Decimal(1)),
    "百分点": ("percentage_point", Decimal(1)),
    "万亿元": ("CNY", Decimal(10) ** 12),
    "亿元": ("CNY", Decimal(10) ** 8),
    "百万元": ("CNY", Decimal(10) ** 6),
    "万元": ("CNY", Decimal(10) ** 4),
    "千元": ("CNY", Decimal(10) ** 3),
    "元": ("CNY", Decimal(1)),
    "元人民币": ("CNY", Decimal(1)),
    "人民币": ("CNY", Decimal(1)),
    "亿美元": ("USD", Decimal(10) ** 8),
    "百万美元": ("USD", Decimal(10) ** 6),
    "万美元": ("USD", Decimal(10) ** 4),
    "美元": ("USD", Decimal(1)),
    "欧元": ("EUR", Decimal(1)),
    "日元": ("JPY", Decimal(1)),
    "韩元": ("KRW", Decimal(1)),
    "港元": ("HKD", Decimal(1)),
    "港币": ("HKD", Decimal(1)),
    "ZB": ("TB", Decimal(10) ** 9),
    "EB": ("TB", Decimal(10) ** 6),
    "PB": ("TB", Decimal(10) ** 3),
    "TB": ("TB", Decimal(1)),
    "GB": ("TB", Decimal("0.001")),
    "G": ("TB", Decimal("0.001")),
    "MB": ("TB", Decimal("0.000001")),
    "TB/s": ("GBps", Decimal(1000)),
    "GB/s": ("GBps", Decimal(1)),
    "MB/s": ("GBps", Decimal("0.001")),
    "TPS": ("tps", Decimal(1)),
    "tps": ("tps", Decimal(1)),
    "QPS": ("tps", Decimal(1)),
    "笔/秒": ("tps", Decimal(1)),
    "笔每秒": ("tps", Decimal(1)),
    "次/秒": ("tps", Decimal(1)),
    "TOPS": ("tops", Decimal(1)),
    "POPS": ("tops", Decimal(1000)),
    "TFLOPS": ("tflops", Decimal(1)),
    "PFLOPS": ("tflops", Decimal(1000)),
    "GFLOPS": ("tflops", Decimal("0.001")),
    "nm": ("nm", Decimal(1)),
    "纳米": ("nm", Decimal(1)),
    "吨": ("tonne", Decimal(1)),
    "千瓦时": ("kwh", Decimal(1)),
    "度电": ("kwh", Decimal(1)),
    "分": ("point", Decimal(1)),
    "倍": ("times", Decimal(1)),
    "小时": ("hour", Decimal(1)),
    "个小时": ("hour", Decimal(1)),
    "天": ("day", Decimal(1)),
    "日": ("day", Decimal(1)),
    "个工作日": ("day", Decimal(1)),
    "工作日": ("day", Decimal(1)),
    "周": ("week", Decimal(1)),
    "个星期": ("week", Decimal(1)),
    "星期": ("week", Decimal(1)),
    "个月": ("month", Decimal(1)),
    "年": ("year", Decimal(1)),
    "秒": ("second", Decimal(1)),
    "毫秒": ("second", Decimal("0.001")),
    "ms": ("second", Decimal("0.001")),
    "微秒": ("second", Decimal("0.000001")),
    "分钟": ("second", Decimal(60)),
    "min": ("second", Decimal(60)),
    "亩": ("mu", Decimal(1)),
    "人": ("person", Decimal(1)),
    "名": ("person", Decimal(1)),
    "位": ("person", Decimal(1)),
}
for _w in (
    "家",
    "个",
    "份",
    "次",
    "人次",
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
    "颗",
    "片",
    "只",
    "支",
    "座",
    "所",
    "批",
    "单",
    "省",
    "本",
    "场",
    "期",
):
    _UNIT_WORDS[_w] = ("count", Decimal(1))
for _word, (_unit, _) in _UNIT_WORDS.items():
    assert _unit in vocabulary.UNITS, (_word, _unit)


def _qualifier_words(place: Callable[[vocabulary.Qualifier], tuple[str, ...]]) -> dict[str, str]:
    """word -> qualifier code, for the words of one place (before, glued to or after the number)."""
    out: dict[str, str] = {}
    for code, q in vocabulary.QUALIFIERS.items():
        for word in place(q):
            if out.setdefault(word, code) != code:
                raise ValueError(f"qualifier word {word!r} means both {out[word]} and {code} in one place")
    return out


_PRE_QUALIFIERS = _qualifier_words(lambda q: q.before)
_GLUED_QUALIFIERS = _qualifier_words(lambda q: q.glued)
_POST_QUALIFIERS = _qualifier_words(lambda q: q.after)
# After the unit, two words qualify only in context: 多 after 倍 (5 倍多), 内 before a verb of
# completion or a stop (10 分钟内完成); elsewhere they begin the next words (多家, 内部).
_POST_CONTEXT = {
    "多": (r"(?<=倍)", ""),
    "内": ("", r"(?=完成|即可|实现|[)）,，。;；、\s]|$)"),
    "上下": ("", r"(?!文|游|级)"),  # 100 人上下: about; 上下文, 上下游 are other words
}


def _alt(words: Iterable[str], context: Mapping[str, tuple[str, str]] | None = None) -> str:
    """A regex alternation of `words`, longest first (so that 万亿 is tried before 万); `context`
    gives some words a lookbehind and a lookahead they must stand between."""
    around = context or {}
    return "|".join(
        around.get(w, ("", ""))[0] + re.escape(w) + around.get(w, ("", ""))[1]
        for w in sorted(words, key=lambda w: (-len(w), w))
    )


_ARABIC = r"[-−]?\d+(?:[,，]\d{3})*(?:\.\d+)?"
# A Chinese numeral starts with a digit or 十/百/千 (a bare 万 or 亿 is a multiplier, not a number).
_CN_NUM = r"[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*"
_VAGUE_MULTIPLIERS = ("十", "百", "千", "万", "十万", "百万", "千万", "亿", "十亿", "百亿", "千亿")
# A range's separator; 到 only before a Chinese magnitude (千万到亿级), never in 由 1.0 到 4.0.
_SEP = r"(?:[-~～至—]|到(?=[十百千万亿]))"
# One number: arabic digits with an optional multiplier, a fraction, or Chinese numerals.
_NUMBER = (
    rf"(?:(?:{_ARABIC})\s*/\s*\d+"  # 1/3
    rf"|[一二三四五六七八九十]+分之[一二三四五六七八九十]+"  # 三分之一
    rf"|半数|一半|成百上千|上[十百千]?[万亿]|上[百千]|[万亿](?=级)"
    rf"|半(?=\s*(?:年|个月|天|小时))"  # 半年: half a year
    rf"|(?:{_ARABIC})\s*[多余]\s*(?:{_alt(_MULTIPLIERS)})"  # 3000 多亿: over 300 billion
    rf"|(?:{_ARABIC})(?:\s*(?:{_alt(_MULTIPLIERS)}))?"
    rf"|[数几](?:{_alt(_VAGUE_MULTIPLIERS)})"
    rf"|{_CN_NUM}"
    rf"|(?<=[近超逾约])[万亿](?![零〇一二两三四五六七八九十百千万亿])"  # 近万: a bare multiplier after 近
    rf"|(?<![\d零〇一二两三四五六七八九十百千万亿.])万(?=[笔家户次条])"  # 万笔: ten thousand (an order of magnitude)
    r")"
)
_UP_DOWN = _alt(vocabulary.INCREASE_WORDS + vocabulary.DECREASE_WORDS)


# The grammar of one quantity, once, with named groups; `QUANTITY_PATTERN` is the same without them.
_GRAMMAR = (
    r"(?P<rank>(?P<rank_kind>第|前|TOP|Top|top)\s*(?P<rank_n>\d+|[一二三四五六七八九十]+)(?:\s*[名位])?|(?P<first>首位|榜首))"
    r"|(?P<double>翻(?:一)?番|翻倍)"
    rf"|(?P<yoy>同比\s*)?(?:(?P<dir>{_UP_DOWN})了?\s*)?"
    rf"(?:(?P<pre>{_alt(_PRE_QUALIFIERS)})\s*)?"
    rf"(?P<n1>{_NUMBER})(?:\s*(?:%|％)(?=\s*{_SEP}\s*\d))?(?:\s*(?P<sep>{_SEP})\s*(?P<n2>{_NUMBER}))?"
    rf"(?:\s*(?P<post1>{_alt(_GLUED_QUALIFIERS)}))?"
    rf"(?:\s*(?P<unit>{_alt(_UNIT_WORDS)}))?"
    rf"(?:\s*(?P<post2>{_alt(_POST_QUALIFIERS, _POST_CONTEXT)}))?"
    rf"(?:\s*(?P<dir2>{_UP_DOWN}))?"
)

#: The shared regex of one quantity (no capture groups of its own).
QUANTITY_PATTERN = re.sub(r"\(\?P<\w+>", "(?:", _GRAMMAR)
_PARSE_RE = re.compile(_GRAMMAR)
_MULT_RE = re.compile(rf"^(?P<num>{_ARABIC})\s*(?P<more>[多余])?\s*(?P<mult>{_alt(_MULTIPLIERS)})?$")

#: Numbers with more significant digits than this are refused (no report prints one; refusing keeps
#: the arithmetic exact and every call linear in its input).
MAX_DIGITS = 30


class _InvertedRange(QuantityParseError):
    """A range whose high end is below its low end (5-1%): a figure label, not a range."""

    def __init__(self, message: str, separator: int) -> None:
        super().__init__(message)
        self.separator = separator


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
    if text == "半":
        return Decimal("0.5"), False, ""
    if len(text) == 1 and text in "百千万亿":  # 近万: the multiplier alone
        return Decimal(cn_integer(text)), False, ""
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
        digits = sum(ch.isdigit() for ch in match.group("num"))
        if digits > MAX_DIGITS:
            raise QuantityParseError(f"a number of {digits} digits: more than the {MAX_DIGITS} this parser reads")
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
    if match.group("first") is not None:  # 首位, 榜首: first place
        return Quantity(Decimal(1), "rank", "exact", literal, None, start, start + len(literal))
    if match.group("rank") is not None:
        n = match.group("rank_n")
        if len(n) > MAX_DIGITS:
            raise QuantityParseError(f"a rank of {len(n)} digits: more than the {MAX_DIGITS} this parser reads")
        rank = Decimal(int(n)) if n.isdigit() else Decimal(cn_integer(n))
        qualifier = "exact" if match.group("rank_kind") == "第" else "at_most"  # 前五, TOP 5: within
        return Quantity(rank, "rank", qualifier, literal, None, start, start + len(literal))
    if match.group("double") is not None:  # 翻番, 翻一番, 翻倍: doubled
        return Quantity(Decimal(2), "times", "exact", literal, None, start, start + len(literal))
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
    if match.group("post1"):
        qualifier = _GLUED_QUALIFIERS[match.group("post1")]
    if match.group("post2"):
        qualifier = _POST_QUALIFIERS[match.group("post2")]
    if n1_text.strip()[0] in "数几上" or n1_text.strip() == "成百上千" or _MORE_INSIDE.search(n1_text):
        qualifier = "over"
    if qualifier == "exact" and _ORDER_ONLY.match(n1_text.strip()):
        qualifier = "over"  # 千亿, 千万笔, 百万: an order of magnitude, read as a lower bound
    if value_high is not None:
        if value_high < value:
            raise _InvertedRange(f"a range whose high end is below its low end: {literal!r}", match.start("sep"))
        qualifier = "range"

    direction = match.group("dir") or match.group("dir2")
    if direction in vocabulary.DECREASE_WORDS:
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


_MORE_INSIDE = re.compile(r"\d\s*[多余]\s*\D")
# A numeral of magnitude characters alone (千亿, 百万, 万; not 十, which is ten) names an order of
# magnitude, not a count: like 亿级 and 数百万 it is read as a lower bound (README, orders of magnitude).
_ORDER_ONLY = re.compile(r"^[十百千万亿]*[百千万亿][十百千万亿]*$")


def parse(literal: str) -> Quantity:
    """Parse a literal that is wholly one quantity; raise `QuantityParseError` otherwise."""
    stripped = literal.strip()
    match = _PARSE_RE.fullmatch(stripped)
    if match is None or not stripped:
        raise QuantityParseError(f"not a quantity: {literal!r}")
    with localcontext() as ctx:
        ctx.prec = 2 * MAX_DIGITS + 20
        return _interpret(match, literal, 0)


def scan(text: str) -> Iterator[Quantity]:
    """Every quantity of `text`, left to right, non-overlapping (each the longest at its start)."""
    pos = 0
    while True:
        match = _PARSE_RE.search(text, pos)
        if match is None:
            return
        with suppress(QuantityParseError):
            yield _read(text, match)
        pos = max(match.end(), match.start() + 1)


def _read(text: str, match: re.Match[str]) -> Quantity:
    """The Quantity of a grammar match in `text`; an inverted range reads as its first number only."""
    # Exact arithmetic: numbers have at most MAX_DIGITS digits and multipliers 13, far below this.
    with localcontext() as ctx:
        ctx.prec = 2 * MAX_DIGITS + 20
        try:
            return _interpret(match, match.group(0), match.start())
        except _InvertedRange as inverted:
            shorter = _PARSE_RE.match(text, match.start(), inverted.separator)
            if shorter is None or shorter.end() == match.start():
                raise QuantityParseError(str(inverted)) from None
            return _interpret(shorter, shorter.group(0), match.start())


def parse_at(text: str, pos: int, endpos: int | None = None) -> Quantity:
    """Parse the longest quantity that starts at `pos` of `text` (and ends by `endpos`, if given)."""
    if not 0 <= pos <= len(text):
        raise QuantityParseError(f"position {pos} outside a text of {len(text)} characters")
    match = _PARSE_RE.match(text, pos) if endpos is None else _PARSE_RE.match(text, pos, endpos)
    if match is None or match.end() == pos:
        raise QuantityParseError(f"no quantity at position {pos}: {text[pos : pos + 20]!r}")
    return _read(text, match)
