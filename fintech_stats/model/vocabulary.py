"""The one home of every controlled vocabulary: units, qualifiers (and the words that give them),
change words, repairs, text statuses, mention kinds, ledger statuses, check kinds, label and file
formats, usage-warning kinds, gap kinds, exclusion kinds, and the standard columns of every table.

Everything else reads these lists from here: the quantity parser (which words give which qualifier
or sign a change; its unit words are its own, each checked against `UNITS`), the curation engine,
`pipeline.tabulate` (dictionary order of `unit` and `qualifier`), the data dictionary, the
downloads' schemas, the command line, search and the tests.  Dimension columns and their codelists
live in `fintech_stats.model.codelists` (data files); `fields.field(name)` answers for both.

This module is plain data: importing it costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

__all__ = [
    "CHECK_KINDS",
    "COLUMNS",
    "DECREASE_WORDS",
    "EXCLUSION_KINDS",
    "EXPORT_FORMATS",
    "FILE_FORMATS",
    "GAP_KINDS",
    "INCREASE_WORDS",
    "LABELS",
    "LEDGER_STATUSES",
    "MENTIONS",
    "QUALIFIERS",
    "QUALIFIER_COMPOUNDS",
    "QUALIFIER_RULE_KINDS",
    "REPAIRS",
    "TEXT_STATUSES",
    "UNITS",
    "WARNING_KINDS",
    "CheckKind",
    "Column",
    "Qualifier",
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


@dataclass(frozen=True)
class Qualifier:
    """A qualifier of `value`: its code, what it means, and the words of the text that give it.

    `before`: words before the number (约 60%, 超过 100 家); `glued`: words right after the numeral,
    before its unit (3000 多亿元, 十余家); `after`: words after the number and its unit (60% 左右).
    The quantity parser's grammar is built from these lists (`fintech_stats.text.quantity`).
    """

    code: str
    meaning: str
    before: tuple[str, ...] = ()
    glued: tuple[str, ...] = ()
    after: tuple[str, ...] = ()


#: How the text qualifies a value.  Order matters: it is the dictionary order in the Parquet files.
QUALIFIERS: dict[str, Qualifier] = {
    q.code: q
    for q in (
        Qualifier("exact", "as printed"),
        Qualifier(
            "approx",
            "about",
            before=("大约", "约为", "约", "将近", "接近", "近", "几乎", "差不多"),
            after=("左右", "上下"),
        ),
        Qualifier(
            "over",
            "more than",
            # 突破 34 万件: broke through, past; 百逾家: 逾 after the numeral, as 余
            before=("超过", "超", "逾", "过", "高于", "多于", "大于", "突破"),
            glued=("多", "余", "逾", "+", "级"),
            after=("以上", "之上", "多"),
        ),
        Qualifier("at_least", "at least", before=("不低于", "至少", "至少在", "不少于", "最少")),
        Qualifier("under", "less than", before=("不足", "不到", "低于", "少于", "小于"), after=("以下", "之下")),
        Qualifier(
            "at_most",
            "at most",
            before=("不超过", "尚未超过", "未超过", "不高于", "最多", "至多"),
            after=("以内", "之内", "内"),  # 10 分钟内 (完成): within
        ),
        Qualifier("range", "a range: value is its low end, value_high its high end"),
    )
}

#: Words of which a qualifier word is only a part (节约 holds 约, 国内 holds 内): a qualifier word
#: inside one of them qualifies nothing.  The qualifier lint (`fintech_stats.curation.qualifiers`)
#: reads them; a report's own such words are curated rules in its qualifiers.tsv.
QUALIFIER_COMPOUNDS = (
    # 约: save, bind, agree, sign, book
    "节约",
    "特约",
    "约束",
    "约定",
    "签约",
    "合约",
    "预约",
    "契约",
    "制约",
    "履约",
    "违约",
    "集约",
    "简约",
    "约谈",
    # 近: near-field, recent, nearby, close to (a place)
    "近场",
    "近年",
    "近期",
    "最近",
    "附近",
    "近日",
    "临近",
    "就近",
    "邻近",
    "近端",
    "近似",
    "亲近",
    # 内: inside, domestic, content, internal
    "内容",
    "国内",
    "境内",
    "海内外",
    "行内",
    "内部",
    "内置",
    "内嵌",
    "内存",
    "内控",
    "内生",
    "内涵",
    "内外",
    "业内",
    "区内",
    "内核",
    "内网",
    "内审",
    "内评",
    "体内",
    "省内",
    "市内",
    "系统内",
    "集团内",
    "园区内",
    "内蒙古",
    # 超: super-, ultra-
    "超级",
    "超算",
    "超大",
    "超融合",
    "超前",
    "超高",
    "超低",
    "超短",
    "超长",
    "超越",
    "超额",
    "超导",
    # 过: through, past, process (过 60% alone is over)
    "通过",
    "经过",
    "不过",
    "过去",
    "过程",
    "过于",
    "度过",
    "错过",
    "过往",
    "过渡",
    "越过",
    "跨过",
    "过度",
    "过滤",
    "过期",
    "过载",
    "过多",
    "过高",
    "过低",
    "过户",
    "过后",
    "做过",
    "有过",
    "曾过",
    # 上下: up and down (the chain), context
    "上下游",
    "上下文",
    "上下级",
    # 以上/以下/以内 are read as words of their own; 以下 also opens a list (以下简称, 如下)
    "以下简称",
    "以下几",
    "以下方面",
    "以下内容",
    # 不足: shortcoming
    "不足之处",
    "存在不足",
    "不足以",
    # 高于/低于 compare two figures as often as they bound one: curated per report
)

#: Words that sign a change: a value after an increase word is positive, after (or before) a
#: decrease word negative (同比下降 5% -> -5).
INCREASE_WORDS = ("增长", "增加", "上升", "提升", "提高", "上涨")
DECREASE_WORDS = ("下降", "降低", "减少", "下滑", "下跌", "缩减")

#: The named repairs: the codes of the `repair` column (their rules: `fintech_stats.text.repairs.REWRITES`).
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

#: How much of a report's text the corpus holds.  In a meaning, `{text_chars}` and `{text_extent}`
#: stand for the report's own figures (its `reports()` columns); a report page fills them in.
TEXT_STATUSES: dict[str, Term] = _by_code(
    Term("full", "The whole text of the report was extracted; every number in it can be read and checked."),
    Term(
        "truncated",
        "The text stops before the report ends ({text_extent}); only the numbers of the part present can be read.",
    ),
    Term(
        "snippet",
        "Only a snippet of the text survives (its first {text_chars} characters; the rest of the report "
        "is lost), so no claims can be read from it.",
    ),
    Term(
        "digits_lost",
        "The text was extracted but its digits were lost in extraction; only numbers written in words "
        "survive, and every place where a number was lost is recorded as a gap.",
    ),
)

#: How a row relates to the fact it states.
MENTIONS: dict[str, Term] = _by_code(
    Term("primary", "the row a table holds for the fact"),
    Term("restatement", "the same fact stated again elsewhere, agreeing within its precision"),
    Term("conflict", "the same fact stated again with a value that disagrees"),
)

#: Why a qualifier word standing by a claim's literal is not its qualifier (qualifiers.tsv's kinds).
QUALIFIER_RULE_KINDS: dict[str, Term] = _by_code(
    Term("other_number", "the word governs another number or phrase of the clause, not this value"),
    Term("part_of_word", "the word is part of another word of the report (a name, a term)"),
    Term("compares", "the word compares two figures (高于 ... 28.1 个百分点: the value is the difference)"),
    Term("said_otherwise", "the row's qualifier already says it (a range that 至少 opens, a rank)"),
)

#: What accounts for a number of a report's text in the coverage ledger, strongest first.
LEDGER_STATUSES: dict[str, Term] = _by_code(
    Term("claim", "part of a claim: its span meets the span of a table's row"),
    Term("gap", "part of a gap: a place where the text lost a number"),
    Term("excluded", "not a claim, and excluded with its kind (a date, a page number, ...)"),
    Term("unaccounted", "none of these: the curation does not yet account for it"),
)


@dataclass(frozen=True)
class CheckKind:
    """A kind of consistency check; `declared` says whether a report's checks.tsv may name it."""

    code: str
    meaning: str
    declared: bool


