"""Anchors: the words around a value, with `{Q}` where the shared quantity parser reads it.

An anchor is split at its `{Q}`s into word patterns, each compiled on its own (small, cheap); the
quantity grammar (`quantity.QUANTITY_PATTERN`, a regex many times longer than any anchor) is never
copied into one.  A match is found by running the first word pattern, then reading the quantity at
its end with `quantity.parse_at` (the longest quantity there), then requiring the next word pattern
right after it, and so on.  An anchor that starts with `{Q}` takes the quantity that ends exactly
where its first words start, found in the text's quantity scan (one linear pass per text, cached).
So every anchor costs a few linear passes over the text, whatever it holds, including long runs of
digits.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from fintech_stats.errors import QuantityParseError
from fintech_stats.text import quantity, repairs

__all__ = ["Anchor", "AnchorMatch", "compile_anchor", "quantity_scan"]

Q = "{Q}"
#: How many trailing characters of the longest quantity may be given back to the words after it
#: (a unit or a 提升 the words spell out themselves); never its digits.
_GIVE_BACK = 12


@dataclass(frozen=True)
class AnchorMatch:
    """One place an anchor matched: the whole span and the quantities of its `{Q}`s."""

    start: int
    end: int
    quantities: tuple[quantity.Quantity, ...]


@dataclass(frozen=True)
class Anchor:
    """A compiled anchor: the word patterns between its `{Q}`s (the first may be empty)."""

    source: str
    words: tuple[re.Pattern[str] | None, ...]

    @property
    def n_quantities(self) -> int:
        """How many values the anchor reads."""
        return len(self.words) - 1

    def matches(
        self, text: str, start: int = 0, stop: int | None = None, repair: str | None = None
    ) -> list[AnchorMatch]:
        """Every place in text[start:stop] where the anchor matches, in text order.

        `repair`: the row's repair; where its literals are no quantity of the parser (a damaged
        glyph, a spliced page header: `repairs.LITERALS`) and no quantity starts, such a literal is
        read instead.
        """
        stop = len(text) if stop is None else stop
        first = self.words[0]
        found: list[AnchorMatch] = []
        if first is not None:
            for m in first.finditer(text, start, stop):
                hit = self._rest(text, m.start(), m.end(), (), stop, repair)
                if hit is not None:
                    found.append(hit)
            return found
        second = self.words[1]
        assert second is not None  # compile_anchor refuses an anchor of nothing but {Q}
        scan = quantity_scan(text)
        for m in second.finditer(text, start, stop):
            q = _quantity_ending_at(text, scan, m.start())
            if q is not None and q.start >= start:
                hit = self._rest(text, q.start, m.end(), (q,), stop, repair)
                if hit is not None:
                    found.append(hit)
        return found

    def _rest(
        self, text: str, begin: int, pos: int, got: tuple[quantity.Quantity, ...], stop: int, repair: str | None
    ) -> AnchorMatch | None:
        """Read the remaining quantities, each followed by its words, from `pos` on."""
        while len(got) < self.n_quantities:
            words = self.words[len(got) + 1]
            read = _quantity_then(text, pos, words, stop)
            if read is None and repair in repairs.LITERALS:
                read = _damaged_then(text, pos, words, stop, repair)
            if read is None:
                return None
            q, pos = read
            got = (*got, q)
        return AnchorMatch(begin, pos, got)


def _quantity_then(
    text: str, pos: int, words: re.Pattern[str] | None, stop: int
) -> tuple[quantity.Quantity, int] | None:
    """The longest quantity at `pos` that `words` can follow (giving back at most a few trailing
    characters, as a regex would backtrack), and where the words end; None if there is none."""
    try:
        q = quantity.parse_at(text, pos, stop)
    except QuantityParseError:
        return None
    longest = q.end
    while True:
        if words is None:
            return q, q.end
        end = _match_at(words, text, q.end, stop)
        if end is not None:
            return q, end
        bound = q.end - 1
        if bound <= pos or bound < longest - _GIVE_BACK:
            return None
        try:
            q = quantity.parse_at(text, pos, bound)
        except QuantityParseError:
            return None


def _damaged_then(
    text: str, pos: int, words: re.Pattern[str] | None, stop: int, repair: str
) -> tuple[quantity.Quantity, int] | None:
    """A damaged literal at `pos`, as `repairs.LITERALS[repair]` describes it; the row's repair reads it.

    The longest such literal that the words can follow (as a regex would backtrack): in a run of
    glued cells `%.31` the words decide whether the 1 belongs to the next cell.
    """
    pattern = repairs.LITERALS[repair]
    m = pattern.match(text, pos, stop)
    if m is None or m.end() == pos + 1:
        return None
    for stop_at in range(m.end(), pos + 1, -1):
        literal = text[pos:stop_at]
        if not pattern.fullmatch(literal):
            continue
        placeholder = quantity.Quantity(Decimal(0), None, "exact", literal, None, pos, stop_at)
        if words is None:
            return placeholder, stop_at
        end = _match_at(words, text, stop_at, stop)
        if end is not None:
            return placeholder, end
    return None


def _quantity_ending_at(text: str, scan: QuantityScan, end: int) -> quantity.Quantity | None:
    """The longest quantity that ends exactly at `end`: a token of the scan, or one cut back from
    the token that runs past `end` (as a regex would backtrack)."""
    i = bisect_left(scan.ends, end)
    if i < len(scan.ends) and scan.ends[i] == end:
        return scan.quantities[i]
    if i < len(scan.ends) and scan.quantities[i].start < end <= scan.ends[i] and scan.ends[i] - end <= _GIVE_BACK:
        try:
            q = quantity.parse_at(text, scan.quantities[i].start, end)
        except QuantityParseError:
            return None
        return q if q.end == end else None
    return None


def _match_at(pattern: re.Pattern[str], text: str, pos: int, stop: int) -> int | None:
    m = pattern.match(text, pos, stop)
    return None if m is None else m.end()


@cache
def compile_anchor(source: str) -> Anchor:
    """Compile an anchor once (cached by its text); ValueError if it is not a valid anchor."""
    parts = source.split(Q)
    if len(parts) < 2:
        raise ValueError(f"anchor {source!r} holds no {Q}")
    words: list[re.Pattern[str] | None] = []
    for i, part in enumerate(parts):
        if not part:
            if 0 < i < len(parts) - 1:
                raise ValueError(f"anchor {source!r}: two {Q} with no words between them")
            words.append(None)
            continue
        try:
            pattern = re.compile(part)
        except re.error as exc:
            raise ValueError(f"anchor {source!r}: words {part!r} are not a valid regex: {exc}") from None
        if pattern.groups:
            raise ValueError(f"anchor {source!r}: use (?:...), not capturing groups")
        words.append(pattern)
    if words[0] is None and (len(words) < 2 or words[1] is None):
        raise ValueError(f"anchor {source!r} has no words: a value cannot be found by itself")
    return Anchor(source, tuple(words))


@dataclass(frozen=True)
class QuantityScan:
    """Every quantity of a text, left to right, as the shared pattern finds them in one pass."""

    quantities: tuple[quantity.Quantity, ...]
    ends: tuple[int, ...]


@cache
def quantity_scan(text: str) -> QuantityScan:
    """The quantities of `text` in one left-to-right pass (cached per text)."""
    found = tuple(quantity.scan(text))
    return QuantityScan(found, tuple(q.end for q in found))
