"""Propose a report's candidate claims, and write them as a draft curation folder.

    import fintech_stats.tools.propose as curate
    curate.propose("fe-graph-database-survey-2023")      # one row per candidate quantity
    curate.write_draft("fe-graph-database-survey-2023", "draft-r02")

`propose` reads every quantity of the report text with the shared parser (`quantity.scan`), keeps
those the coverage ledger counts as numbers (`numbers.find_numbers`) and the verbal quantities that
carry an order of magnitude (百亿级, 超千亿, 翻番), and classifies each by generic rules: a year
before 年 is a `date`, the number after 图/表 a `figure_or_table_number`, a number before a
heading's dot or inside (1) a `section_number`, a number glued to a running header (a string the
text repeats before or after many numbers) a `page_number`, the dotted runs of a table of contents
`toc_entry`, a number glued to Latin letters (5G, H100) an `identifier`, ... ; the rest are `claim`.
No rule names a report's words.  Each candidate gets an anchor in the `{Q}` syntax (the words around
the value, never its digits, matching exactly once: verified with the engine's own anchor compiler),
where it stands (the chapter heading before it, the 图/表 number near it) and whether a published
claim of the report already overlaps its span (`curated`).

`write_draft` writes the curation format (tables.toml, rows.tsv, exclusions.tsv) for a curator to
finish: one placeholder table per figure or section, the dimensions left as TODO comments.
"""

from __future__ import annotations

import argparse
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fintech_stats.errors import FintechStatsError
from fintech_stats.text import quantity
from fintech_stats.text.numbers import find_numbers

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COLUMNS",
    "Candidate",
    "DraftExistsError",
    "add_cli",
    "candidates",
    "evaluate",
    "measure",
    "propose",
    "suggest_anchor",
    "total",
    "write_draft",
]

#: The columns of `propose`, in order.
COLUMNS = (
    "span_start",
    "span_end",
    "literal",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "kind",
    "rule",
    "anchor",
    "section",
    "figure",
    "curated",
)

CLAIM = "claim"


class DraftExistsError(FintechStatsError, FileExistsError):
    """The draft folder exists already: a draft never overwrites a curator's work."""


@dataclass(frozen=True)
class Candidate:
    """One quantity of a report text and what the rules make of it."""

    start: int
    end: int
    literal: str
    value: Decimal
    value_high: Decimal | None
    unit: str | None
    qualifier: str
    kind: str
    rule: str
    section: str | None = None
    figure: str | None = None
    anchor: str | None = field(default=None, compare=False)


# --- the text's structure -----------------------------------------------------------------------

_CJK = r"\u4e00-\u9fff"
_CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿"
# A verbal quantity that carries an order of magnitude or a comparison: worth proposing even though
# the ledger does not count it (百亿级, 超过数百 PB, 近万, 翻番, 三分之一, 增加了一倍).
_VERBAL = re.compile(r"[十百千万亿]|分之|翻|倍|半年")
_RANK_CONTEXT = re.compile(
    r"(?:排名|位列|位居|排在|居于?|列|名列|位于|占据|获得?|荣获|实现|登顶|进入)[\u4e00-\u9fff]{0,8}\s*$"
)
_HEADING_CHAPTER = re.compile(rf"第[{_CN_NUMERAL}\d]+[章篇]\s*[{_CJK}:：、“”A-Za-z ]{{2,16}}")
# Count words the parser does not read as units (3 起, 8 席, 5 代, 10 层, 九部委, 三地六中心).
_COUNT_WORD = re.compile(r"\s*(?:起|席|代|层|轮|地|部委|省|机房|中心|大类|级|家)")
_FIGURE_REF = re.compile(r"([图表])\s?(\d+(?:[-.]\d+)?)")


@dataclass
class _TextInfo:
    """What the rules need to know about a whole text, computed once per text."""

    text: str
    repeated_before: set[str]
    repeated_after: set[str]
    toc_start: int
    toc_end: int
    chapters: list[tuple[int, str]]
    figures: list[tuple[int, str]]

    def section_at(self, pos: int) -> str | None:
        i = bisect_right([c[0] for c in self.chapters], pos) - 1
        return self.chapters[i][1] if i >= 0 else None

    def figure_near(self, start: int, end: int) -> str | None:
        # A caption usually follows its data (数据来源 ... 图 7 caption): the nearest 图/表 within
        # 200 characters after the value, else within 120 before it.
        positions = [f[0] for f in self.figures]
        i = bisect_right(positions, end)
        if i < len(self.figures) and self.figures[i][0] - end <= 200:
            return self.figures[i][1]
        if i > 0 and start - self.figures[i - 1][0] <= 120:
            return self.figures[i - 1][1]
        return None


_KEY = 6  # characters of a number's context compared to find running headers


