"""Named repairs: the rules that turn a damaged literal of the report text into its value.

Every repair is one rule anyone can read, applied by the extractors and re-applied by the tests:
`reparse(literal, repair)` gives the value an observation records (for `control_char_dropped`,
the set of values the literal admits).  A repair never invents digits the text does not hold,
except where the rule says how the lost digits are recovered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from fintech_stats.errors import QuantityParseError
from fintech_stats.model import vocabulary
from fintech_stats.text import quantity

__all__ = ["LITERALS", "REWRITES", "admits", "decode_glyph", "reparse"]


def _identity(literal: str) -> str:
    return literal


def _decrease(literal: str) -> str:
    return "下降" + literal.strip()


def decode_glyph(literal: str) -> str:
    """Undo the 表 3 glyph damage: the first character stands for the two digits of its code in hex.

    `f.7%` -> `66.7%` (f is 0x66), `u.0%` -> `75.0%`, `3.3%` -> `33.3%` ('3' is 0x33),
    ` .0%` -> `20.0%` (a space is 0x20).
    """
    if not literal:
        raise QuantityParseError("glyph_decoded needs a non-empty literal")
    code = ord(literal[0])
    if code > 0xFF:
        raise QuantityParseError(f"glyph_decoded: {literal[0]!r} is not a one-byte glyph")
    return f"{code:02x}{literal[1:]}"


def _undouble(literal: str) -> str:
    """Undo bold text printed twice: a run written twice over (`80%80%`), or each character twice (`年年`)."""
    half = len(literal) // 2
    if len(literal) % 2 == 0 and literal[:half] == literal[half:]:
        return literal[:half]
    return re.sub(r"(.)\1", r"\1", literal)


# A number, a running header (a chapter's number, 二、 or 第三章, and its title, no digits), the
# header's page number, and the number's unit.
_CHAPTER = r"(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节])"
_SPLICED = re.compile(rf"(\d+(?:\.\d+)?)({_CHAPTER}[^\d]{{1,80}}?)(\d{{1,3}})(\D{{1,8}})")


def _unsplice(literal: str) -> str:
    """Drop a running page header spliced between a number and its unit.

    `3908二、某章的标题9亿元` -> `3908亿元`: the header (chapter number and title) and its
    page number 9 are dropped; no digit of the number is touched.
    """
    m = _SPLICED.fullmatch(literal)
    if m is None:
        raise QuantityParseError(f"header_spliced: {literal!r} is not a number, a page header and a unit")
    return m.group(1) + m.group(4)


#: repair name -> how it rewrites the literal before the quantity parser reads it (the names and
#: what they mean: `vocabulary.REPAIRS`).
REWRITES: dict[str, Callable[[str], str]] = {
    # The span excludes a page number / footnote marker glued before or after the value.
    "page_number_glued": _identity,
    "footnote_marker_glued": _identity,
    # A cell of a glued run of table numbers, split off by the table's layout.
    "digits_glued": _identity,
    # The text has no unit word; the table's unit is used (e.g. "729 万" meaning 万元).
    "unit_inferred": _identity,
    # The sign or the unit's context was split from the value by a figure caption.
    "sentence_split": _identity,
    "glyph_decoded": decode_glyph,
    "chars_doubled": _undouble,
    # The two leading digits became a control character that the extraction dropped.
    "control_char_dropped": _identity,
    # One decrease word stands before a list of values (同比下滑 30.46%和39.76%): each is a decrease.
    "sign_shared": _decrease,
    "header_spliced": _unsplice,
}

#: Repairs whose literal is not a quantity the parser finds in the text: what such a literal looks
#: like, so that an anchor's `{Q}` can read it (the longest one the repair reads and the words follow).
LITERALS: dict[str, re.Pattern[str]] = {
    "glyph_decoded": re.compile(r".\d*(?:\.\d+)?%?"),
    "header_spliced": _SPLICED,
}


assert set(REWRITES) == set(vocabulary.REPAIRS), "every repair of the vocabulary has its rule here"


def reparse(literal: str, repair: str | None) -> quantity.Quantity:
    """Parse `literal` after applying the named repair."""
    if repair is None:
        return quantity.parse(literal)
    try:
        fix = REWRITES[repair]
    except KeyError:
        raise QuantityParseError(f"unknown repair {repair!r}; known: {sorted(REWRITES)}") from None
    return quantity.parse(fix(literal))


def admits(literal: str, repair: str | None, value: Decimal) -> bool:
    """Whether `value` is what `literal` says under `repair`.

    For `control_char_dropped` the literal lost its two leading digits, which were a control
    character (codes 0x00-0x1F or 0x7F-0x9F, written as two decimal digits, 10-19 or 80-99): the
    value must be one of those digits followed by the literal.
    """
    if repair == "control_char_dropped":
        for code in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)):
            lead = f"{code:02x}"
            # Only codes written in two decimal digits, the first not 0: a printed number never
            # starts with 0 (without this, 0x02 would let `1.9%` stand for 21.9).
            if not lead.isdigit() or lead.startswith("0"):
                continue
            candidate = quantity.parse(lead + literal.strip())
            if candidate.value == value:
                return True
        return False
    return reparse(literal, repair).value == value
