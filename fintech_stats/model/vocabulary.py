"""The one home of every controlled vocabulary: units, qualifiers, repairs, text statuses, mention
kinds, usage-warning kinds, gap kinds, exclusion kinds, and the standard columns of every table.

Everything else reads these lists from here: the quantity parser (which words mean which unit or
qualifier), the curation engine, `tabular` (dictionary order of `unit` and `qualifier`), the data
dictionary, the downloads' schemas, search and the tests.  Dimension columns and their codelists
live in `fintech_stats.model.codelists` (data files); `fields.field(name)` answers for both.

This module is plain data: importing it costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

__all__ = [
    "COLUMNS",
    "EXCLUSION_KINDS",
    "GAP_KINDS",
    "MENTIONS",
    "QUALIFIERS",
    "REPAIRS",
    "TEXT_STATUSES",
    "UNITS",
    "WARNING_KINDS",
    "Column",
    "Term",
    "Unit",
    "WarningKind",
]


@dataclass(frozen=True)
class Term:
    """A code of a controlled list and what it means."""

    code: str
    meaning: str


@dataclass(frozen=True)
class Unit:
    """A unit of `value`: its code, Chinese and English names, and how the value is expressed."""

    code: str
    zh: str
    en: str
    meaning: str


@dataclass(frozen=True)
class WarningKind:
    """A kind of usage warning; `lost` says whether it marks data lost, damaged or misprinted."""

    code: str
    meaning: str
    lost: bool


@dataclass(frozen=True)
class Column:
    """A standard column of every table: Chinese header, English header, description, its place
    (`measure`: the value and how to read it; `provenance`: where it was read), its Arrow type name
    and nullability, and, for a dictionary-encoded column, its codes in dictionary order."""

    name: str
    zh: str
    en: str
    description: str
    group: str
    type: str
    nullable: bool
    codes: tuple[str, ...] = ()


_T = TypeVar("_T", Term, Unit, WarningKind)


def _by_code(*items: _T) -> dict[str, _T]:
    return {item.code: item for item in items}


#: The unit of every observation's `value` (value conventions: see `meaning`).
UNITS: dict[str, Unit] = _by_code(
    Unit("percent", "百分比", "percent", "percent, in points (83.3% -> 83.3)"),
    Unit("percentage_point", "百分点", "percentage points", "a difference of percentages, in points"),
    Unit("count", "个数", "count", "a count of things (institutions, nodes, records, transactions, ...)"),
    Unit("person", "人数", "people", "a count of people (staff, customers, users)"),
    Unit("times", "倍", "times", "a multiple (3 倍 -> 3)"),
    Unit("CNY", "人民币元", "yuan (CNY)", "renminbi, in yuan (1.2 万亿元 -> 1.2e12)"),
    Unit("USD", "美元", "US dollars", "US dollars, in dollars (32 亿美元 -> 3.2e9)"),
    Unit("EUR", "欧元", "euros", "euros, in euros (430 亿欧元 -> 4.3e10)"),
    Unit("JPY", "日元", "yen", "Japanese yen, in yen"),
    Unit("KRW", "韩元", "won", "South Korean won, in won"),
    Unit("HKD", "港元", "Hong Kong dollars", "Hong Kong dollars, in dollars"),
    Unit(
        "money_unstated",
        "金额(币种未注明)",
        "money, currency not stated",
        "an amount whose currency the text does not name",
    ),
    Unit("TB", "TB", "terabytes", "data volume in terabytes, decimal (100GB -> 0.1)"),
    Unit("GBps", "GB/s", "gigabytes per second", "bandwidth in gigabytes per second, decimal"),
    Unit("tps", "笔/秒", "transactions per second", "throughput: transactions (or requests) per second"),
    Unit("tops", "TOPS", "tera operations per second", "integer compute throughput, in TOPS"),
    Unit("tflops", "TFLOPS", "tera floating-point operations per second", "floating-point compute, in TFLOPS"),
    Unit("nm", "纳米", "nanometres", "semiconductor process node, in nanometres"),
    Unit("tonne", "吨", "tonnes", "mass in metric tonnes (of CO2 where the table says so)"),
    Unit("mu", "亩", "mu", "land area in mu (亩, 1/15 hectare)"),
    Unit("kwh", "千瓦时", "kilowatt-hours", "electric energy in kilowatt-hours (度)"),
    Unit("point", "分", "score points", "points of a score or index"),
    Unit("page", "页", "page", "a page number of the report (where a part of it starts)"),
    Unit("rank", "名次", "rank", "a position in a ranking (第一 -> 1; 前五 -> 5, qualifier at_most)"),
    Unit("second", "秒", "seconds", "a duration in seconds (milliseconds as fractions)"),
    Unit("hour", "小时", "hours", "a duration in hours"),
    Unit("day", "天", "days", "a duration in days"),
    Unit("week", "周", "weeks", "a duration in weeks"),
    Unit("month", "月", "months", "a duration in months"),
    Unit("year", "年", "years", "a duration in years (never a calendar year: that is the dimension `year`)"),
)

#: How the text qualifies a value.  Order matters: it is the dictionary order in the Parquet files.
QUALIFIERS: dict[str, Term] = _by_code(
    Term("exact", "as printed"),
    Term("approx", "about: 约 近 将近 接近 左右"),
    Term("over", "more than: 超过 超 逾 高于 多于 大于 以上 多 余 + 级"),
    Term("at_least", "at least: 不低于 至少 不少于 最少"),
    Term("under", "less than: 不足 不到 低于 少于 小于 以下"),
    Term("at_most", "at most: 不超过 尚未超过 未超过 最多 至多 以内"),
    Term("range", "a range: value is its low end, value_high its high end"),
)

#: The named repairs (their rules are code in `fintech_stats.text.repairs`).
REPAIRS: dict[str, Term] = _by_code(
    Term("page_number_glued", "a page number glued to the value is outside its span"),
    Term(
        "footnote_marker_glued",
        "a footnote marker glued to the value (9158人 = 915 people, note 8) is outside its span",
    ),
    Term("digits_glued", "a cell of a run of table numbers glued together, split off by the table's layout"),
    Term("unit_inferred", "the text has no unit word (a lost %, 729 万 for 万元): the row's unit is used"),
    Term("sentence_split", "a figure caption or page break cut the sentence between the value and its words"),
    Term("glyph_decoded", "the first character stands for two digits of its code in hex (f.7% -> 66.7%)"),
    Term("chars_doubled", "bold text printed twice (2222小时 -> 22小时, 80%80% -> 80%)"),
    Term("control_char_dropped", "two leading digits became a control character and were dropped"),
    Term("sign_shared", "one decrease word stands before a list of values (同比下滑 3%和4%): each is a decrease"),
    Term(
        "header_spliced",
        "a running page header (chapter title, then page number) stands between a number and its unit: it is dropped",
    ),
)

#: How much of a report's text the corpus holds.
TEXT_STATUSES: dict[str, Term] = _by_code(
    Term("full", "the whole text of the report was extracted"),
    Term("truncated", "the text stops before the report ends; only the part present can be read"),
    Term("snippet", "only the first few hundred characters survive: no claims can be read"),
    Term("digits_lost", "the text survives but its digits were lost in extraction"),
)

#: How a row relates to the fact it states.
MENTIONS: dict[str, Term] = _by_code(
    Term("primary", "the row a table holds for the fact"),
    Term("restatement", "the same fact stated again elsewhere, agreeing within its precision"),
    Term("conflict", "the same fact stated again with a value that disagrees"),
)

#: The kinds of usage warning a table may carry (after PUDL's usage_warnings).
WARNING_KINDS: dict[str, WarningKind] = _by_code(
    WarningKind("base", "the base (denominator) of shares, or who was asked", False),
    WarningKind("sum", "parts do not add up to their total, or a part is not stated", True),
    WarningKind("contradiction", "the report gives two values for one fact", True),
    WarningKind("damage", "the text of a table or chart was damaged; values were decoded or lost", True),
    WarningKind("missing", "a value the report implies is not stated as a number", True),
    WarningKind("typo", "a printed value or label is evidently wrong; kept as printed", True),
    WarningKind("verbal", "values are read from words (半数, 超过一半, 数十) or are bounds", False),
    WarningKind("definition", "how a measure, category or period is defined", False),
    WarningKind("overlap", "categories overlap or rows are not mutually exclusive", False),
    WarningKind("source", "the value is quoted from another source or is an estimate", False),
    WarningKind("selection", "which statements the table holds and which it leaves out", False),
)

#: Kinds of places where the text evidently lost a number (the gaps registry).
GAP_KINDS: dict[str, Term] = _by_code(
    Term("percent_without_digits", "a % sign whose digits were lost"),
    Term("amount_without_number", "a unit or multiplier (万户, 亿元) whose number was lost"),
    Term("year_missing", "a year (年) whose digits were lost"),
    Term("date_missing", "a month or day whose digits were lost"),
    Term("sample_size_missing", "a sample size whose number was lost"),
    Term("number_missing", "a number evidently lost from a sentence"),
    Term("cell_unrecoverable", "a damaged table cell whose value cannot be recovered"),
    Term("unit_split", "a number cut from its unit word by a spliced page header that header_spliced cannot undo"),
)

#: Kinds of numbers in the text that are not claims (the coverage ledger).
EXCLUSION_KINDS: dict[str, Term] = _by_code(
    Term("date", "a date or calendar year"),
    Term("page_number", "a page number"),
    Term("toc_entry", "a line of the table of contents"),
    Term("section_number", "a chapter or section number"),
    Term("figure_or_table_number", "the number of a figure or table"),
    Term("footnote_marker", "a footnote marker"),
    Term("bucket_label", "part of the label of a bucket or band (the 2-3 of 2-3 节点)"),
    Term("identifier", "part of a name or identifier (5G, T+1, 7x24, model and law names)"),
    Term("enumerator", "a count of the report's own structure (三大类, 四个维度)"),
    Term("level", "a tier or level of a hierarchy, not a quantity (二级市场, 三级指标, 等级保护三级)"),
    Term("design_parameter", "a design or requirement parameter, not a measured statistic"),
    Term("garbled_glyph_run", "a font-garbled run whose digits mean nothing"),
    Term("restated_elsewhere", "a repetition that is not a claim of its own"),
)

#: The standard columns of every table after its dimensions, in order.  `type` is an Arrow type
#: name; `codes` (unit, qualifier) makes the column dictionary-encoded in that order.
COLUMNS: dict[str, Column] = {
    c.name: c
    for c in (
        Column(
            "value",
            "数值",
            "Value",
            "The number the report states, in `unit` (percent in points, money in base units).",
            group="measure",
            type="float64",
            nullable=True,
        ),
        Column(
            "value_high",
            "数值上限",
            "Value (high end)",
            "The high end of a range; empty unless qualifier is range.",
            group="measure",
            type="float64",
            nullable=True,
        ),
        Column(
            "unit",
            "单位",
            "Unit",
            "Unit of value: " + ", ".join(UNITS) + ".",
            group="measure",
            type="string",
            nullable=False,
            codes=tuple(UNITS),
        ),
        Column(
            "qualifier",
            "限定",
            "Qualifier",
            "How the text qualifies the value: " + ", ".join(QUALIFIERS) + ".",
            group="measure",
            type="string",
            nullable=False,
            codes=tuple(QUALIFIERS),
        ),
        Column(
            "report_id",
            "报告编号",
            "Report id",
            "Stable id of the source report (see reports()).",
            group="provenance",
            type="string",
            nullable=False,
        ),
        Column(
            "span_start",
            "起始位置",
            "Span start",
            "Code-point offset of the literal in the report text.",
            group="provenance",
            type="int64",
            nullable=False,
        ),
        Column(
            "span_end",
            "结束位置",
            "Span end",
            "Code-point offset just after the literal.",
            group="provenance",
            type="int64",
            nullable=False,
        ),
        Column(
            "literal",
            "原文",
            "Literal",
            "The exact text the value was read from.",
            group="provenance",
            type="string",
            nullable=False,
        ),
        Column(
            "location",
            "位置",
            "Location",
            "Where in the report the value stands (图 7, 表 3, 观点摘要, a case).",
            group="provenance",
            type="string",
            nullable=True,
        ),
        Column(
            "repair",
            "修复规则",
            "Repair",
            "The named rule that read a damaged literal, if any.",
            group="provenance",
            type="string",
            nullable=True,
        ),
        Column(
            "note",
            "备注",
            "Note",
            "A curator's remark where the text is contradictory or unclear.",
            group="provenance",
            type="string",
            nullable=True,
        ),
    )
}
