"""PDF in: make a corpus report from a PDF, beside the listing pages.

    from fintech_stats.ingest import ingest
    ingest("report.pdf", "acme-payments-2024", "Acme", "2024 支付报告")   # -> corpus/ingested-acme-payments-2024/

An ingested report is a folder of the corpus directory (the one the build reads, or `corpus_dir`):

    ingested-<slug>/
        text.txt      the report's text as one string, UTF-8: every span offset indexes it, exactly as a
                      listing page's text (lines of a page joined, without a separator between Chinese
                      characters, with one space otherwise; leading and trailing whitespace removed)
        pages.json    [{"page": 1, "start": 0, "end": 1234}, ...]: the characters of each PDF page
        meta.json     report_id, publisher, title, pages, ingested (date), source_pdf, pdf_sha256, text_chars
        tables/       the tables camelot finds (flavors lattice and stream): p<page>-<flavor>-<n>.csv,
                      and index.json with each one's page, flavor, bounding box (PDF points: x1, y1, x2,
                      y2 from the bottom left), shape and camelot's accuracy

Text comes from pypdf, tables from camelot-py: both in the `pdf` extra (`pip install
"fintech-stats[pdf]"`); without it `ingest` says so in one line.  A PDF without a text layer (a scan)
is refused.  `read_ingested(directory)` reads the folders back as `corpus.Report`s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import shutil
import tempfile
from bisect import bisect_right
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fintech_stats.errors import FintechStatsError

if TYPE_CHECKING:
    import pandas as pd

    from fintech_stats.corpus import Report

__all__ = [
    "INSTALL_HINT",
    "PREFIX",
    "IngestError",
    "NoTextLayerError",
    "PdfExtraMissingError",
    "add_cli",
    "ingest",
    "ingested_dir",
    "page_of",
    "pages",
    "read_ingested",
    "report_text",
    "with_pages",
]

PREFIX = "ingested-"
TEXT_FILE = "text.txt"
PAGES_FILE = "pages.json"
META_FILE = "meta.json"
TABLES_DIR = "tables"
INDEX_FILE = "index.json"
INSTALL_HINT = 'pip install "fintech-stats[pdf]"'
FLAVORS = ("lattice", "stream")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,80}$")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


class IngestError(FintechStatsError, ValueError):
    """A PDF cannot be ingested (bad slug, existing report, unreadable file)."""


class NoTextLayerError(IngestError):
    """The PDF has no text layer (a scanned document): it needs OCR first."""


class PdfExtraMissingError(FintechStatsError, ImportError):
    """The `pdf` extra (pypdf, camelot-py) is not installed."""


def _need(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise PdfExtraMissingError(
            f"reading PDFs needs the pdf extra ({module} is not installed): {INSTALL_HINT}"
        ) from None


def _join(parts: list[str]) -> str:
    """Pieces of text joined as the listing pages join lines: nothing between Chinese characters."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and not (_CJK.match(out[-1]) or _CJK.match(part[0])):
            out += " "
        out += part
    return out


def _page_text(raw: str) -> str:
    return _join([" ".join(line.split()) for line in raw.splitlines()])


def extract_pages(pdf: Path) -> list[str]:
    """The text of each page of `pdf` (pypdf), its lines joined as in the listing pages."""
    pypdf = _need("pypdf")
    try:
        reader = pypdf.PdfReader(str(pdf))
        return [_page_text(page.extract_text() or "") for page in reader.pages]
    except (OSError, ValueError, pypdf.errors.PdfReadError) as exc:
        raise IngestError(f"{pdf}: cannot be read as a PDF: {exc}") from None


