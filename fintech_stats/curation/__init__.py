"""Curation: each report's curated knowledge as data files, and the engine that reads them.

One folder per report, named by its listing entry (`r02/` for the 2nd entry): `tables.toml`,
`rows.tsv`, optionally `gaps.tsv` (see docs/writing-extractors.md).  `folders()` lists them;
`run(curation, text)` turns one into observations, gaps and exclusions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from fintech_stats.curation.files import TABLES_FILE, Curation, TableDef, read_curation
from fintech_stats.model.observation import Exclusion, Gap, Observation

__all__ = ["FOLDER", "ReportCuration", "folders", "read_curation", "run"]

#: Where the report folders live.
FOLDER = Path(__file__).resolve().parent / "reports"
_FOLDER_RE = re.compile(r"^r\d{2,}$")


def folders(base: Path | None = None) -> list[Path]:
    """The curation folders (rNN/ holding a tables.toml), in listing order."""
    root = base or FOLDER
    return sorted(p for p in root.iterdir() if p.is_dir() and _FOLDER_RE.match(p.name) and (p / TABLES_FILE).is_file())


@dataclass(frozen=True)
class ReportCuration:
    """A report's curation run over its text: observations per table, its gaps and exclusions."""

    curation: Curation
    tables: tuple[tuple[TableDef, list[Observation]], ...]
    gaps: tuple[Gap, ...]
    exclusions: tuple[Exclusion, ...] = ()


def run(curation: Curation, text: str) -> ReportCuration:
    """Run every table and gap of `curation` over `text`, and the qualifier lint over its claims
    (raises on the first problem)."""
    from fintech_stats.curation.engine import extract_exclusions, extract_gaps, extract_table
    from fintech_stats.curation.qualifiers import check

    tables = tuple((tdef, extract_table(curation, tdef, text)) for tdef in curation.tables)
    check(text, (o for _, rows in tables for o in rows), curation.qualifier_rules)
    return ReportCuration(
        curation, tables, tuple(extract_gaps(curation, text)), tuple(extract_exclusions(curation, text))
    )
