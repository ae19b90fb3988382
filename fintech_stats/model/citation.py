"""How to cite a table version, and the licence of the data: one text each.

`fs.info(name).citation`, the data dictionary, the downloads (README, workbook, datapackage.json),
the SQLite export, the site and the README's "how to cite" all say these, made here.
"""

from __future__ import annotations

__all__ = [
    "CITATION_PATTERN",
    "LICENCE",
    "LICENCE_NAME",
    "LICENCE_TITLE",
    "LICENCE_URL",
    "citation",
    "source_text",
]

#: The licence of the data, in full.
LICENCE = (
    "The tables are facts extracted from the publicly listed reports named as each table's source; each report "
    "remains the work of its publisher. The curation (codes, labels, structure) is released under CC BY 4.0."
)
#: The licence of the curation: its SPDX identifier, its title and where it is written.
LICENCE_NAME = "CC-BY-4.0"
LICENCE_TITLE = "Creative Commons Attribution 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


def source_text(publisher: str, report_title: str, report_id: str, where: str) -> str:
    """Where a table's values come from: publisher《report title》 (report_id), where in the report
    (just the report_id when the report's publisher and title are not known)."""
    report = f"{publisher}《{report_title}》 ({report_id})" if publisher or report_title else report_id
    return f"{report}, {where}" if where else report


def citation(
    *,
    title: str,
    table: str,
    version: str,
    sha256: str,
    publisher: str,
    report_title: str,
    report_id: str,
    where: str,
    package_version: str,
) -> str:
    """How to cite a table version, as plain text: its title; the package version, table name and
    version; the sha256 of its data file; and its source (`source_text`)."""
    return (
        f"{title}. fintech-stats {package_version}, table {table} version {version} (data sha256 {sha256}). "
        f"Source: {source_text(publisher, report_title, report_id, where)}."
    )


#: The shape of every citation, with its parts named (the README and the downloads say it).
CITATION_PATTERN = citation(
    title="<table title>",
    table="<table name>",
    version="<version>",
    sha256="<sha256 of data.parquet>",
    publisher="<publisher>",
    report_title="<report title>",
    report_id="<report_id>",
    where="<where in the report>",
    package_version="<package version>",
)
