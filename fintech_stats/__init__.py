"""fintech-stats: curated tables of the numeric claims in 2023 Chinese fintech reports.

    import fintech_stats as fs
    fs.tables()                                  # names of the published tables
    fs.load("graph_db_scale_by_server_nodes")    # one table, tidy, typed
    fs.claims()                                  # every observation of every table

Every row records the report and the exact span of text its value was read from.  Importing this
package is light: pandas and pyarrow are imported by the functions that need them.
"""

from __future__ import annotations

from fintech_stats._version import __version__
from fintech_stats.access.info import TableInfo, info
from fintech_stats.access.loader import (
    catalog,
    checks,
    claims,
    codes,
    conflicts,
    coverage,
    gaps,
    load,
    report_text,
    reports,
    restatements,
    tables,
    unaccounted,
)
from fintech_stats.access.query import search
from fintech_stats.errors import (
    AnchorError,
    ArgumentTypeError,
    ArgumentValueError,
    BuildError,
    CatalogError,
    CorpusFormatError,
    CorpusNotFoundError,
    CurationError,
    DocsTargetError,
    ExportTargetError,
    ExportTargetExistsError,
    FintechStatsError,
    IngestError,
    IntegrityError,
    NoTextLayerError,
    PdfExtraMissingError,
    PublishedVersionError,
    QuantityParseError,
    SpecError,
    UnknownReportError,
    UnknownTableError,
    UnknownVersionError,
)
from fintech_stats.outputs.exports import export

__all__ = [
    "AnchorError",
    "ArgumentTypeError",
    "ArgumentValueError",
    "BuildError",
    "CatalogError",
    "CorpusFormatError",
    "CorpusNotFoundError",
    "CurationError",
    "DocsTargetError",
    "ExportTargetError",
    "ExportTargetExistsError",
    "FintechStatsError",
    "IngestError",
    "IntegrityError",
    "NoTextLayerError",
    "PdfExtraMissingError",
    "PublishedVersionError",
    "QuantityParseError",
    "SpecError",
    "TableInfo",
    "UnknownReportError",
    "UnknownTableError",
    "UnknownVersionError",
    "__version__",
    "catalog",
    "checks",
    "claims",
    "codes",
    "conflicts",
    "coverage",
    "export",
    "gaps",
    "info",
    "load",
    "report_text",
    "reports",
    "restatements",
    "search",
    "tables",
    "unaccounted",
]


def __dir__() -> list[str]:
    # `dir(fs)` shows the public API, not the submodules it is made of.
    return sorted(__all__)
