"""Ingested reports in the corpus: the folders `ingest` writes, read back.

    ingested-<slug>/
        text.txt      the report's text as one string, UTF-8: every span offset indexes it
        pages.json    [{"page": 1, "start": 0, "end": 1234}, ...]: the characters of each PDF page
        meta.json     report_id, publisher, title, pages, ingested (date), source_pdf, pdf_sha256, text_chars
        tables/       the candidate tables of the PDF, with index.json

The writer is `fintech_stats.tools.ingest`; this module is the format and its readers.
"""

from __future__ import annotations

import datetime as dt
import json
from bisect import bisect_right
from pathlib import Path
from typing import TYPE_CHECKING

from fintech_stats.corpus.record import Report, corpus_dir
from fintech_stats.errors import CorpusFormatError, IngestError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "INDEX_FILE",
    "META_FILE",
    "PAGES_FILE",
    "PREFIX",
    "TABLES_DIR",
    "TEXT_FILE",
    "ingested_dir",
    "page_of",
    "pages",
    "read_ingested",
    "with_pages",
]


PREFIX = "ingested-"
TEXT_FILE = "text.txt"
PAGES_FILE = "pages.json"
META_FILE = "meta.json"
TABLES_DIR = "tables"
INDEX_FILE = "index.json"


def ingested_dir(report_id: str, corpus: Path | None = None) -> Path:
    """The folder of an ingested report in the corpus directory."""
    return (corpus or corpus_dir()) / f"{PREFIX}{report_id}"


def read_ingested(directory: Path) -> list[Report]:
    """The ingested reports of a corpus directory (its `ingested-*/` folders), by folder name."""
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