def _tables(pdf: Path, target: Path) -> list[dict[str, Any]]:
    camelot = _need("camelot")
    index: list[dict[str, Any]] = []
    for flavor in FLAVORS:
        try:
            found = camelot.read_pdf(str(pdf), pages="all", flavor=flavor)
        except Exception as exc:  # camelot raises many kinds; a page it cannot read has no table
            index.append({"flavor": flavor, "error": " ".join(str(exc).split())})
            continue
        counts: dict[int, int] = {}
        for table in found:
            page = int(table.page)
            counts[page] = counts.get(page, 0) + 1
            name = f"p{page}-{flavor}-{counts[page]}.csv"
            frame = table.df
            frame.to_csv(target / name, index=False, header=False, encoding="utf-8")
            bbox = getattr(table, "_bbox", None)
            report = getattr(table, "parsing_report", {}) or {}
            index.append(
                {
                    "file": name,
                    "page": page,
                    "flavor": flavor,
                    "bbox": [round(float(v), 2) for v in bbox] if bbox is not None else None,
                    "rows": int(frame.shape[0]),
                    "columns": int(frame.shape[1]),
                    "accuracy": round(float(report.get("accuracy", 0.0)), 2),
                }
            )
    return index


def ingested_dir(report_id: str, corpus: Path | None = None) -> Path:
    """The folder of an ingested report in the corpus directory."""
    from fintech_stats.corpus import corpus_dir

    return (corpus or corpus_dir()) / f"{PREFIX}{report_id}"


def ingest(
    pdf: str | Path,
    report_id: str,
    publisher: str,
    title: str,
    corpus_dir: str | Path | None = None,
    tables: bool = True,
) -> Path:
    """Make a corpus report of `pdf`: text, page boundaries and camelot's candidate tables.

    Written into `corpus_dir` (default: the corpus the build reads) as `ingested-<report_id>/`, all
    or nothing; an existing report folder is refused.  `tables=False` skips camelot.  Returns the folder.
    """
    from fintech_stats import corpus

    source = Path(pdf)
    if not _SLUG_RE.match(report_id):
        raise IngestError(f"report id {report_id!r}: use lowercase letters, digits and '-' (acme-payments-2024)")
    if not source.is_file():
        raise IngestError(f"{source}: no such PDF file")
    if not publisher.strip() or not title.strip():
        raise IngestError("a report needs a publisher and a title")
    base = Path(corpus_dir) if corpus_dir is not None else corpus.corpus_dir()
    if not base.is_dir():
        raise IngestError(f"corpus directory {base} does not exist")
    target = base / f"{PREFIX}{report_id}"
    if target.exists():
        raise IngestError(f"{target} exists: report {report_id!r} was ingested already (remove it to ingest again)")
    page_texts = extract_pages(source)
    if not any(t.strip() for t in page_texts):
        raise NoTextLayerError(
            f"{source}: no text layer ({len(page_texts)} page(s), no extractable text: a scan?); run OCR first"
        )
    text = ""
    bounds: list[dict[str, int]] = []
    for number, page in enumerate(page_texts, start=1):
        joined = _join([text, page]) if page else text
        start = len(joined) - len(page) if page else len(joined)
        text = joined
        bounds.append({"page": number, "start": start, "end": len(text)})
    with tempfile.TemporaryDirectory(prefix=".ingest-", dir=base) as tmp:
        stage = Path(tmp) / target.name
        (stage / TABLES_DIR).mkdir(parents=True)
        (stage / TEXT_FILE).write_text(text, encoding="utf-8")
        _dump(stage / PAGES_FILE, bounds)
        index = _tables(source, stage / TABLES_DIR) if tables else []
        _dump(stage / TABLES_DIR / INDEX_FILE, index)
        meta = {
            "report_id": report_id,
            "publisher": publisher.strip(),
            "title": title.strip(),
            "pages": len(page_texts),
            "ingested": dt.date.today().isoformat(),
            "source_pdf": source.name,
            "pdf_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
            "text_chars": len(text),
            "tables": sum(1 for t in index if "file" in t),
        }
        _dump(stage / META_FILE, meta)
        shutil.move(str(stage), str(target))
    return target


