"""The qualifier lint: a qualifier word that governs a claim's literal must show in its qualifier.

For each claim, the words of `vocabulary.QUALIFIERS` (约, 近, 几乎, 超过, 以上, 内, ...) that stand in
the same clause as the literal and govern it must be the row's qualifier.  A clause runs from the
punctuation mark before the literal to the one after it (`CLAUSE_BREAKS`).  A word before the
literal governs it when no other number stands between them; a word after it, the same.  A word
inside a word of `vocabulary.QUALIFIER_COMPOUNDS` (节约, 国内), inside the literal (the parser read
it) or inside another claim's literal qualifies nothing here.  What is left and still disagrees is
a finding; a report's qualifiers.tsv explains the ones that are not the row's qualifier (the word
governs another number, compares two figures, ...), and the build fails on any other.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from fintech_stats.curation.files import SpanRule
from fintech_stats.errors import AnchorError
from fintech_stats.model import vocabulary
from fintech_stats.model.observation import Observation
from fintech_stats.text.numbers import find_numbers

__all__ = ["AFTER_REACH", "CLAUSE_BREAKS", "Finding", "QualifierWord", "check", "clause", "findings", "governing_words"]

#: The characters that end a clause.
CLAUSE_BREAKS = frozenset("。，；：！？,;:!?、（）()【】“”")
#: How far after the literal a word after it may stand (the unit the literal leaves out: 5s 内);
#: further on, 多 and 内 begin other words (多家, 多在, 内部).
AFTER_REACH = 2


@dataclass(frozen=True)
class QualifierWord:
    """A qualifier word of the text: where it stands, and the qualifier code it gives."""

    start: int
    end: int
    word: str
    qualifier: str


@dataclass(frozen=True)
class Finding:
    """A qualifier word governing a claim's literal that the claim's qualifier does not show."""

    claim: Observation
    word: QualifierWord
    clause: str

    def message(self) -> str:
        """One line: the row's place, its table, the word and the clause."""
        o = self.claim
        return (
            f"{o.where}: table {o.table}: {self.word.word!r} at {self.word.start} governs {o.literal!r} "
            f"(qualifier {o.qualifier}; the word says {self.word.qualifier}) in {self.clause!r}"
        )


def _words(side: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, q in vocabulary.QUALIFIERS.items():
        for word in getattr(q, side):
            out.setdefault(word, code)
    return out


_BEFORE = _words("before")
_AFTER = _words("after")
_WORD_RE = re.compile("|".join(re.escape(w) for w in sorted({*_BEFORE, *_AFTER}, key=len, reverse=True)))
_COMPOUND_RE = re.compile("|".join(re.escape(w) for w in sorted(vocabulary.QUALIFIER_COMPOUNDS, key=len, reverse=True)))
_DIGIT = re.compile(r"[0-9]")


@lru_cache(maxsize=16)
def _text_index(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...], tuple[int, ...]]:
    """The text's numbers written with digits, its compound words and its clause breaks (sorted)."""
    numbers = tuple((n.start, n.end) for n in find_numbers(text) if _DIGIT.search(n.text))
    compounds = tuple((m.start(), m.end()) for m in _COMPOUND_RE.finditer(text))
    breaks = tuple(i for i, ch in enumerate(text) if ch in CLAUSE_BREAKS)
    return numbers, compounds, breaks


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from after the break before it to the break after it."""
    breaks = _text_index(text)[2]
    i = bisect.bisect_left(breaks, start)
    low = breaks[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(breaks, end)
    high = breaks[j] if j < len(breaks) else len(text)
    return low, high


def _meets(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, end)) - 1
    while i >= 0 and spans[i][0] >= start - 64:  # a compound is short; a number span as well
        if spans[i][0] < end and spans[i][1] > start:
            return True
        i -= 1
    return False


def governing_words(text: str, start: int, end: int, others: Sequence[tuple[int, int]] = ()) -> list[QualifierWord]:
    """The qualifier words of text[start:end]'s clause that govern it (outside it).

    `others`: spans of other claims' literals (sorted); a word inside one belongs to that claim,
    and a claim between a word and this literal is a number between them.
    """
    numbers, compounds, _ = _text_index(text)
    low, high = clause(text, start, end)
    blockers = sorted({*numbers, *others})
    out = []
    for m in _WORD_RE.finditer(text, low, high):
        w_start, w_end, word = m.start(), m.end(), m.group()
        if w_start < end and w_end > start:
            continue  # inside the literal: the parser read it
        if _meets(compounds, w_start, w_end) or _meets(others, w_start, w_end):
            continue
        if w_end <= start and word in _BEFORE:
            between = (w_end, start)
            code = _BEFORE[word]
        elif end <= w_start <= end + AFTER_REACH and word in _AFTER:
            between = (end, w_start)
            code = _AFTER[word]
        else:
            continue
        if any(a < between[1] and b > between[0] and not (a < end and b > start) for a, b in blockers):
            continue
        out.append(QualifierWord(w_start, w_end, word, code))
    return out


def findings(text: str, claims: Iterable[Observation]) -> list[Finding]:
    """Every claim of one report's `text` with a governing qualifier word its qualifier does not show."""
    rows = list(claims)
    spans = sorted({(o.span_start, o.span_end) for o in rows})
    out = []
    for o in rows:
        others = [s for s in spans if s != (o.span_start, o.span_end)]
        for word in governing_words(text, o.span_start, o.span_end, others):
            if word.qualifier != o.qualifier:
                low, high = clause(text, o.span_start, o.span_end)
                out.append(Finding(o, word, text[low:high]))
    return out


def check(text: str, claims: Iterable[Observation], rules: Sequence[SpanRule]) -> None:
    """Fail on any finding no rule of qualifiers.tsv explains, and on any rule that explains none.

    A rule's regex must match as often as it says; its group marks the qualifier word it explains.
    """
    found = findings(text, claims)
    explained: set[tuple[int, int]] = set()
    for rule in rules:
        matches = list(re.finditer(rule.anchor, text))
        if len(matches) != rule.matches:
            raise AnchorError(
                f"{rule.where}: qualifier rule {rule.anchor!r} matched {len(matches)} times, "
                f"the row says {rule.matches}"
            )
        words = {(m.start(1), m.end(1)) for m in matches}
        hits = {w for w in words if any((f.word.start, f.word.end) == w for f in found)}
        if hits != words:
            raise AnchorError(
                f"{rule.where}: qualifier rule {rule.anchor!r} marks no qualifier word that governs a claim "
                "at one of its matches: the rule explains nothing; remove it or mark the word itself"
            )
        explained |= words
    left = [f for f in found if (f.word.start, f.word.end) not in explained]
    if left:
        shown = "; ".join(f.message() for f in left[:5])
        more = f" (and {len(left) - 5} more)" if len(left) > 5 else ""
        raise AnchorError(
            f"{len(left)} qualifier word(s) govern a claim whose qualifier does not show them: {shown}{more}. "
            "Give the row the qualifier (rows.tsv column qualifier), or explain the word in qualifiers.tsv"
        )
