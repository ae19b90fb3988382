"""The corpus: listing pages of a report-aggregator site, parsed into Report records.

A report's text is its listing line with leading and trailing whitespace removed and nothing else
changed; every span offset of the library is a Python `str` offset into that string.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

from fintech_stats.corpus.ids import DIGITS_LOST, REPORT_IDS, TRUNCATED
from fintech_stats.corpus.ingested import TEXT_FILE, ingested_dir, read_ingested
from fintech_stats.corpus.record import ENV_VAR, Report, corpus_dir
from fintech_stats.errors import CorpusFormatError, CorpusNotFoundError, UnknownReportError, did_you_mean

# ENV_VAR, Report and corpus_dir are defined in `corpus.record` and named here too: the corpus's API.
__all__ = ["ENV_VAR", "Report", "corpus_dir", "get_report", "load_reports", "parse_listing", "report_text"]

_ENTRY_RE = re.compile(r"^\s*•\s*(?P<publisher>[^:]+):(?P<title>.*)\((?P<pages>\d+)页\)\.pdf\s*$")
_META_RE = re.compile(r"^\s*浏览量(?P<views>\d+)人已浏览\s*发布时间(?P<date>\d{4}-\d{2}-\d{2})\s*(?P<pages>\d+)页")
# A snippet is the site's cut-off preview: a few hundred characters ending in '.'.
_SNIPPET_MAX_CHARS = 1000


def _status(report_id: str, text: str) -> str:
    if report_id in DIGITS_LOST:
        return "digits_lost"
    if report_id in TRUNCATED:
        return "truncated"
    if len(text) <= _SNIPPET_MAX_CHARS:
        return "snippet"
    return "full"


def parse_listing(raw: str, source_file: str = "<string>") -> list[Report]:
    """Parse one listing page (its text) into reports, in page order."""
    lines = [line for line in raw.split("\n") if line.strip()]
    reports: list[Report] = []
    i = 0
    while i < len(lines):
        entry = _ENTRY_RE.match(lines[i])
        if entry is None:
            i += 1
            continue
        if i + 2 >= len(lines):
            raise CorpusFormatError(f"{source_file}: entry {lines[i].strip()!r} has no text or meta line")
        text, meta_line = lines[i + 1].strip(), lines[i + 2]
        meta = _META_RE.match(meta_line)
        if meta is None:
            raise CorpusFormatError(
                f"{source_file}: entry {lines[i].strip()!r}: no 浏览量/发布时间 line after its text"
            )
        publisher, title = entry.group("publisher").strip(), entry.group("title").strip()
        key = f"{publisher}:{title}"
        report_id = REPORT_IDS.get(key, f"{Path(source_file).stem}-{len(reports) + 1:02d}")
        reports.append(
            Report(
                report_id=report_id,
                publisher=publisher,
                title=title,
                pages=int(entry.group("pages")),
                site_published=dt.date.fromisoformat(meta.group("date")),
                views=int(meta.group("views")),
                text=text,
                text_status=_status(report_id, text),
                source_file=Path(source_file).name,
                position=len(reports) + 1,
            )
        )
        i += 3
    return reports


@cache
def _load(directory: str) -> tuple[Report, ...]:
    files = sorted(Path(directory).glob("listing-*.txt"))
    if not files and not any(Path(directory).glob("ingested-*/meta.json")):
        raise CorpusNotFoundError(f"corpus directory {directory} holds no listing-*.txt file")
    reports: list[Report] = []
    for path in files:
        try:
            raw = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CorpusFormatError(f"corpus file {path} is not UTF-8 ({exc.reason} at byte {exc.start})") from None
        reports.extend(parse_listing(raw, str(path)))
    reports.extend(read_ingested(Path(directory)))
    seen: set[str] = set()
    for report in reports:
        if report.report_id in seen:
            raise CorpusFormatError(f"report id {report.report_id!r} occurs twice in the corpus")
        seen.add(report.report_id)
    return tuple(reports)


def load_reports(directory: Path | None = None) -> tuple[Report, ...]:
    """Every report of every listing page of the corpus directory (cached per directory)."""
    return _load(str((directory or corpus_dir()).resolve()))


def get_report(report_id: str, directory: Path | None = None) -> Report:
    """One report by id; `UnknownReportError` names the close matches."""
    reports = {r.report_id: r for r in load_reports(directory)}
    if report_id not in reports:
        raise UnknownReportError(f"no report {report_id!r}" + did_you_mean(report_id, reports))
    return reports[report_id]


def report_text(report_id: str, corpus: Path | None = None) -> str:
    """A report's text: from the corpus's listing pages, else from its ingested folder."""
    try:
        return get_report(report_id, corpus).text
    except (UnknownReportError, CorpusNotFoundError):
        folder = ingested_dir(report_id, corpus)
        if (folder / TEXT_FILE).is_file():
            return (folder / TEXT_FILE).read_text(encoding="utf-8")
        raise
