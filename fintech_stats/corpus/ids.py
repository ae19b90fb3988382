"""The curated report ids and text facts of the corpus, read from `ids.toml` beside this module.

`REPORT_IDS` maps a listing entry's `<publisher>:<title>` to its stable id; `DIGITS_LOST` names the
reports whose extracted text lost its digits; `TRUNCATED` says, per report whose text stops early,
how far it goes.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from fintech_stats.errors import CorpusFormatError

__all__ = ["DIGITS_LOST", "REPORT_IDS", "TRUNCATED", "read_ids"]

FILE = Path(__file__).resolve().parent / "ids.toml"


def read_ids(path: Path = FILE) -> tuple[dict[str, str], frozenset[str], dict[str, str]]:
    """(ids, reports whose digits were lost, truncated reports and their extent) of an ids file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        ids, lost, truncated = data["ids"], data["digits_lost"]["reports"], data["truncated"]
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise CorpusFormatError(
            f"{path}: want tables [ids], [digits_lost] reports = [...], [truncated] ({exc})"
        ) from None
    known = set(ids.values())
    for name, group in (("digits_lost", lost), ("truncated", truncated)):
        unknown = sorted(set(group) - known)
        if unknown:
            raise CorpusFormatError(f"{path}: [{name}] names {unknown[0]!r}, which is no id of [ids]")
    return dict(ids), frozenset(lost), dict(truncated)


REPORT_IDS, DIGITS_LOST, TRUNCATED = read_ids()