#: The kinds of consistency check (`fintech_stats.checks()`): declared in checks.tsv, or derived.
CHECK_KINDS: dict[str, CheckKind] = {
    k.code: k
    for k in (
        CheckKind(
            "sum_to_total",
            "the parts a filter selects sum to the one total row another filter selects (in the same table "
            "or `total_table`), within the tolerance",
            True,
        ),
        CheckKind("sum_to_100", "the parts (percent) sum to 100 within the tolerance", True),
        CheckKind(
            "restatement_agrees", "a restatement or conflict agrees with its primary row (a conflict fails)", False
        ),
    )
}

#: How dimension values are shown (`load`, `claims`, `export`, `--labels`): codes, or labels.
LABELS: dict[str, Term] = _by_code(
    Term("code", "the codes of the codelists"),
    Term("zh", "the report's Chinese labels"),
    Term("en", "English labels"),
)

#: The file formats a table is written in (`fs.export`, the site's downloads), with their names.
FILE_FORMATS: dict[str, Term] = _by_code(Term("csv", "CSV"), Term("xlsx", "Excel (xlsx)"), Term("parquet", "Parquet"))

#: The formats of `fintech-stats export`: the file formats, or one SQLite database of the tables.
EXPORT_FORMATS = (*FILE_FORMATS, "sqlite")

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
