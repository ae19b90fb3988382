"""The exceptions fintech-stats raises: one class per kind of bad input, each with a clear message."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class FintechStatsError(Exception):
    """Base class of every error this library raises on purpose."""


class QuantityParseError(FintechStatsError, ValueError):
    """The text at a position is not a numeric expression the quantity parser understands."""


class CorpusNotFoundError(FintechStatsError, FileNotFoundError):
    """No corpus directory could be found; names every place that was looked at."""


class CorpusFormatError(FintechStatsError, ValueError):
    """A corpus file is not in the layout (or encoding) the corpus README describes."""


class UnknownReportError(FintechStatsError, LookupError):
    """A report id that is not in the corpus listing."""


class UnknownTableError(FintechStatsError, LookupError):
    """A table name that is not published; the message suggests the close matches."""


class UnknownVersionError(FintechStatsError, LookupError):
    """A table version that is not published; the message lists the versions that exist."""


class AnchorError(FintechStatsError):
    """An extractor anchor matched nothing, or more than once: the build stops."""


class CurationError(FintechStatsError, ValueError):
    """A curation file (tables.toml, rows.tsv, gaps.tsv, a codelist) that does not follow the format."""


class SpecError(FintechStatsError, ValueError):
    """Observations that do not fit their table's spec (unknown code, wrong unit, duplicate key)."""


class IntegrityError(FintechStatsError):
    """A published file whose sha256 is not the one the catalog records."""


class PublishedVersionError(FintechStatsError):
    """An attempt to write into a table version that is already published."""


class ExportTargetExistsError(FintechStatsError, FileExistsError):
    """An export would overwrite an existing file and `force` was not given."""


class ExportTargetError(FintechStatsError, OSError):
    """An export target that may not or cannot be written (the store, the checkout, a file, no permission)."""


class CatalogError(FintechStatsError, ValueError):
    """A catalog that is missing, empty, not JSON, or has a missing or mistyped field (names file and field)."""


class BuildError(FintechStatsError):
    """A build that cannot start or go on: leftovers it may not clear, a published report gone from the corpus."""


class ArgumentValueError(FintechStatsError, ValueError):
    """An argument of the right type with a value that is not accepted (names the argument)."""


class ArgumentTypeError(FintechStatsError, TypeError):
    """An argument of the wrong type (names the argument and what it accepts)."""


def did_you_mean(word: str, candidates: Iterable[str], otherwise: str = "") -> str:
    """A message tail: "; did you mean 'a', 'b'?" naming the close matches, or `otherwise` if none."""
    if not isinstance(word, str):
        return otherwise
    hint = close_matches(word, candidates)
    return f"; did you mean {', '.join(repr(h) for h in hint)}?" if hint else otherwise


def close_matches(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Return up to `n` candidates that look like `word` (for 'did you mean' messages)."""
    pool = list(candidates)
    found = difflib.get_close_matches(word, pool, n=n, cutoff=0.5)
    if not found:
        found = [c for c in pool if word and (word in c or c in word)][:n]
    return found


class DocsTargetError(FintechStatsError, FileExistsError):
    """`fintech-stats docs` would write into documentation it did not generate, and `force` was not given."""


class IngestError(FintechStatsError, ValueError):
    """A PDF cannot be ingested (bad slug, existing report, unreadable file)."""


class NoTextLayerError(IngestError):
    """The PDF has no text layer (a scanned document): it needs OCR first."""


class PdfExtraMissingError(FintechStatsError, ImportError):
    """The `pdf` extra (pypdf, camelot-py) is not installed."""
