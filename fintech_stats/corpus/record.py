"""A report of the corpus as a record, and where the corpus is.

Read by the listing's parser (`corpus.reports`) and the ingested reports' reader (`corpus.ingested`).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from fintech_stats.corpus.ids import TRUNCATED
from fintech_stats.errors import CorpusNotFoundError

__all__ = ["ENV_VAR", "Report", "corpus_dir"]

ENV_VAR = "FINTECH_STATS_CORPUS"


@dataclass(frozen=True)
class Report:
    """One entry of a listing page."""

    report_id: str
    publisher: str
    title: str
    pages: int
    site_published: dt.date
    views: int
    text: str
    text_status: str
    source_file: str
    position: int

    @property
    def text_extent(self) -> str | None:
        """For a truncated text, how far it goes."""
        return TRUNCATED.get(self.report_id)

    @property
    def text_chars(self) -> int:
        """Length of the text in code points."""
        return len(self.text)


def _source_checkout_corpus() -> Path | None:
    package_dir = Path(__file__).resolve().parents[1]
    checkout = package_dir.parent
    if (checkout / "pyproject.toml").is_file():
        return checkout.parent / "shared" / "corpus"
    return None


def corpus_dir() -> Path:
    """The corpus directory: `$FINTECH_STATS_CORPUS`, else `../shared/corpus` beside a source checkout."""
    env = os.environ.get(ENV_VAR)
    if env:
        path = Path(env)
        if path.is_dir():
            return path
        raise CorpusNotFoundError(f"${ENV_VAR} is set to {env!r}, which is not a directory")
    beside = _source_checkout_corpus()
    if beside is not None and beside.is_dir():
        return beside
    where = (
        str(beside)
        if beside is not None
        else "../shared/corpus beside a source checkout (none: this is an installed package)"
    )
    raise CorpusNotFoundError(
        f"no corpus found: set ${ENV_VAR} to the directory holding the listing-*.txt files "
        f"(looked at ${ENV_VAR}: unset; {where}: missing). The published tables work without it; "
        "report texts need it."
    )