def _context_keys(text: str) -> tuple[Counter[str], Counter[str]]:
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for m in re.finditer(r"\d+", text):
        b = text[max(0, m.start() - _KEY) : m.start()]
        a = text[m.end() : m.end() + _KEY]
        if len(b) == _KEY:
            before[b] += 1
        if len(a) == _KEY:
            after[a] += 1
    return before, after


def _running(keys: Counter[str], threshold: int) -> set[str]:
    # A running header or footer: the same CJK words stand next to many numbers.
    return {
        k
        for k, n in keys.items()
        if n >= threshold
        and len(re.findall(rf"[{_CJK}]", k)) >= _KEY - 2
        and not re.search(r"[\d%％.,，、;；。]", k)
        and re.search(rf"[{_CJK} ]$", k)
        and not re.search(r"[为达至到是约比化率增长降低高于和的有]\s*$", k)  # 得分为 72.4: a value follows
    }


def _toc(text: str) -> tuple[int, int]:
    """Where the table of contents starts and ends ((0, 0) if there is none): from 目录 near the start
    of the text while headings alternate with numbers every few characters."""
    head = text[: max(len(text) // 5, 6000)]
    m = re.search(r"目\s*录", head)
    if m is None:
        return 0, 0
    end = m.end()
    # The contents run while headings alternate with numbers every few characters.
    for n in re.finditer(r"\d+", text[m.end() : m.end() + 8000]):
        pos = m.end() + n.end()
        if pos - end > 120:
            break
        end = pos
    return m.start(), end


@cache
def _info(text: str) -> _TextInfo:
    before, after = _context_keys(text)
    toc_start, toc_end = _toc(text)
    chapters = [
        (m.start(), " ".join(m.group(0).split()))
        for m in _HEADING_CHAPTER.finditer(text)
        if not toc_start <= m.start() < toc_end
    ]
    figures = [(m.start(), f"{m.group(1)} {m.group(2)}") for m in _FIGURE_REF.finditer(text)]
    return _TextInfo(text, _running(before, 4), _running(after, 4), toc_start, toc_end, chapters, figures)


# --- the rules ------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?:19|20)\d{2}")
_DIGITS = re.compile(r"\d+(?:\.\d+)*")


@dataclass(frozen=True)
class _Around:
    """One candidate quantity and the text around it, as the rules read them."""

    info: _TextInfo
    q: quantity.Quantity
    before: str  # the 12 characters before the literal
    after: str  # the 12 characters after it
    digits: re.Match[str] | None  # the literal's first run of digits (5 of 5G, 3.0 of V3.0)
    dstart: int  # where that run starts in the text (the literal's start when there is none)
    dend: int  # where it ends (the literal's end when there is none)
    bare: str  # the 12 characters after the run: the words after the number itself
    tok: str  # the run ("" when there is none)
    table_row: bool  # a share follows within a few characters: a cell of a ranked table's row
    glued_table: bool  # a % or 3 digits by a dot within 6 characters: a flattened table, not a heading
    in_row: bool  # a share and a few CJK words before it: the rank opening a ranked table's row

    @property
    def text(self) -> str:
        return self.info.text

    @property
    def lit(self) -> str:
        return self.q.literal


def _around(info: _TextInfo, q: quantity.Quantity) -> _Around:
    text = info.text
    s, e = q.start, q.end
    digits = _DIGITS.search(q.literal)
    dstart = s + digits.start() if digits else s
    dend = s + digits.end() if digits else e
    return _Around(
        info,
        q,
        before=text[max(0, s - 12) : s],
        after=text[e : e + 12],
        digits=digits,
        dstart=dstart,
        dend=dend,
        bare=text[dend : dend + 12],
        tok=digits.group(0) if digits else "",
        # A ranked table flattened into text (<rank><name><count><share>%): a share follows within a few
        # characters, so a bare number here is a cell of the row, not a page number.
        table_row=bool(re.search(r"\d(?:\.\d+)?\s*[%％]", text[e : e + 14])),
        glued_table=bool(re.search(r"[%％]|\d{3}\.|\.\d{3}", text[max(0, s - 6) : e + 6])),
        # The previous row of a ranked table ends in a share and a country or region (...%<country><rank>
        # <Latin name>): the number glued to the name is the row's rank, not part of an identifier.
        in_row=bool(re.search(r"[%％][\u4e00-\u9fff/]{1,8}$", text[max(0, s - 12) : s])),
    )


def _date(a: _Around) -> tuple[str, str] | None:
    """Dates: a period (近三年), a year before 年 (or a year range), a dotted date, a month, a day, a bare year."""
    q, lit, before, after, bare, tok = a.q, a.lit, a.before, a.after, a.bare, a.tok
    if q.unit == "year" and (
        (len(tok) == 2 and 15 <= int(tok) <= 35) or re.fullmatch(r"(?:19|20)\d{2}(?:19|20)\d{2}", tok)
    ):
        return "date", "period"
    if (q.unit == "year" and re.search(r"(?:近|过去|最近|此前|这|前)\s*$", before + lit[:1])) or (
        q.unit == "year" and re.match(r"(?:来|以来|期间|间)", after)
    ):
        return "date", "period"  # 近三年, 22 年, 20192021 年 (a range that lost its hyphen)
    if q.unit == "year" and _YEAR.fullmatch(tok):
        return "date", "year_nian"
    if _YEAR.fullmatch(tok) and re.match(r"\s*(?:[-~至—]\s*(?:19|20)\d{2}\s*)?(?:年|财年)", bare):
        return "date", "year_nian"
    if re.fullmatch(r"(?:19|20)\d{2}(?:\.\d{1,2}){1,2}", tok) or re.match(r"\s*[-/.]\d{1,2}[-/.]\d{1,2}", bare):
        return "date", "dotted_date"
    if re.match(r"\s*月", bare) and tok.isdigit() and int(tok) <= 12:
        return "date", "month"
    if re.match(r"\s*[日号]", bare) and re.search(r"月\s*$", before):
        return "date", "day"
    if (
        _YEAR.fullmatch(tok)
        and q.unit is None
        and not re.match(r"\s*[多余]", bare)
        and not re.search(r"[万亿千百K]", lit)
    ):
        return "date", "bare_year"
    if re.match(r"\s*年\s*(?:\d|[一二三四五六七八九十])", bare) and tok.isdigit() and len(tok) == 2:
        return "date", "year_nian"
    if re.match(r"\s*(?:周年|年代|世纪)", bare):
        return "date", "anniversary"
    return None


def _reference(a: _Around) -> tuple[str, str] | None:
    """Figure and table numbers (图 3), case and appendix numbers (案例 2), chapters (第 3 章)."""
    lit, before, after, bare, tok = a.lit, a.before, a.after, a.bare, a.tok
    if re.search(r"(?:[图表]|Figure|Table)\s*$", before) and tok:
        return "figure_or_table_number", "figure_ref"
    if re.search(r"(?:案例|附录|附件|场景|专栏|示例)\s*$", before) and tok:
        return "figure_or_table_number", "case_number"
    if re.search(r"第\s*$", before) and re.match(r"\s*[章节篇部条款期届批]", bare):
        return "section_number", "chapter"
    if lit.startswith("第") and re.match(r"[章节篇部条款届]", after):
        return "section_number", "chapter"
    return None


def _layout(a: _Around) -> tuple[str, str] | None:
    """What the pages left in the text: the table of contents, and page numbers (glued to a running
    header or footer, after a sentence's end, splitting a word)."""
    info, q, text, s, e, lit = a.info, a.q, a.text, a.q.start, a.q.end, a.lit
    before, after, dstart, dend = a.before, a.after, a.dstart, a.dend
    if info.toc_start <= s < info.toc_end and q.unit in (None, "count") and q.qualifier == "exact":
        return "toc_entry", "contents"

    # running headers and footers: a page number glued to them
    # A one-character count word glued to the number may be the header's first character (a header
    # that starts with 支, 家 or 件): the number is still its page number.
    glued_unit = q.unit is None or (q.unit == "count" and e - dend == 1)
    if text[max(0, dstart - _KEY) : dstart] in info.repeated_before and glued_unit:
        return "page_number", "running_header"
    if text[dend : dend + _KEY] in info.repeated_after and glued_unit:
        return "page_number", "running_header"

    # a page number left in the running text: a bare whole number after a sentence's end, or
    # splitting a word (分布式数 12 据库)
    bare_int = q.unit is None and q.qualifier == "exact" and lit.isdigit() and len(lit) <= 3
    if bare_int and re.search(r"[。;；!！?？:：)）]\s*$", before) and re.match(rf"\s*[{_CJK}A-Za-z(（]", after):
        return "page_number", "after_sentence"
    if (
        bare_int
        and re.search(rf"[{_CJK}]$", before)
        and re.match(rf"[{_CJK}]", after)
        and not a.table_row
        and not re.search(r"[为达至到和及共约近超有第前]$", before)
    ):
        return "page_number", "inside_words"
    return None


def _heading(a: _Around) -> tuple[str, str] | None:
    """Headings and enumerations (1. 2. / (1) / 1、 / 1.2.3 / 一、) and footnote markers ([1], 【1】)."""
    q, text, lit, before, after, bare, tok, dend = a.q, a.text, a.lit, a.before, a.after, a.bare, a.tok, a.dend
    if (
        re.match(r"\.\d+(?:\.\d+)*", text[dend:])
        and q.unit is None
        and re.fullmatch(r"\d+(?:\.\d+)*", lit)
        and not a.glued_table
    ):
        return "section_number", "dotted_heading"
    if tok and re.match(rf"\s*[.、．](?![\d%])\s*[{_CJK}A-Za-z“]", bare) and q.unit is None:
        return "section_number", "heading_dot"
    if (
        re.fullmatch(r"\d+\.\d+(?:\.\d+)*", lit)
        and re.match(rf"\s*[{_CJK}]", after)
        and q.unit is None
        and not a.glued_table
        and not re.search(r"[为达至到和、,，是约占比]\s*$", before)
    ):
        return "section_number", "dotted_heading"
    if re.search(r"[(（]\s*$", before) and re.match(r"\s*[)）]", bare) and lit == tok:
        return "section_number", "parenthesised"
    if (
        re.search(r"[(（]\s*$", before)
        and re.match(r"\s*[)）]", after)
        and q.unit is None
        and q.qualifier != "range"
        and q.literal[:1] not in "近约超"
    ):
        return "section_number", "parenthesised"
    if re.search(r"【\s*$", before) or re.search(r"\[\s*$", before):
        return "footnote_marker", "bracketed"
    if re.fullmatch(f"[{_CN_NUMERAL}]+", lit) and re.match(r"\s*[、.]", after):
        return "section_number", "cn_heading"
    return None


def _identifier(a: _Around) -> tuple[str, str] | None:
    """Identifiers: numbers glued to Latin letters (5G, H100, GPT-4, ISO 27001), versions, 7*24; glyph noise."""
    q, text, s, e, lit = a.q, a.text, a.q.start, a.q.end, a.lit
    before, bare, tok, digits, dstart, dend = a.before, a.bare, a.tok, a.digits, a.dstart, a.dend
    # A unit says the number measures something (a share glued after a Latin name in a ranked row),
    # except G, which the parser reads as gigabytes (5G), and a count word, which may be the next
    # word's first character (a model name before 支持).
    measured = q.unit not in (None, "TB", "count")
    if (
        re.search(r"[A-Za-z][-_/]?$", text[max(0, dstart - 2) : dstart])
        and not lit.startswith(("TOP", "Top", "top"))
        and not measured
    ):
        return "identifier", "latin_glued"
    if (
        digits
        and q.unit is None
        and not a.in_row
        and re.match(r"[A-Za-z]", text[dend : dend + 1])
        and not re.match(
            r"(?:K|k|TB|GB|PB|MB|EB|ZB|TPS|QPS|tps|TOPS|POPS|TFLOPS|PFLOPS|GFLOPS|nm|ms|min|s\b)", text[dend:]
        )
    ):
        return "identifier", "latin_glued"
    if re.fullmatch(r"\d+G", lit.replace(" ", "")):
        return "identifier", "generation"
    if q.unit is None and re.search(r"(?<![A-Za-z])[A-Za-z]{2,}\s$", before):  # Graph 3.0, GPT 4.0, 沪深 300
        return "identifier", "version"
    # N*24 小时 (N days of 24 hours; 7*24: round the clock) names service hours, not a duration
    # measured: the 24 after the `*`, or the whole run once the extraction dropped the `*` (724 小时,
    # sometimes with 小时 cut by a page break).
    if (tok == "24" and re.search(r"[1-7]\s*[*×x]\s*$", before)) or (
        re.fullmatch(r"[1-7]24", tok) and re.match(r"\s*小", bare)
    ):
        return "identifier", "round_the_clock"
    if (re.match(r"\.\d+\.\d+", text[dend:]) and not a.glued_table) or re.search(r"[vV]\s*$", before):
        return "identifier", "version"
    ascii_window = text[max(0, s - 10) : e + 10]
    if (
        not a.in_row
        and len(re.findall(r"[!\"#$&'*+/:;<=>?@\[\]^_`{|}~A-Za-z]", ascii_window)) >= 9
        and not re.search(f"[{_CJK}]{{3}}", ascii_window)
    ):
        return "garbled_glyph_run", "ascii_noise"
    return None


def _bucket_label(a: _Around) -> tuple[str, str] | None:
    """A bucket label: a range listed next to other labels (the 2-3 of 1、2-3、4-10 节点)."""
    q, before, after = a.q, a.before, a.after
    if (
        q.qualifier == "range"
        and q.unit in (None, "count")
        and re.search(r"[、,，]\s*$|^\s*[、,，]", before[-2:] + after[:2])
    ):
        return "bucket_label", "range_list"
    return None


def _word(a: _Around) -> tuple[str, str] | None:
    """Number words and ranks: a claim when they rank (位列第三, 第二大), count a list (火电、钢铁…等四个行业)
    or come with a count word (九部委); else words that are not numbers (一个, 第三, 三级)."""
    q, text, s, lit, before, after = a.q, a.text, a.q.start, a.lit, a.before, a.after
    if q.unit == "rank" and (_RANK_CONTEXT.search(before) or re.search(r"[位名]$", lit) or lit.startswith("前")):
        return CLAIM, "rank"
    # 第二大, 第六年至第十年: an ordinal that ranks or dates a fact; 火电、钢铁…等四个行业: the count of a list
    if q.unit == "rank" and re.match(r"(?:大|年|个阶段)", after):
        return CLAIM, "rank"
    sentence = re.split(r"[。;；!！?？]", text[max(0, s - 30) : s])[-1]
    enumerating = re.match(r"(?:大|代|个?(?:部分|方面|层面|维度|阶段))", after)  # 四大目标, 三个方面
    if (
        re.fullmatch(f"[{_CN_NUMERAL}]+[个种类项大]?", lit)
        and ("、" in sentence or sentence.endswith("等") or re.search(r"和|以及|完成|开展|基于", sentence))
        and not enumerating
    ):
        return CLAIM, "list_count"
    if re.fullmatch(f"[{_CN_NUMERAL}]", lit) and lit not in "一二" and _COUNT_WORD.match(after):
        return CLAIM, "count_word"  # 九部委, 三地六中心, 四轮
    if re.fullmatch(f"[{_CN_NUMERAL}]", lit) or q.unit == "rank":
        return "enumerator", "cn_word"
    magnitude = bool(re.search(r"[百千万亿]", lit))
    if (
        not magnitude
        and re.fullmatch(f"[{_CN_NUMERAL}]+[个种类项大套批条]?", lit)
        and not re.search(r"[共有达近约超]\s*$", before)
    ):
        return "enumerator", "cn_word"
    return None


def _small_bare(a: _Around) -> tuple[str, str] | None:
    """A bare digit under 10 that nothing measures, counts or compares (no unit, no 达 or 为 before it,
    no count word after it, not in a table's row): an enumerator."""
    q, lit, before, bare, tok = a.q, a.lit, a.before, a.bare, a.tok
    if (
        q.unit is None
        and q.qualifier == "exact"
        and tok.isdigit()
        and int(tok) < 10
        and not re.search(r"[Kk]", lit)
        and not _COUNT_WORD.match(bare)
        and not a.table_row
        and not a.in_row
        and not re.search(r"[万亿千百]", lit)
        and not re.search(r"(?:到|至|为|从|达|最高)[:：]?\s*$", before)
        and not re.match(r"\s*(?:大[\u4e00-\u9fff]|字节|s\b|秒)", bare)
    ):
        return "enumerator", "small_bare"
    return None


# The families of rules in the order they are tried: the first that decides wins, so a rule sees only
# the candidates every earlier rule left (the page-number rules never see 2023 年, a date).
_FAMILIES: tuple[Callable[[_Around], tuple[str, str] | None], ...] = (
    _date,
    _reference,
    _layout,
    _heading,
    _identifier,
    _bucket_label,
    _word,
    _small_bare,
)


def _classify(info: _TextInfo, q: quantity.Quantity) -> tuple[str, str]:
    """The kind of one candidate and the name of the rule that gave it: the first family of rules
    (`_FAMILIES`) that decides, else a claim."""
    a = _around(info, q)
    for family in _FAMILIES:
        decided = family(a)
        if decided is not None:
            return decided
    return CLAIM, "claim"


def _keep(text: str, q: quantity.Quantity, marks: list[bool]) -> bool:
    if any(marks[q.start : q.end]):
        return True
    lit = q.literal
    if q.unit == "rank":
        if re.match(r"年至", text[q.end : q.end + 2]):
            return True
        return bool(_RANK_CONTEXT.search(text[max(0, q.start - 12) : q.start])) or lit.startswith("前")
    if re.fullmatch(f"[{_CN_NUMERAL}]", lit):
        return lit not in "一二" and bool(_COUNT_WORD.match(text, q.end))
    if lit in ("十分", "百分", "万分", "千分") or (lit == "半年" and text[q.start - 1 : q.start] in "上下"):
        return False  # 十分重要, 百分比, 上半年: words, not quantities
    return bool(_VERBAL.search(lit))


def _next_to_range(text: str, quantities: Sequence[quantity.Quantity], i: int) -> bool:
    """Whether a range stands right beside another range (1 节点2-3 节点4-10 节点: a run of bucket labels)."""
    q = quantities[i]
    for j in (i - 1, i + 1):
        if 0 <= j < len(quantities):
            other = quantities[j]
            gap = q.start - other.end if j < i else other.start - q.end
            between = text[other.end : q.start] if j < i else text[q.end : other.start]
            if other.qualifier == "range" and gap <= 3 and not between.strip() and "%" not in q.literal:
                return True
    return False


def candidates(text: str) -> list[Candidate]:
    """Every candidate quantity of `text`, classified, left to right (no anchors yet)."""
    info = _info(text)
    marks = [False] * len(text)
    for n in find_numbers(text):
        for i in range(n.start, n.end):
            marks[i] = True
    out = []
    kept = [q for q in quantity.scan(text) if _keep(text, q, marks)]
    for i, q in enumerate(kept):
        kind, rule = _classify(info, q)
        if kind == CLAIM and q.qualifier == "range" and _next_to_range(text, kept, i):
            kind, rule = "bucket_label", "range_run"
        out.append(
            Candidate(
                q.start,
                q.end,
                q.literal,
                q.value,
                q.value_high,
                q.unit,
                q.qualifier,
                kind,
                rule,
                info.section_at(q.start),
                info.figure_near(q.start, q.end),
            )
        )
    return out


# --- anchors --------------------------------------------------------------------------------------

_SPECIAL = re.compile(r"([.^$*+?{}\[\]\\|()])")
_STOP = re.compile(r"[\n\t]")
_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?")
_NUMERIC_CHAR = re.compile(r"[\d.][\d.]")


def _escape(words: str) -> str:
    return _SPECIAL.sub(r"\\\1", words)


def _words(words: str, value_tokens: set[str]) -> str:
    """A regex of `words`; digits equal to the value's own are written as `\\d+` (never typed)."""
    out = []
    pos = 0
    for m in _NUMBER_TOKEN.finditer(words):
        out.append(_escape(words[pos : m.start()]))
        token = m.group(0)
        out.append(r"\d+(?:\.\d+)?" if token in value_tokens else _escape(token))
        pos = m.end()
    out.append(_escape(words[pos:]))
    return "".join(out)


def suggest_anchor(text: str, start: int, end: int) -> str | None:
    """Words around text[start:end] with `{Q}` for it, matching exactly once there; None if none found."""
    from fintech_stats.curation.anchors import compile_anchor

    literal = text[start:end]
    tokens = {t for t in _NUMBER_TOKEN.findall(literal) if len(t) >= 2 or "." in t}
    tokens |= set(_NUMBER_TOKEN.findall(literal))
    for before_len, after_len in ((4, 0), (6, 0), (4, 3), (8, 0), (6, 4), (12, 0), (10, 6), (16, 0), (16, 8), (24, 8)):
        b0 = max(0, start - before_len)
        while 0 < b0 < start and _NUMERIC_CHAR.match(text[b0 - 1 : b0 + 1]):  # never cut a label's number
            b0 -= 1
        before = text[b0:start]
        stop = _STOP.search(before[::-1])
        if stop is not None:
            before = before[len(before) - stop.start() :]
        a1 = min(len(text), end + after_len)
        while end < a1 < len(text) and _NUMERIC_CHAR.match(text[a1 - 1 : a1 + 1]):
            a1 += 1
        after = text[end:a1]
        stop = _STOP.search(after)
        if stop is not None:
            after = after[: stop.start()]
        before, after = before.lstrip(), after.rstrip()  # a TSV cell is stripped: so is the anchor
        if not before:
            continue
        anchor = _words(before, tokens) + "{Q}" + _words(after, tokens)
        try:
            found = compile_anchor(anchor).matches(text)
        except ValueError:
            continue
        if len(found) == 1 and found[0].quantities[0].start == start and found[0].quantities[0].end == end:
            return anchor
    return None


def _exclusion_rule(text: str, start: int, end: int) -> str | None:
    """A regex with one group that matches text[start:end] at exactly that one place."""
    for before_len, after_len in ((6, 2), (10, 4), (16, 6), (24, 10), (40, 16)):
        before = text[max(0, start - before_len) : start]
        after = text[end : end + after_len]
        if "\n" in before or "\t" in before or "\n" in after or "\t" in after:
            before, after = before.split("\n")[-1].split("\t")[-1], after.split("\n")[0].split("\t")[0]
        before, after = before.lstrip(), after.rstrip()  # a TSV cell is stripped: so is the rule
        rule = f"{_escape(before)}({_escape(text[start:end])}){_escape(after)}"
        found = list(re.finditer(rule, text))
        if len(found) == 1 and found[0].start(1) == start:
            return rule
    return None


# --- the report API -------------------------------------------------------------------------------


def _report_text(report_id: str) -> str:
    from fintech_stats.corpus.reports import report_text

    return report_text(report_id)


def _curated_spans(report_id: str) -> list[tuple[int, int]]:
    from fintech_stats.access import loader
    from fintech_stats.errors import CatalogError

    try:
        frame = loader.claims()
    except (CatalogError, OSError, FintechStatsError):
        return []
    rows = frame[frame["report_id"] == report_id]
    return sorted({(int(a), int(b)) for a, b in zip(rows["span_start"], rows["span_end"], strict=True)})


def _overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_right([s for s, _ in spans], end - 1)
    return any(spans[j][1] > start for j in range(max(0, i - 8), i))


def propose(report_id: str, text: str | None = None, anchors: bool = True) -> pd.DataFrame:
    """The candidate claims of a report, one row each (see `COLUMNS`), in text order.

    `kind` is `claim` or the exclusion kind a rule gives (`fintech_stats.model.vocabulary.EXCLUSION_KINDS`);
    `rule` names the rule; `anchor` an anchor in the `{Q}` syntax that matches exactly once (None
    when no context up to 24 characters is unique); `section` the chapter heading before the value,
    `figure` the 图/表 near it; `curated` whether a published claim of the report holds this span.
    `text`: the report text (default: the corpus's); `anchors=False` skips the anchors (faster).
    """
    import pandas as pd

    body = _report_text(report_id) if text is None else text
    spans = _curated_spans(report_id)
    rows: list[dict[str, Any]] = []
    for c in candidates(body):
        rows.append(
            {
                "span_start": c.start,
                "span_end": c.end,
                "literal": c.literal,
                "value": float(c.value),
                "value_high": None if c.value_high is None else float(c.value_high),
                "unit": c.unit,
                "qualifier": c.qualifier,
                "kind": c.kind,
                "rule": c.rule,
                "anchor": suggest_anchor(body, c.start, c.end) if anchors and c.kind == CLAIM else None,
                "section": c.section,
                "figure": c.figure,
                "curated": _overlaps(spans, c.start, c.end),
            }
        )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame["span_start"] = frame["span_start"].astype("int64")
    frame["span_end"] = frame["span_end"].astype("int64")
    frame["value_high"] = frame["value_high"].astype("float64")
    frame["curated"] = frame["curated"].astype(bool)
    return frame


@dataclass(frozen=True)
class Score:
    """Recall and precision of the proposed claims of one report against its curated claims."""

    report_id: str
    curated: int
    covered: int
    proposed: int
    correct: int

    @property
    def recall(self) -> float:
        return self.covered / self.curated if self.curated else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0


def measure(text: str, report_id: str, spans: Iterable[tuple[int, int]]) -> Score:
    """How well the candidates of kind claim of `text` match the curated claim spans."""
    curated = sorted(set(spans))
    proposed = [(c.start, c.end) for c in candidates(text) if c.kind == CLAIM]
    covered = sum(1 for s, e in curated if _overlaps(proposed, s, e))
    correct = sum(1 for s, e in proposed if _overlaps(curated, s, e))
    return Score(report_id, len(curated), covered, len(proposed), correct)


def evaluate(statuses: tuple[str, ...] = ("full", "truncated")) -> list[Score]:
    """The score of every report of the corpus whose text is full or truncated, against `claims()`."""
    from fintech_stats.access import loader
    from fintech_stats.corpus.reports import load_reports

    frame = loader.claims()
    spans: dict[str, list[tuple[int, int]]] = {}
    for rid, a, b in zip(frame["report_id"], frame["span_start"], frame["span_end"], strict=True):
        spans.setdefault(str(rid), []).append((int(a), int(b)))
    return [
        measure(r.text, r.report_id, spans.get(r.report_id, [])) for r in load_reports() if r.text_status in statuses
    ]


def total(scores: Iterable[Score]) -> Score:
    """The pooled score of several reports (claims and candidates counted over all of them)."""
    items = list(scores)
    return Score(
        "all",
        sum(s.curated for s in items),
        sum(s.covered for s in items),
        sum(s.proposed for s in items),
        sum(s.correct for s in items),
    )


# --- the draft ------------------------------------------------------------------------------------


def _topic(report_id: str) -> str:
    head = re.sub(r"[^a-z0-9]+", "_", report_id.lower()).strip("_").split("_")[0] or "draft"
    return head if head[0].isalpha() else f"r_{head}"


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _cell(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _place(rec: dict[str, Any], default: str) -> str:
    """Where a candidate stands: the 图/表 near it, else its chapter, else `default`."""
    return str(rec["figure"] if _present(rec["figure"]) else rec["section"] if _present(rec["section"]) else default)


def _claim_groups(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The candidates of kind claim by where they stand (`text` when nowhere), in text order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        if rec["kind"] == CLAIM:
            groups.setdefault(_place(rec, "text"), []).append(rec)
    return groups


def _toml_table(name: str, key: str, members: list[dict[str, Any]], units: list[str]) -> list[str]:
    """The placeholder `[[table]]` of tables.toml for the claims standing in `key`."""
    literals = ", ".join(_cell(m["literal"]) for m in members[:6])
    return [
        "[[table]]",
        f"name = {_toml_str(name)}",
        f"title = {_toml_str('TODO: title of ' + key)}",
        f"description = {_toml_str(f'TODO: what the {len(members)} values of {key} measure ({literals})')}",
        f"source = {_toml_str(key)}",
        '# TODO: the dimensions of this table (one combination of codes per row), e.g. ["measure", "year"]',
        'dims = ["measure"]',
        f"units = [{', '.join(_toml_str(u) for u in units)}]",
        'version = "1.0.0"',
        "",
    ]


def _table_rows(name: str, key: str, members: list[dict[str, Any]], units: list[str]) -> list[str]:
    """The lines of rows.tsv for the claims standing in `key`: each a `# TODO dims` comment, then its
    row (or a `# TODO anchor` comment when no unique context was found)."""
    rows = [f"# --- {key}: table {name}"]
    for m in members:
        value = f"{m['value']:g}" + (f"-{m['value_high']:g}" if _present(m["value_high"]) else "")
        unit = m["unit"] if _present(m["unit"]) else None
        rows.append(
            f"# TODO dims: {_cell(m['literal'])} = {m['qualifier']} {value} {unit or '(no unit: give one)'}"
            f" at {m['span_start']}" + (" (already curated)" if m["curated"] else "")
        )
        if not _present(m["anchor"]):
            rows.append(f"# TODO anchor: no unique context found for {_cell(m['literal'])!r}")
            continue
        row_unit = "" if unit else units[0]
        location = "" if key == "text" else key
        rows.append(f"{name}\t{m['anchor']}\t\t{row_unit}\t\t\t{_cell(location)}\t\t\t")
    return rows


def _exclusions(body: str, records: list[dict[str, Any]]) -> list[str]:
    """The lines of exclusions.tsv: every candidate not of kind claim as an exact rule, with its kind."""
    exclusions = ["anchor\tkind\tmatches\tlocation\tnote"]
    for rec in records:
        if rec["kind"] == CLAIM:
            continue
        rule = _exclusion_rule(body, int(rec["span_start"]), int(rec["span_end"]))
        if rule is None:
            exclusions.append(f"# TODO {rec['kind']}: no unique context for {_cell(rec['literal'])!r}")
            continue
        exclusions.append(f"{rule}\t{rec['kind']}\t1\t{_cell(_place(rec, ''))}\trule {rec['rule']}")
    return exclusions


def write_draft(report_id: str, out_dir: str | Path, text: str | None = None) -> Path:
    """Write a draft curation folder for `report_id` into `out_dir` (refused if it exists).

    tables.toml: one placeholder table per figure or section the candidate claims stand in;
    rows.tsv: the candidates of kind claim with their anchors, each under a `# TODO dims` comment;
    exclusions.tsv: every other candidate as an exact rule matching that one place, with its kind.
    The folder reads with `fintech_stats.curation.read_curation`; the dimensions are the curator's.
    """
    target = Path(out_dir)
    if target.exists():
        raise DraftExistsError(f"{target} exists: a draft is never written over a folder (choose another --out)")
    body = _report_text(report_id) if text is None else text
    records: list[dict[str, Any]] = propose(report_id, body).to_dict("records")  # type: ignore[assignment]
    topic = _topic(report_id)
    toml = [
        "# Draft written by `fintech-stats propose`: rename the tables, write titles and descriptions, name the",
        "# dimensions (codelists in fintech_stats/model/codelists/), then `python -m fintech_stats.tools.run rNN`.",
        f"report_id = {_toml_str(report_id)}",
        f"topic = {_toml_str(topic)}",
        "",
    ]
    rows = ["table\tanchor\tdims\tunit\trepair\tmention\tlocation\tafter\tbefore\tnote"]
    for n, (key, members) in enumerate(_claim_groups(records).items(), start=1):
        name = f"{topic}_todo_{n:03d}"
        units = sorted({str(m["unit"]) for m in members if _present(m["unit"])}) or ["count"]
        toml += _toml_table(name, key, members, units)
        rows += _table_rows(name, key, members, units)
    exclusions = _exclusions(body, records)
    target.mkdir(parents=True)
    (target / "tables.toml").write_text("\n".join(toml), encoding="utf-8")
    (target / "rows.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (target / "exclusions.tsv").write_text("\n".join(exclusions) + "\n", encoding="utf-8")
    return target


def _present(value: object) -> bool:
    """Whether a cell holds something (not None, not NaN)."""
    return value is not None and not (isinstance(value, float) and value != value)


# --- the command ----------------------------------------------------------------------------------


def _run_propose(args: argparse.Namespace) -> int:
    if args.out:
        target = write_draft(args.report_id, args.out)
        print(f"wrote a draft curation of {args.report_id} into {target}")
        return 0
    frame = propose(args.report_id)
    counts = Counter(frame["kind"])
    print(f"{args.report_id}: {len(frame)} candidates: " + ", ".join(f"{k} {n}" for k, n in counts.most_common()))
    return 0


def add_cli(subparsers: Any) -> None:
    """Add `propose REPORT_ID [--out DIR]` to the `fintech-stats` subcommands."""
    cmd = subparsers.add_parser("propose", help="propose a report's candidate claims, or write a draft curation")
    cmd.add_argument("report_id")
    cmd.add_argument("--out", help="write a draft curation folder here (refused if it exists)")
    cmd.set_defaults(run=_run_propose)
