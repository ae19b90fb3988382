"""`fs.info(table)`: everything a user must know before citing a table, as one typed object.

Title (en, zh), description, source (report, publisher, where in it), version and all versions,
units, dimensions with their codes (code, zh, en, in codelist order), usage warnings, the gaps of
its report, the checks of the table that failed, primary key, sha256, and how to cite.  Prints as
plain text (`repr`) and as an HTML table in a notebook (`_repr_html_`).  Reads the published store
only; pandas is imported for the gaps and checks.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from fintech_stats import store
from fintech_stats._version import __version__
from fintech_stats.access.published import read_reports, spec_of
from fintech_stats.model import vocabulary
from fintech_stats.model.citation import citation, source_text

__all__ = ["Dimension", "TableInfo", "cite", "info"]


@dataclass(frozen=True)
class Dimension:
    """A dimension of a table: column name, headers, and its codes as (code, zh, en), in order."""

    name: str
    zh: str
    en: str
    codelist: str | None
    ordered: bool
    codes: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class TableInfo:
    """What `info()` returns; see the module docstring."""

    name: str
    version: str
    versions: tuple[str, ...]
    title: str
    title_zh: str
    description: str
    report_id: str
    publisher: str
    report_title: str
    source: str
    rows: int
    units: tuple[tuple[str, str], ...]
    dimensions: tuple[Dimension, ...]
    primary_key: tuple[str, ...]
    usage_warnings: tuple[tuple[str, str], ...]
    report_gaps: dict[str, int]
    failed_checks: tuple[str, ...]
    sha256: str
    citation: str

    def as_dict(self) -> dict[str, Any]:
        """The metadata as plain data (what `load()` puts on a frame's `attrs`)."""
        return {
            "table": self.name,
            "version": self.version,
            "title": self.title,
            "title_zh": self.title_zh,
            "description": self.description,
            "report_id": self.report_id,
            "source": self.source,
            "units": [u for u, _ in self.units],
            "primary_key": list(self.primary_key),
            "usage_warnings": [{"type": t, "description": d} for t, d in self.usage_warnings],
            "sha256": self.sha256,
            "citation": self.citation,
        }

    def _lines(self) -> list[tuple[str, str]]:
        out = [
            ("table", f"{self.name} {self.version} (versions: {', '.join(self.versions)})"),
            ("title", self.title + (f" / {self.title_zh}" if self.title_zh else "")),
            ("description", self.description),
            ("source", source_text(self.publisher, self.report_title, self.report_id, self.source)),
            ("rows", str(self.rows)),
            ("units", "; ".join(f"{u}: {m}" for u, m in self.units)),
        ]
        for d in self.dimensions:
            codes = ", ".join(f"{c} ({zh} / {en})" for c, zh, en in d.codes) or "integer"
            out.append((f"dimension {d.name}", f"{d.en} / {d.zh}{' (ordered)' if d.ordered else ''}: {codes}"))
        out.append(("primary key", ", ".join(self.primary_key)))
        for kind, text in self.usage_warnings:
            out.append((f"warning ({kind})", text))
        if self.report_gaps:
            out.append(("gaps of the report", ", ".join(f"{k} {n}" for k, n in sorted(self.report_gaps.items()))))
        for check in self.failed_checks:
            out.append(("failed check", check))
        out += [("sha256", self.sha256), ("cite as", self.citation)]
        return out

    def __repr__(self) -> str:
        width = max(len(k) for k, _ in self._lines())
        return "\n".join(f"{k:<{width}}  {v}" for k, v in self._lines())

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left;vertical-align:top'>{html.escape(k)}</th>"
            f"<td style='text-align:left'>{html.escape(v)}</td></tr>"
            for k, v in self._lines()
        )
        return f"<table>{rows}</table>"


def info(table: str, version: str | None = None) -> TableInfo:
    """Everything a user must know about a published table version (the latest by default)."""
    from fintech_stats.access import loader

    entry = store.entry(table, version)
    spec = spec_of(entry)
    versions = tuple(sorted(store.versions(table), key=store.version_key))
    publisher, report_title = _report(spec.report_id)
    dims = tuple(
        Dimension(d.name, d.zh, d.en, d.codelist, d.ordered, tuple((c.code, c.zh, c.en) for c in d.codes or ()))
        for d in spec.dimensions
    )
    gaps = loader.gaps()
    report_gaps = gaps[gaps["report_id"] == spec.report_id]["kind"].value_counts().to_dict()
    checks = loader.checks()
    failed = checks[(checks["table"] == table) & ~checks["passed"]]
    failed_lines = tuple(
        f"{c.check_id}: {c.kind}, expected {c.expected:g}, observed {c.observed:g}" for c in failed.itertuples()
    )
    return TableInfo(
        name=table,
        version=spec.version,
        versions=versions,
        title=spec.title,
        title_zh=spec.title_zh,
        description=spec.description,
        report_id=spec.report_id,
        publisher=publisher,
        report_title=report_title,
        source=spec.source,
        rows=int(entry["rows"]),
        units=tuple((u, vocabulary.UNITS[u].meaning if u in vocabulary.UNITS else "") for u in spec.units),
        dimensions=dims,
        primary_key=spec.primary_key,
        usage_warnings=tuple((w.type, w.description) for w in spec.usage_warnings),
        report_gaps={str(k): int(v) for k, v in report_gaps.items()},
        failed_checks=failed_lines,
        sha256=entry["sha256"],
        citation=cite(table, version),
    )


def _report(report_id: str) -> tuple[str, str]:
    """The publisher and title of a report of reports.json ("" for a report it does not list)."""
    report: dict[str, Any] = next((r for r in read_reports() if r["report_id"] == report_id), {})
    return str(report.get("publisher", "")), str(report.get("title", ""))


def cite(table: str, version: str | None = None) -> str:
    """How to cite a published table version (the latest by default): `fintech_stats.model.citation.citation`."""
    entry = store.entry(table, version)
    spec = spec_of(entry)
    publisher, report_title = _report(spec.report_id)
    return citation(
        title=spec.title,
        table=spec.name,
        version=spec.version,
        sha256=entry["sha256"],
        publisher=publisher,
        report_title=report_title,
        report_id=spec.report_id,
        where=spec.source,
        package_version=__version__,
    )
