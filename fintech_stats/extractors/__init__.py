"""Extractors: one module (or package) per report, holding that report's curated tables.

Each extractor defines `REPORT_ID` and `TABLES` (a list of `TableDef`); `EXTRACTORS` lists them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["EXTRACTORS", "extractor_modules"]

#: Extractor modules, by report.
EXTRACTORS: tuple[str, ...] = ("fintech_stats.extractors.r02",)


def extractor_modules() -> list[ModuleType]:
    """The extractor modules, imported."""
    return [importlib.import_module(name) for name in EXTRACTORS]