def _dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def read_ingested(directory: Path) -> list[Report]:
    """The ingested reports of a corpus directory (its `ingested-*/` folders), by folder name."""
    from fintech_stats.corpus import Report
    from fintech_stats.errors import CorpusFormatError

    out: list[Report] = []
    for folder in sorted(Path(directory).glob(f"{PREFIX}*/")):
        if not (folder / META_FILE).is_file():
            continue
        try:
            meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
            text = (folder / TEXT_FILE).read_bytes().decode("utf-8")
        except (OSError, ValueError) as exc:
            raise CorpusFormatError(f"ingested report {folder}: {exc}") from None
        missing = [k for k in ("report_id", "publisher", "title", "pages", "ingested") if k not in meta]
        if missing:
            raise CorpusFormatError(f"{folder / META_FILE}: missing {', '.join(missing)}")
        out.append(
            Report(
                report_id=str(meta["report_id"]),
                publisher=str(meta["publisher"]),
                title=str(meta["title"]),
                pages=int(meta["pages"]),
                site_published=dt.date.fromisoformat(str(meta.get("published") or meta["ingested"])),
                views=0,
                text=text,
                text_status="full",
                source_file=f"{folder.name}/{TEXT_FILE}",
                position=len(out) + 1,
            )
        )
    return out


def report_text(report_id: str, corpus: Path | None = None) -> str:
    """A report's text: from the corpus's listing pages, else from its ingested folder."""
    from fintech_stats.corpus import get_report
    from fintech_stats.errors import CorpusNotFoundError, UnknownReportError

    try:
        return get_report(report_id, corpus).text
    except (UnknownReportError, CorpusNotFoundError):
        folder = ingested_dir(report_id, corpus)
        if (folder / TEXT_FILE).is_file():
            return (folder / TEXT_FILE).read_text(encoding="utf-8")
        raise


def pages(report_id: str, corpus: Path | None = None) -> list[dict[str, int]]:
    """The page boundaries of an ingested report: [{"page", "start", "end"}, ...]."""
    path = ingested_dir(report_id, corpus) / PAGES_FILE
    if not path.is_file():
        raise IngestError(f"report {report_id!r} has no page boundaries ({path} is missing: not an ingested PDF?)")
    data: list[dict[str, int]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def page_of(report_id: str, offset: int, corpus: Path | None = None) -> int:
    """The PDF page (from 1) holding character `offset` of an ingested report's text."""
    bounds = pages(report_id, corpus)
    i = bisect_right([b["start"] for b in bounds], offset) - 1
    while i > 0 and bounds[i]["start"] == bounds[i]["end"]:  # an empty page holds nothing
        i -= 1
    if i < 0 or offset >= bounds[-1]["end"]:
        raise IngestError(f"offset {offset} is outside the text of {report_id!r}")
    return int(bounds[i]["page"])


def with_pages(frame: pd.DataFrame, corpus: Path | None = None) -> pd.DataFrame:
    """`frame` (a loaded table or `claims()`) with a `page` column: the page of each row's span_start,
    for the rows of ingested reports (missing for the others)."""
    out = frame.copy()
    found: list[int | None] = []
    for rid, start in zip(out["report_id"].astype(str), out["span_start"], strict=True):
        folder = ingested_dir(rid, corpus)
        found.append(page_of(rid, int(start), corpus) if (folder / PAGES_FILE).is_file() else None)
    import pandas as pd

    out["page"] = pd.array(found, dtype="Int64")
    return out


def _run_ingest(args: argparse.Namespace) -> int:
    target = ingest(args.pdf, args.id, args.publisher, args.title, args.corpus, tables=not args.no_tables)
    meta = json.loads((target / META_FILE).read_text(encoding="utf-8"))
    print(
        f"ingested {args.pdf} as {args.id}: {meta['pages']} pages, {meta['text_chars']} characters, "
        f"{meta['tables']} candidate table(s), in {target}"
    )
    return 0


def add_cli(subparsers: Any) -> None:
    """Add `ingest REPORT.pdf --id SLUG --publisher ... --title ... [--corpus DIR]` to the subcommands."""
    cmd = subparsers.add_parser("ingest", help="make a corpus report from a PDF (text, pages, candidate tables)")
    cmd.add_argument("pdf", metavar="REPORT.pdf")
    cmd.add_argument("--id", required=True, metavar="SLUG", help="the report id: lowercase, digits and '-'")
    cmd.add_argument("--publisher", required=True)
    cmd.add_argument("--title", required=True)
    cmd.add_argument("--corpus", help="the corpus directory (default: the one the build reads)")
    cmd.add_argument("--no-tables", action="store_true", help="skip camelot's table detection")
    cmd.set_defaults(run=_run_ingest)
