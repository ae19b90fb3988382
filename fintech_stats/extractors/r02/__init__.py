"""r02: 金融电子化《2023 金融业图数据库建设发展调研报告》, a survey of 79 financial institutions.

The tables are split by chapter into the modules of this package; `TABLES` gathers them.
"""

from __future__ import annotations

import importlib
import pkgutil

from fintech_stats.extractors.anchors import TableDef

REPORT_ID = "fe-graph-database-survey-2023"


def _gather() -> list[TableDef]:
    tables: list[TableDef] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        tables.extend(getattr(module, "TABLES", []))
    return tables


TABLES: list[TableDef] = _gather()
