"""`fintech-stats site --out DIR`: a static site of the published tables, readable from `file://`.

    index.html               the reports, the tables, a search box and the quality ledger
    tables/<table>.html      what `fs.info()` says, a pivot, the long table, an SVG chart, downloads
    reports/<report_id>.html the report's metadata and, with the corpus, its text with every claim
                             marked in place (`#c-<span_start>-<span_end>` is a stable deep link)
    downloads/{csv,xlsx,parquet}/<table>.*   each table, written by `fintech_stats.outputs.exports.export`
    assets/                  one stylesheet, one script, the search index as a script

Nothing is fetched from the network: every page, style, script and chart is a file of the site.
The search box scores the same index as `fs.search()`: the index (terms, fields, weights, IDF) is
computed here by `fintech_stats.access.query` and shipped as data; `assets/site.js` tokenises the query
and ranks the tables with a port of `search()` (a test compares the two on many queries).

The report text is read from the corpus at build time (when present) and written only into the
site, never into the package.  Reads the published store through `fintech_stats.access.loader`.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import html
import json
import math
import multiprocessing
import shutil
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from fintech_stats import store
from fintech_stats._version import __version__
from fintech_stats.access import loader as api
from fintech_stats.access import query
from fintech_stats.access.published import read_registry
from fintech_stats.errors import CorpusNotFoundError, FintechStatsError
from fintech_stats.model import fields, vocabulary
from fintech_stats.model.citation import LICENCE
from fintech_stats.outputs import guard
from fintech_stats.store import writes

if TYPE_CHECKING:
    import pandas as pd

    from fintech_stats.access.info import Dimension, TableInfo

__all__ = ["MARKER", "add_cli", "build_site"]

#: The file that marks a directory as a site written by `build_site` (so `force` may replace it).
MARKER = ".fintech-stats-site"
_ASSETS = Path(__file__).resolve().parent / "site_assets"
_FORMATS = tuple(vocabulary.FILE_FORMATS)
_FORMAT_NAMES = {code: f.meaning for code, f in vocabulary.FILE_FORMATS.items()}
_QUALIFIER_SIGN = {"approx": "≈", "over": ">", "at_least": "≥", "under": "<", "at_most": "≤"}
_UNIT_SUFFIX = {"percent": "%", "percentage_point": " pp", "count": "", "person": " people"}


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _text(value: object) -> str:
    """A cell as text: '' for a missing value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return ""
    except ImportError:  # pragma: no cover
        pass
    return str(value)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return cast("list[dict[str, Any]]", frame.to_dict("records"))


def _groups(frame: pd.DataFrame, column: str) -> dict[str, pd.DataFrame]:
    return {str(key): group for key, group in frame.groupby(column)}


def _int(value: Any) -> int:
    return int(value)


def _float(value: Any) -> float:
    return float(value)


def _missing(value: object) -> bool:
    return not isinstance(value, str) and _text(value) == ""


def format_number(value: float) -> str:
    """A value as people read it: 12,345; 0.125; 1.2 billion."""
    magnitude = abs(value)
    if float(value).is_integer() and magnitude < 1e9:
        return f"{int(value):,}"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            return f"{value / size:,.9g} {word}"
    return f"{value:,.9g}"


def format_value(value: float, value_high: float | None, unit: str, qualifier: str) -> str:
    """The value with its qualifier and unit: '>90%', '1,000–10,000', '≈1.2 trillion CNY'."""
    suffix = _UNIT_SUFFIX.get(unit, f" {unit}")
    text = format_number(value)
    if qualifier == "range" and value_high is not None and not math.isnan(value_high):
        text = f"{text}–{format_number(value_high)}"
    return f"{_QUALIFIER_SIGN.get(qualifier, '')}{text}{suffix}"


def claim_id(span_start: int, span_end: int) -> str:
    """The element id of a claim on its report page."""
    return f"c-{int(span_start)}-{int(span_end)}"


