"""Every number in a text, for the coverage ledger: digit runs, Chinese-numeral quantities, 半数.

A number is a maximal run of digits (with the decimal points and thousands separators inside it),
a Chinese numeral that counts something (三家, 两倍, 十余项, 百逾家, 数十个; a lone 一 is not counted:
it is the article 'a' far more often than a number) or gives an order of magnitude or a level (百亿级,
二级市场), or a verbal share (半数, 一半, 过半).  The ledger
says for each whether it is part of a claim, a gap, or excluded with a kind; the rest is
unaccounted.  Linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Number", "find_numbers"]

_DIGITS = r"\d+(?:[.,，]\d+)*"
_CN = r"[零〇一二两三四五六七八九十百千万亿]"
_CN_COUNT = (
    rf"(?:(?<![多少大无指])[数几]{_CN}*|{_CN}*[二两三四五六七八九十百千万亿]{_CN}*)[余多逾]?"
    r"(?=[个家项类种倍成位名次条款件份年月天周层大批期轮所支只套台笔户人级])"
)
_NUMBER_RE = re.compile(rf"{_DIGITS}|{_CN_COUNT}|半数|一半|过半")


@dataclass(frozen=True)
class Number:
    """A number of the text: where it stands and its characters."""

    start: int
    end: int
    text: str


def find_numbers(text: str) -> list[Number]:
    """Every number of `text`, left to right."""
    return [Number(m.start(), m.end(), m.group(0)) for m in _NUMBER_RE.finditer(text)]
