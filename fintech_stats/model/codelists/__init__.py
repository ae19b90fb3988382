"""Codelists: the stable ASCII codes of every dimension value, each with a zh and an en label.

One registry shared by all reports (the same `city_commercial_bank` everywhere), read from the data
files of this folder: `<topic>.toml` for the codelists of one report's topic, `common.toml` for the
shared ones.  Each codelist is also the definition of a dimension column: its Chinese and English
header, its description, whether its codes are ordered (buckets, bands), and its column name (the
codelist's name unless `column` says otherwise: r02's columns kept their first names when their
codelists took the topic prefix).  Another file may add codes to a codelist with a `[name.codes]`
table of its own; a code defined twice must have the same labels.  The dimension `year` is an
integer and has no codelist.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fintech_stats.errors import CurationError

__all__ = ["CODE_RE", "NUMERIC_DIMENSIONS", "Codelist", "codelist", "dimension", "dimensions", "label", "registry"]

#: Dimensions whose values are integers, not codes.
NUMERIC_DIMENSIONS = frozenset({"year"})

#: What a code looks like.
CODE_RE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_FOLDER = Path(__file__).resolve().parent


class CodelistError(CurationError):
    """A codelist file that does not follow the format (names file and codelist)."""


@dataclass(frozen=True)
class Codelist:
    """A codelist and the dimension column it defines."""

    name: str
    column: str
    zh: str
    en: str
    description: str
    ordered: bool
    codes: dict[str, tuple[str, str]]
    source_file: str


def _load_file(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CodelistError(f"{path}: not a valid TOML file: {exc}") from None


@cache
def registry() -> dict[str, Codelist]:
    """Every codelist of every file of this folder, merged and checked once."""
    heads: dict[str, tuple[dict[str, Any], str]] = {}
    codes: dict[str, dict[str, tuple[str, str]]] = {}
    origin: dict[tuple[str, str], str] = {}
    files = sorted(_FOLDER.glob("*.toml"), key=lambda p: (p.name != "common.toml", p.name))
    for path in files:
        for name, body in _load_file(path).items():
            where = f"{path.name} [{name}]"
            if not _NAME_RE.match(name) or not isinstance(body, dict):
                raise CodelistError(f"{where}: a codelist name is lowercase ASCII snake_case and holds a table")
            head = {k: v for k, v in body.items() if k != "codes"}
            if head:
                if name in heads:
                    raise CodelistError(f"{where}: codelist {name!r} is already defined in {heads[name][1]}")
                for key in ("zh", "en", "description"):
                    if not isinstance(head.get(key), str) or not head[key]:
                        raise CodelistError(f"{where}: needs a non-empty string {key!r}")
                unknown = set(head) - {"zh", "en", "description", "ordered", "column"}
                if unknown:
                    raise CodelistError(f"{where}: unknown keys {sorted(unknown)}")
                heads[name] = (head, path.name)
            entries = body.get("codes", {})
            if not isinstance(entries, dict):
                raise CodelistError(f"{where}: 'codes' must be a table of code = [zh, en]")
            merged = codes.setdefault(name, {})
            for code, pair in entries.items():
                if (
                    not CODE_RE.match(code)
                    or not isinstance(pair, list)
                    or len(pair) != 2
                    or not all(isinstance(x, str) and x for x in pair)
                    or not pair[1].isascii()
                ):
                    raise CodelistError(f'{where}: bad entry {code!r} = {pair!r}: want code = ["zh", "English"]')
                labels = (pair[0], pair[1])
                if code in merged and merged[code] != labels:
                    raise CodelistError(
                        f"{where}: code {code!r} is already {merged[code]} in {origin[(name, code)]}, here {labels}"
                    )
                merged[code] = labels
                origin.setdefault((name, code), path.name)
    out: dict[str, Codelist] = {}
    columns: dict[str, str] = {}
    for name, merged in codes.items():
        if name not in heads:
            raise CodelistError(f"codes are added to codelist {name!r}, which no file defines (zh, en, description)")
        head, file = heads[name]
        column = str(head.get("column", name))
        if column in columns or column in NUMERIC_DIMENSIONS:
            raise CodelistError(f"{file} [{name}]: column {column!r} is already the column of {columns.get(column)}")
        columns[column] = name
        out[name] = Codelist(
            name, column, head["zh"], head["en"], head["description"], bool(head.get("ordered", False)), merged, file
        )
    return out


@cache
def dimensions() -> dict[str, Codelist]:
    """Dimension column name -> the codelist behind it."""
    return {c.column: c for c in registry().values()}


def dimension(column: str) -> Codelist:
    """The codelist behind a dimension column (KeyError names the known columns)."""
    dims = dimensions()
    if column not in dims:
        raise KeyError(f"no dimension {column!r} in the codelists (fintech_stats/model/codelists/*.toml)")
    return dims[column]


def codelist(column: str) -> dict[str, tuple[str, str]]:
    """The codes of the dimension column `column`, in codelist order."""
    return dimension(column).codes


def label(column: str, code: str, language: str) -> str:
    """The zh or en label of `code` of dimension `column`."""
    zh, en = codelist(column)[code]
    return zh if language == "zh" else en