def _json_script(element_id: str, data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def _page(title: str, body: str, depth: int, scripts: Sequence[str] = ()) -> str:
    up = "../" * depth
    extra = "".join(f'<script src="{up}assets/{s}"></script>' for s in scripts)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{_esc(title)} · fintech-stats</title>\n"
        f'<link rel="stylesheet" href="{up}assets/site.css">\n{extra}'
        f'<script src="{up}assets/site.js" defer></script>\n</head>\n<body>\n'
        f'<header class="top"><a href="{up}index.html">fintech-stats</a>'
        '<span class="tag">numbers of 2023 Chinese fintech reports, each traced to its characters</span></header>\n'
        f"<main>\n{body}\n</main>\n<footer>Generated by fintech-stats {_esc(__version__)} from the published "
        "tables; nothing on these pages is fetched from the network.</footer>\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------------------------- data


@dataclass
class _Data:
    """What the site is made of, read once from the published store (and the corpus)."""

    tables: list[str]
    infos: dict[str, TableInfo]
    frames: dict[str, pd.DataFrame]
    claims: pd.DataFrame
    gaps: pd.DataFrame
    checks: pd.DataFrame
    coverage: pd.DataFrame
    numbers: pd.DataFrame
    reports: list[dict[str, Any]]
    texts: dict[str, str | None]
    text_notes: dict[str, str]


def _read_texts(
    reports: list[dict[str, Any]], claims: pd.DataFrame, gaps: pd.DataFrame
) -> tuple[dict[str, str | None], dict[str, str]]:
    """Each report's text where the corpus has it and every claim and gap of it matches its span."""
    texts: dict[str, str | None] = {}
    notes: dict[str, str] = {}
    by_report_claims = _groups(claims, "report_id")
    by_report_gaps = _groups(gaps, "report_id")
    from fintech_stats.corpus.reports import ENV_VAR as corpus_env

    for report in reports:
        rid = report["report_id"]
        try:
            text: str | None = api.report_text(rid)
        except CorpusNotFoundError:
            texts[rid] = None
            notes[rid] = (
                "The report text is not included: the corpus was not available when this site was built "
                f"(set ${corpus_env} to the corpus directory and build the site again to include it)."
            )
            continue
        except FintechStatsError as exc:
            texts[rid] = None
            notes[rid] = (
                "The report text is not included: the corpus found at build time cannot give it "
                f"({type(exc).__name__})."
            )
            continue
        assert text is not None
        for frame, column in ((by_report_claims.get(rid), "literal"), (by_report_gaps.get(rid), "text")):
            if frame is None:
                continue
            for s, e, literal in zip(frame["span_start"], frame["span_end"], frame[column], strict=True):
                if text[int(s) : int(e)] != literal:
                    notes[rid] = (
                        "The report text is not included: the corpus found at build time differs from the one the "
                        f"tables were built from (at {int(s)}-{int(e)} it reads {text[int(s) : int(e)]!r}, "
                        f"not {literal!r})."
                    )
                    text = None
                    break
            if text is None:
                break
        texts[rid] = text
    return texts, notes


def _load_data() -> _Data:
    from fintech_stats.access.info import info

    tables = api.tables()
    claims = api.claims()
    gaps = api.gaps()
    reports = [{k: (None if _missing(v) else v) for k, v in r.items()} for r in _records(api.reports())]
    texts, notes = _read_texts(reports, claims, gaps)
    return _Data(
        tables=tables,
        infos={t: info(t) for t in tables},
        frames={t: api.load(t) for t in tables},
        claims=claims,
        gaps=gaps,
        checks=api.checks(),
        coverage=api.coverage(),
        numbers=read_registry("numbers"),
        reports=reports,
        texts=texts,
        text_notes=notes,
    )


# ------------------------------------------------------------------------------------------ labels


def _labels(dims: Iterable[Dimension]) -> dict[str, dict[str, tuple[str, str]]]:
    return {d.name: {code: (zh, en) for code, zh, en in d.codes} for d in dims}


def _label_html(labels: dict[str, dict[str, tuple[str, str]]], dim: str, code: object) -> str:
    code_text = _text(code)
    if dim not in labels or not labels[dim]:
        return _esc(code_text)
    zh, en = labels[dim].get(code_text, (code_text, code_text))
    if zh == en:
        return f'<span title="{_esc(code_text)}">{_esc(zh)}</span>'
    return f'<span title="{_esc(code_text)}" lang="zh">{_esc(zh)}</span><br><span class="en">{_esc(en)}</span>'


def _label_plain(labels: dict[str, dict[str, tuple[str, str]]], dim: str, code: object, which: int = 0) -> str:
    code_text = _text(code)
    pair = labels.get(dim, {}).get(code_text)
    return pair[which] if pair else code_text


def _order(dim: Dimension, values: Iterable[object]) -> list[object]:
    distinct = list(dict.fromkeys(values))
    if not dim.codes:
        return sorted(distinct, key=lambda v: (str(type(v)), str(v).zfill(20)))
    rank = {code: i for i, (code, _, _) in enumerate(dim.codes)}
    return sorted(distinct, key=lambda v: (rank.get(str(v), len(rank)), str(v)))


# ------------------------------------------------------------------------------------------ tables


def _report_href(report_id: str, start: int, end: int, depth: int = 1) -> str:
    return f"{'../' * depth}reports/{report_id}.html#{claim_id(start, end)}"


def _cell_value(row: dict[str, Any]) -> str:
    high = row.get("value_high")
    return format_value(
        float(row["value"]), None if _missing(high) else _float(high), str(row["unit"]), str(row["qualifier"])
    )


def _value_link(row: dict[str, Any]) -> str:
    href = _report_href(str(row["report_id"]), int(row["span_start"]), int(row["span_end"]))
    title = f"{row['literal']} ({row['location']})" if _text(row.get("location")) else str(row["literal"])
    return f'<a class="value" href="{_esc(href)}" title="{_esc(title)}">{_esc(_cell_value(row))}</a>'


def _pivot(rows: list[dict[str, Any]], dims: Sequence[Dimension], labels: dict[str, dict[str, tuple[str, str]]]) -> str:
    if not dims or not rows:
        return ""
    order = {d.name: _order(d, (r[d.name] for r in rows)) for d in dims}
    by_size = sorted(dims, key=lambda d: -len(order[d.name]))
    row_dims = [by_size[0]]
    col_dims = [d for d in dims if d is not by_size[0]]

    def combos(chosen: Sequence[Dimension]) -> list[tuple[object, ...]]:
        seen = dict.fromkeys(tuple(r[d.name] for d in chosen) for r in rows)
        rank = [{v: i for i, v in enumerate(order[d.name])} for d in chosen]
        return sorted(seen, key=lambda key: tuple(rank[i][v] for i, v in enumerate(key)))

    while col_dims and len(combos(col_dims)) > 10:
        biggest = max(col_dims, key=lambda d: len(order[d.name]))
        col_dims.remove(biggest)
        row_dims.append(biggest)
    row_dims = [d for d in dims if d in row_dims]
    row_keys, col_keys = combos(row_dims), combos(col_dims)
    cells: dict[tuple[tuple[object, ...], tuple[object, ...]], dict[str, Any]] = {}
    for r in rows:
        cells.setdefault((tuple(r[d.name] for d in row_dims), tuple(r[d.name] for d in col_dims)), r)
    head = []
    for level, dim in enumerate(col_dims):
        cols = []
        i = 0
        while i < len(col_keys):
            j = i
            while j + 1 < len(col_keys) and col_keys[j + 1][: level + 1] == col_keys[i][: level + 1]:
                j += 1
            span = f' colspan="{j - i + 1}"' if j > i else ""
            cols.append(f"<th{span}>{_label_html(labels, dim.name, col_keys[i][level])}</th>")
            i = j + 1
        corner = "".join(f"<th class='dim'>{_esc(d.en)}</th>" for d in row_dims) if level == len(col_dims) - 1 else ""
        blank = corner or f"<th colspan='{len(row_dims)}' class='dim'>{_esc(dim.en)}</th>"
        head.append(f"<tr>{blank}{''.join(cols)}</tr>")
    if not col_dims:
        head.append("<tr>" + "".join(f"<th class='dim'>{_esc(d.en)}</th>" for d in row_dims) + "<th>value</th></tr>")
    body = []
    for rk in row_keys:
        th = "".join(f"<th>{_label_html(labels, d.name, v)}</th>" for d, v in zip(row_dims, rk, strict=True))
        tds = []
        for ck in col_keys:
            cell = cells.get((rk, ck))
            tds.append(f"<td>{_value_link(cell)}</td>" if cell else "<td class='empty'></td>")
        body.append(f"<tr>{th}{''.join(tds)}</tr>")
    return f"<table class='pivot'><thead>{''.join(head)}</thead><tbody>{''.join(body)}</tbody></table>"


def _long(frame: pd.DataFrame, dims: Sequence[Dimension], labels: dict[str, dict[str, tuple[str, str]]]) -> str:
    dim_names = [d.name for d in dims]
    # The span columns are the link of the value and of the literal, not columns of their own.
    shown = [c for c in fields.STANDARD_COLUMNS if c not in fields.SPAN_COLUMNS]
    head = "".join(f"<th>{_esc(c)}</th>" for c in dim_names + shown)
    body = []
    for row in _records(frame):
        cells = [f"<td>{_label_html(labels, d, row[d])}</td>" for d in dim_names]
        href = _report_href(str(row["report_id"]), int(row["span_start"]), int(row["span_end"]))
        for column in shown:
            value = row.get(column)
            if column == "value":
                cells.append(f"<td class='num'>{_value_link(row)}</td>")
            elif column == "value_high":
                cells.append(f"<td class='num'>{'' if _missing(value) else _esc(format_number(_float(value)))}</td>")
            elif column == "literal":
                cells.append(f"<td><a class='literal' href='{_esc(href)}'>{_esc(value)}</a></td>")
            else:
                cells.append(f"<td>{_esc(_text(value))}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table class='long'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _shorten(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out = ""
    for ch in text:
        if _width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def _chart(
    name: str, rows: list[dict[str, Any]], dims: Sequence[Dimension], labels: dict[str, dict[str, tuple[str, str]]]
) -> str:
    """One labelled horizontal bar chart (SVG) per unit of the table; every bar links to its claim.

    `name` is the charts' heading (the table's title)."""
    charts = []
    units = list(dict.fromkeys(str(r["unit"]) for r in rows))
    for unit in units:
        group = [r for r in rows if str(r["unit"]) == unit][:150]
        varying = [d for d in dims if len({_text(r[d.name]) for r in group}) > 1] or list(dims)
        lows = [float(r["value"]) for r in group]
        highs = [float(r["value"]) if _missing(r.get("value_high")) else float(r["value_high"]) for r in group]
        lo, hi = min([0.0, *lows]), max([0.0, *highs])
        if hi == lo:
            hi = lo + 1.0
        label_w, bar_w, row_h, top = 300, 380, 20, 46
        width, height = label_w + bar_w + 150, top + row_h * len(group) + 14

        def x(v: float, lo: float = lo, hi: float = hi, left: int = label_w, span: int = bar_w) -> float:
            return left + (v - lo) / (hi - lo) * span

        meaning = vocabulary.UNITS[unit].en if unit in vocabulary.UNITS else unit
        title = f"{name}: values in {meaning}"
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
            f'width="{width}" height="{height}" aria-label="{_esc(title)}">',
            f"<title>{_esc(title)}</title>",
            f'<text x="0" y="16" class="ct">{_esc(_shorten(name, 100))}</text>',
            f'<text x="0" y="34" class="cu">unit: {_esc(unit)} ({_esc(meaning)}); bars link to the sentence</text>',
            f'<line x1="{x(0):.1f}" y1="{top - 6}" x2="{x(0):.1f}" y2="{height - 8}" class="axis"/>',
        ]
        for i, (r, low, high) in enumerate(zip(group, lows, highs, strict=True)):
            y = top + i * row_h
            label = " · ".join(_label_plain(labels, d.name, r[d.name]) for d in varying)
            href = _report_href(str(r["report_id"]), int(r["span_start"]), int(r["span_end"]))
            x0, x1 = sorted(
                (x(0) if r["qualifier"] != "range" else x(low), x(high if r["qualifier"] == "range" else low))
            )
            parts.append(
                f'<text x="{label_w - 6}" y="{y + 13}" class="cl" text-anchor="end">'
                f"<title>{_esc(label)}</title>{_esc(_shorten(label, 40))}</text>"
                f'<a href="{_esc(href)}"><rect x="{x0:.1f}" y="{y + 2}" width="{max(x1 - x0, 1.0):.1f}" height="14" '
                f'class="bar{" neg" if low < 0 else ""}"><title>{_esc(r["literal"])}</title></rect></a>'
                f'<text x="{max(x1, x(0)) + 4:.1f}" y="{y + 13}" class="cv">{_esc(_cell_value(r))}</text>'
            )
        parts.append("</svg>")
        charts.append("".join(parts))
    return "\n".join(charts)


def _dl(items: Iterable[tuple[str, str]]) -> str:
    return "<dl class='meta'>" + "".join(f"<dt>{_esc(k)}</dt><dd>{v}</dd>" for k, v in items) + "</dl>"


def _mentions_html(claims: pd.DataFrame, labels: dict[str, dict[str, tuple[str, str]]]) -> str:
    if claims.empty:
        return ""
    out = [
        "<table class='long'><thead><tr><th>mention</th><th>dimensions</th><th>value</th><th>literal</th>"
        "<th>location</th><th>note</th></tr></thead><tbody>"
    ]
    for row in _records(claims):
        dims = json.loads(row["dims"])
        dim_text = "; ".join(f"{k}: {_label_plain(labels, k, v)}" for k, v in dims.items())
        out.append(
            f"<tr><td>{_esc(row['mention'])}</td><td>{_esc(dim_text)}</td><td class='num'>{_value_link(row)}</td>"
            f"<td>{_esc(row['literal'])}</td><td>{_esc(_text(row['location']))}</td><td>{_esc(_text(row['note']))}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _table_page(name: str, data: _Data, claims_by_table: dict[str, pd.DataFrame]) -> str:
    info = data.infos[name]
    frame = data.frames[name]
    labels = _labels(info.dimensions)
    rows = _records(frame)
    entries = store.catalog_entries()[name]
    versions = "".join(
        f"<li><code>{_esc(v)}</code>: {entries[v]['rows']} rows, sha256 <code>{_esc(entries[v]['sha256'])}</code></li>"
        for v in info.versions
    )
    dims_html = "".join(
        f"<li><b>{_esc(d.name)}</b>: {_esc(d.en)} / {_esc(d.zh)}{' (ordered)' if d.ordered else ''}"
        + (
            ": " + ", ".join(f"<code>{_esc(c)}</code> {_esc(zh)} / {_esc(en)}" for c, zh, en in d.codes)
            if d.codes
            else ": integer"
        )
        + "</li>"
        for d in info.dimensions
    )
    warnings = "".join(f"<li><b>{_esc(k)}</b>: {_esc(t)}</li>" for k, t in info.usage_warnings) or "<li>none</li>"
    failed = "".join(f"<li>{_esc(c)}</li>" for c in info.failed_checks) or "<li>none</li>"
    gaps = ", ".join(f"{k} {n}" for k, n in sorted(info.report_gaps.items())) or "none"
    meta = _dl(
        [
            ("table", f"<code>{_esc(name)}</code> version {_esc(info.version)}"),
            ("title", _esc(info.title) + (f" / <span lang='zh'>{_esc(info.title_zh)}</span>" if info.title_zh else "")),
            ("description", _esc(info.description)),
            (
                "source",
                f"{_esc(info.publisher)}《{_esc(info.report_title)}》 "
                f"(<a href='../reports/{_esc(info.report_id)}.html'>{_esc(info.report_id)}</a>), {_esc(info.source)}",
            ),
            ("rows", str(info.rows)),
            ("units", "; ".join(f"<code>{_esc(u)}</code>: {_esc(m)}" for u, m in info.units)),
            ("dimensions", f"<ul>{dims_html}</ul>"),
            ("primary key", ", ".join(f"<code>{_esc(k)}</code>" for k in info.primary_key)),
            ("warnings", f"<ul>{warnings}</ul>"),
            ("gaps of the report", _esc(gaps)),
            ("failed checks", f"<ul>{failed}</ul>"),
            ("versions", f"<ul>{versions}</ul>"),
            ("cite as", f"<span class='cite'>{_esc(info.citation)}</span>"),
        ]
    )
    downloads = " · ".join(
        f"<a href='../downloads/{fmt}/{_esc(name)}.{fmt}' download>{_FORMAT_NAMES[fmt]}</a>" for fmt in _FORMATS
    )
    others = claims_by_table.get(name)
    second = ""
    if others is not None:
        second_claims = others[others["mention"] != "primary"]
        if not second_claims.empty:
            second = "<h2>Stated again elsewhere: restatements and conflicts</h2>" + _mentions_html(
                second_claims, labels
            )
    body = (
        f"<h1>{_esc(info.title)}</h1>"
        + (f"<p class='zh' lang='zh'>{_esc(info.title_zh)}</p>" if info.title_zh else "")
        + f"<p class='downloads'>Download this table: {downloads}</p>"
        + meta
        + "<h2>Chart</h2>"
        + f"<div class='charts'>{_chart(info.title, rows, info.dimensions, labels)}</div>"
        + "<h2>Pivot</h2><p class='hint'>Every value links to the sentence of the report it was read from.</p>"
        + f"<div class='scroll'>{_pivot(rows, info.dimensions, labels)}</div>"
        + f"<h2>Long table</h2><div class='scroll'>{_long(frame, info.dimensions, labels)}</div>"
        + second
    )
    return _page(info.title, body, 1)


# ----------------------------------------------------------------------------------------- reports


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    rank: int  # at equal start and end: lower is outer
    open: str
    close: str
    whole: bool  # a claim: never cut


def _marked_text(text: str, marks: list[_Mark]) -> str:
    """The text as HTML with every mark in place; marks nest, a crossing one is cut (claims never)."""
    marks = sorted((m for m in marks if m.end > m.start), key=lambda m: (m.start, -m.end, m.rank))
    out: list[str] = []
    stack: list[_Mark] = []
    pos = 0

    def emit(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            out.append(html.escape(text[pos:upto], quote=False))
            pos = upto

    for mark in marks:
        while stack and stack[-1].end <= mark.start:
            emit(stack[-1].end)
            out.append(stack.pop().close)
        if mark.start < pos:
            continue  # inside a claim that was already written whole
        end = mark.end
        if stack and end > stack[-1].end:
            if mark.whole:
                emit(mark.start)
                while stack and stack[-1].end < end:
                    out.append(stack.pop().close)  # the outer mark stops where the claim begins
            else:
                end = stack[-1].end
        emit(mark.start)
        out.append(mark.open)
        stack.append(_Mark(mark.start, end, mark.rank, mark.open, mark.close, mark.whole))
    while stack:
        emit(stack[-1].end)
        out.append(stack.pop().close)
    emit(len(text))
    return "".join(out)


def _claim_records(claims: pd.DataFrame, infos: dict[str, TableInfo]) -> list[dict[str, Any]]:
    records = []
    label_cache: dict[str, dict[str, dict[str, tuple[str, str]]]] = {}
    for row in _records(claims):
        table = str(row["table"])
        info = infos.get(table)
        if table not in label_cache:
            label_cache[table] = _labels(info.dimensions) if info else {}
        labels = label_cache[table]
        dims_en = {d.name: d.en for d in info.dimensions} if info else {}
        dims = json.loads(row["dims"])
        records.append(
            {
                "table": table,
                "title": info.title if info else "",
                "version": row["version"],
                "mention": row["mention"],
                "value": _cell_value(row),
                "raw": row["value"],
                "unit": row["unit"],
                "qualifier": row["qualifier"],
                "repair": _text(row["repair"]),
                "note": _text(row["note"]),
                "location": _text(row["location"]),
                "literal": row["literal"],
                "id": claim_id(row["span_start"], row["span_end"]),
                "dims": [
                    [dims_en.get(k, k), _label_plain(labels, k, v, 0), _label_plain(labels, k, v, 1)]
                    for k, v in dims.items()
                ],
            }
        )
    return records


def _report_page(report: dict[str, Any], data: _Data, claims: pd.DataFrame) -> str:
    rid = str(report["report_id"])
    text = data.texts.get(rid)
    records = _claim_records(claims, data.infos)
    by_span: dict[tuple[int, int], list[int]] = {}
    for i, row in enumerate(claims.itertuples()):
        by_span.setdefault((_int(row.span_start), _int(row.span_end)), []).append(i)
    checks = data.checks[data.checks["report_id"] == rid]
    gaps = data.gaps[data.gaps["report_id"] == rid]
    meta = _report_meta(report, data, checks, len(gaps), len(claims), len(by_span))
    if text is not None:
        marks = _claim_marks(by_span, records) + _gap_marks(gaps) + _number_marks(data.numbers, rid)
        content = _LEGEND + f"<div class='text' lang='zh'>{_marked_text(text, marks)}</div>"
    else:
        content = _claims_without_text(data.text_notes.get(rid, "The report text is not included."), by_span, records)
    detail = "<aside id='detail' class='detail' hidden></aside>"
    body = (
        f"<h1 lang='zh'>{_esc(report.get('title'))}</h1>{meta}{_failed_checks(checks)}<h2>Text</h2>{content}{detail}"
        + _json_script("claims-data", records)
    )
    return _page(str(report.get("title") or rid), body, 1)


def _report_meta(
    report: dict[str, Any], data: _Data, checks: pd.DataFrame, n_gaps: int, n_claims: int, n_places: int
) -> str:
    """The metadata list of a report page: the report, its text, claims, gaps, coverage, checks, tables."""
    rid = str(report["report_id"])
    tables = sorted({info.name for info in data.infos.values() if info.report_id == rid})
    cov = data.coverage[data.coverage["report_id"] == rid]
    cov_text = ""
    if not cov.empty:
        c = cov.iloc[0]
        cov_text = (
            f"{int(c['numbers'])} numbers in the text: {int(c['claimed'])} claimed, {int(c['gaps'])} gaps, "
            f"{int(c['excluded'])} excluded, {int(c['unaccounted'])} unaccounted"
        )
    return _dl(
        [
            ("report", f"<code>{_esc(rid)}</code>"),
            ("publisher", _esc(report.get("publisher"))),
            ("title", f"<span lang='zh'>{_esc(report.get('title'))}</span>"),
            ("pages", _esc(report.get("pages"))),
            ("published on the site", _esc(report.get("site_published"))),
            (
                "text",
                _esc(report.get("text_status"))
                + (f": {_esc(report['text_extent'])}" if report.get("text_extent") else ""),
            ),
            ("curation note", _esc(report.get("curation_note") or "")),
            ("claims", f"{n_claims} ({n_places} places in the text)"),
            ("gaps", str(n_gaps)),
            ("coverage", _esc(cov_text)),
            ("checks", f"{int(checks['passed'].sum())} passed, {int((~checks['passed']).sum())} failed"),
            (
                "tables",
                ", ".join(f"<a href='../tables/{_esc(t)}.html'>{_esc(t)}</a>" for t in tables) or "none",
            ),
        ]
    )


def _failed_checks(checks: pd.DataFrame) -> str:
    """The failed checks of a report, as a section ('' when none failed)."""
    failed = checks[~checks["passed"]]
    if failed.empty:
        return ""
    return (
        "<h2>Failed checks</h2><ul>"
        + "".join(
            f"<li><code>{_esc(r.check_id)}</code>: {_esc(r.kind)}, expected {r.expected:g}, observed {r.observed:g}"
            f"{' — ' + _esc(r.note) if _text(r.note) else ''}</li>"
            for r in failed.drop_duplicates().itertuples()
        )
        + "</ul>"
    )


_LEGEND = (
    "<p class='legend'><span class='claim-sample'>claim</span> a value of a table (click it) · "
    "<span class='gap'>gap</span> a number the text lost · <span class='excl'>excluded</span> a number "
    "that is no claim (a date, a page number, ...) · <span class='unacc'>unaccounted</span></p>"
)


def _claim_marks(by_span: dict[tuple[int, int], list[int]], records: list[dict[str, Any]]) -> list[_Mark]:
    """A link for every place of the text that claims were read from (the claims' numbers in `data-k`)."""
    marks = []
    for (s, e), idx in by_span.items():
        cls = " ".join(sorted({f"m-{records[i]['mention']}" for i in idx}))
        marks.append(
            _Mark(
                s,
                e,
                1,
                f'<a class="claim {cls}" id="{claim_id(s, e)}" href="#{claim_id(s, e)}" '
                f'data-k="{" ".join(map(str, idx))}">',
                "</a>",
                True,
            )
        )
    return marks


def _gap_marks(gaps: pd.DataFrame) -> list[_Mark]:
    """A mark for every gap of the registry, titled with its kind and note."""
    marks = []
    for g in gaps.itertuples():
        title = f"gap ({g.kind}): {_text(g.note)}" if _text(g.note) else f"gap ({g.kind})"
        marks.append(
            _Mark(
                _int(g.span_start), _int(g.span_end), 0, f'<span class="gap" title="{_esc(title)}">', "</span>", False
            )
        )
    return marks


def _number_marks(numbers: pd.DataFrame, report_id: str) -> list[_Mark]:
    """A mark for every number of the report's text that is no claim: excluded (with its kind), a gap
    or unaccounted."""
    marks = []
    for n in numbers[numbers["report_id"] == report_id].itertuples():
        if n.status == "excluded":
            kind = str(n.kind)
            meaning = vocabulary.EXCLUSION_KINDS[kind].meaning if kind in vocabulary.EXCLUSION_KINDS else ""
            opening = f'<span class="excl" title="excluded: {_esc(kind)}{": " + _esc(meaning) if meaning else ""}">'
        elif n.status == "unaccounted":
            opening = '<span class="unacc" title="a number neither claimed, a gap nor excluded">'
        elif n.status == "gap":
            opening = '<span class="gap" title="gap">'
        else:
            continue
        marks.append(_Mark(_int(n.span_start), _int(n.span_end), 2, opening, "</span>", False))
    return marks


def _claims_without_text(note: str, by_span: dict[tuple[int, int], list[int]], records: list[dict[str, Any]]) -> str:
    """Where the report text is not included: why (`note`), and its claims listed with their literals."""
    rows = []
    for (s, e), idx in sorted(by_span.items()):
        first = records[idx[0]]
        rows.append(
            f"<tr><td><a class='claim' id='{claim_id(s, e)}' href='#{claim_id(s, e)}' "
            f"data-k='{' '.join(map(str, idx))}'>"
            f"{_esc(first['literal'])}</a></td><td>{s}-{e}</td>"
            f"<td>{', '.join(sorted({_esc(records[i]['table']) for i in idx}))}</td>"
            f"<td>{_esc(first['value'])}</td><td>{_esc(first['location'])}</td></tr>"
        )
    content = f"<p class='notext'>{_esc(note)} The claims are listed with their literals.</p>"
    if rows:
        content += (
            "<table class='long'><thead><tr><th>literal</th><th>span</th><th>table</th><th>value</th>"
            f"<th>location</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    return content


# ------------------------------------------------------------------------------------------- index


def _index_page(data: _Data) -> str:
    cov = {r["report_id"]: r for r in _records(data.coverage)}
    checks = data.checks
    report_rows = []
    for r in data.reports:
        rid = r["report_id"]
        c = cov.get(rid, {})
        mine = checks[checks["report_id"] == rid]
        numbers = int(c.get("numbers", 0))
        accounted = numbers - int(c.get("unaccounted", 0))
        share = f" ({accounted / numbers:.0%})" if numbers else ""
        check_text = f"{int(mine['passed'].sum())} passed, {int((~mine['passed']).sum())} failed" if len(mine) else "-"
        report_rows.append(
            f"<tr><td><a href='reports/{_esc(rid)}.html'>{_esc(rid)}</a></td>"
            f"<td lang='zh'>{_esc(r.get('publisher'))}《{_esc(r.get('title'))}》</td>"
            f"<td>{_esc(r.get('text_status'))}</td>"
            f"<td class='num'>{_esc(r.get('n_tables'))}</td><td class='num'>{_esc(r.get('n_claims'))}</td>"
            f"<td class='num'>{_esc(r.get('n_gaps'))}</td><td class='num'>{accounted} of {numbers}{share}</td>"
            f"<td class='num'>{int(c.get('excluded', 0))}</td><td>{check_text}</td></tr>"
        )
    table_rows = []
    for name in data.tables:
        info = data.infos[name]
        table_rows.append(
            f"<tr><td><a href='tables/{_esc(name)}.html'>{_esc(name)}</a></td><td>{_esc(info.title)}"
            f"<br><span lang='zh' class='zh'>{_esc(info.title_zh)}</span></td>"
            f"<td><a href='reports/{_esc(info.report_id)}.html'>{_esc(info.report_id)}</a></td>"
            f"<td class='num'>{info.rows}</td><td>{_esc(info.version)}</td></tr>"
        )
    failed = int((~checks["passed"]).sum())
    body = (
        "<h1>fintech-stats</h1><p>Curated tables of the numbers in 2023 Chinese fintech industry reports. Every value "
        "links to the characters of the report it was read from.</p>"
        "<section class='search'><label for='q'>Search the tables (中文 or English)</label> "
        "<input id='q' type='search' autocomplete='off' placeholder='图数据库 节点, graph database nodes, 支付 ...'>"
        "<ol id='results'></ol><p id='noresults' hidden>No table matches.</p></section>"
        "<h2 id='ledger'>Reports and the quality ledger</h2>"
        f"<p>{len(data.claims)} claims in {len(data.tables)} tables; {len(data.gaps)} gaps; "
        f"{len(checks)} checks, {failed} failed (the reports' own inconsistencies, kept visible).</p>"
        "<div class='scroll'><table class='long'><thead><tr><th>report</th><th>title</th><th>text</th><th>tables</th>"
        "<th>claims</th><th>gaps</th><th>numbers accounted for</th><th>excluded</th><th>checks</th></tr></thead>"
        f"<tbody>{''.join(report_rows)}</tbody></table></div>"
        f"<h2 id='tables'>Tables</h2><div class='scroll'><table class='long'><thead><tr><th>table</th><th>title</th>"
        f"<th>report</th><th>rows</th><th>version</th></tr></thead><tbody>{''.join(table_rows)}</tbody></table></div>"
        "<h2>Downloads</h2><p>Every table as <a href='downloads/csv/datapackage.json'>CSV (Data Package)</a>, "
        "<a href='downloads/parquet/datapackage.json'>Parquet</a> and one Excel workbook per table: "
        "see each table page.</p>"
        f"<h2>Licence</h2><p>{_esc(LICENCE)}</p>"
    )
    return _page("fintech-stats", body, 0, scripts=("search-index.js",))


# --------------------------------------------------------------------------------------- downloads


def _download(fmt: str, tables: list[str], directory: str) -> list[str]:
    """Write the downloads of `tables` in `fmt` into `directory` (a worker process's task)."""
    from fintech_stats.outputs import exports

    target = Path(directory)
    if fmt != "xlsx":
        exports.export(target / fmt, fmt, tables=None)
        return tables
    (target / "xlsx").mkdir(parents=True, exist_ok=True)
    # The workbook writer of `export` (README and catalog sheets, the table's sheet), without the
    # staging of a whole export around each of the tables: the site's own staging covers them.
    for name in tables:
        exports.write_xlsx([name], target / "xlsx" / f"{name}.xlsx", "code")
    return tables


def _tasks(tables: list[str], workers: int) -> list[tuple[str, list[str]]]:
    if workers <= 1:
        return [("xlsx", tables), ("csv", tables), ("parquet", tables)]
    half = (len(tables) + 1) // 2
    return [("xlsx", tables[:half]), ("csv", tables), ("xlsx", tables[half:]), ("parquet", tables)]


# ------------------------------------------------------------------------------------------- build


def _write_site(stage: Path, workers: int) -> None:
    downloads = stage / "downloads"
    downloads.mkdir(parents=True)
    pool: concurrent.futures.ProcessPoolExecutor | None = None
    futures: list[concurrent.futures.Future[list[str]]] = []
    tables = api.tables()
    if workers > 0:
        pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        futures = [pool.submit(_download, fmt, names, str(downloads)) for fmt, names in _tasks(tables, workers)]
    try:
        data = _load_data()
        (stage / "assets").mkdir()
        for asset in ("site.css", "site.js"):
            shutil.copyfile(_ASSETS / asset, stage / "assets" / asset)
        index_json = json.dumps(query.port_document(), ensure_ascii=False, separators=(",", ":"))
        (stage / "assets" / "search-index.js").write_text(f"window.FS_INDEX = {index_json};\n", encoding="utf-8")
        (stage / "index.html").write_text(_index_page(data), encoding="utf-8")
        claims_by_table = _groups(data.claims, "table")
        (stage / "tables").mkdir()
        for name in data.tables:
            (stage / "tables" / f"{name}.html").write_text(_table_page(name, data, claims_by_table), encoding="utf-8")
        claims_by_report = {k: g.reset_index(drop=True) for k, g in _groups(data.claims, "report_id").items()}
        (stage / "reports").mkdir()
        for report in data.reports:
            rid = str(report["report_id"])
            mine = claims_by_report.get(rid, data.claims.iloc[0:0])
            (stage / "reports" / f"{rid}.html").write_text(_report_page(report, data, mine), encoding="utf-8")
        if pool is None:
            for fmt, names in _tasks(tables, 0):
                _download(fmt, names, str(downloads))
        else:
            for future in futures:
                future.result()
        (stage / MARKER).write_text(
            json.dumps({"generator": "fintech-stats site", "version": __version__}) + "\n", encoding="utf-8"
        )
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _is_site(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink() and (path / MARKER).is_file()


def build_site(out: Path, force: bool = False, workers: int = 1) -> Path:
    """Write the static site into directory `out` and return it.

    An existing `out` is replaced only with `force`, and only when it is an earlier site (or an
    empty directory); the store, the package, the checkout itself, the current and the home
    directory never.  The site is written beside `out` and renamed into place, so a failed build
    leaves nothing behind.  `workers`: processes writing the downloads while this one writes the
    pages (0: none, all in this process); one is best on 2 cores (each worker imports pandas).
    """
    target = Path(out)
    location = guard.check_target(target, "site")
    empty = location.is_dir() and not location.is_symlink() and not any(location.iterdir())
    if not empty:
        guard.refuse_existing(target, location, force, _is_site(location), "site")
    with writes.replacing(location) as stage:
        _write_site(stage, workers)
    return target


# --------------------------------------------------------------------------------------------- CLI


def _run(args: argparse.Namespace) -> int:
    import time

    started = time.perf_counter()
    target = build_site(Path(args.out), force=args.force)
    print(f"wrote the site into {target} in {time.perf_counter() - started:.1f} s; open {target}/index.html")
    return 0


def add_cli(subparsers: Any) -> None:
    """Add `site --out DIR [--force]` to the command's subparsers (`argparse` `add_subparsers()`)."""
    site = subparsers.add_parser("site", help="write a static site of the tables (works from file://)")
    site.add_argument("--out", required=True, help="directory to create (an earlier site is replaced with --force)")
    site.add_argument("--force", action="store_true", help="replace an earlier site at --out")
    site.set_defaults(run=_run)


if __name__ == "__main__":  # pragma: no cover
    parser = argparse.ArgumentParser(prog="fintech_stats.outputs.site")
    add_cli(parser.add_subparsers(dest="command", required=True))
    parsed = parser.parse_args(["site", *sys.argv[1:]])
    raise SystemExit(parsed.run(parsed))
