"""PDF in: make a corpus report from a PDF, beside the listing pages.

    from fintech_stats.tools.ingest import ingest
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
is refused.  `fintech_stats.corpus.ingested` reads the folders back as `Report`s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from fintech_stats.corpus.ingested import INDEX_FILE, META_FILE, PAGES_FILE, PREFIX, TABLES_DIR, TEXT_FILE
from fintech_stats.errors import IngestError, NoTextLayerError, PdfExtraMissingError
from fintech_stats.store import writes

__all__ = ["INSTALL_HINT", "add_cli", "ingest"]

INSTALL_HINT = 'pip install "fintech-stats[pdf]"'
FLAVORS = ("lattice", "stream")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,80}$")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


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
    from fintech_stats.corpus import reports as corpus

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
    with writes.staging(base, f".{target.name}-") as tmp:
        stage = tmp / "new"
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
        writes.put_in_place(stage, target, tmp / "old")
    return target


def _dump(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


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
