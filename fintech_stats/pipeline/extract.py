"""Extract: run every report's curation over its text; validate each table's rows.

The first step of the build (extract -> tabulate -> publish): observations per table, gaps,
exclusions, the coverage ledger and the consistency checks, all in memory.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from fintech_stats import curation
from fintech_stats.corpus.reports import Report, load_reports
from fintech_stats.curation.consistency import Check, agrees, derived_checks, run_check
from fintech_stats.curation.engine import spec_of
from fintech_stats.curation.ledger import LedgerEntry, classify
from fintech_stats.errors import CorpusFormatError, SpecError
from fintech_stats.model.observation import Exclusion, Gap, Observation
from fintech_stats.model.spec import TableSpec

__all__ = ["BuiltTable", "Extracted", "extract_all"]


@dataclass
class BuiltTable:
    """One table as the build made it: spec, primary rows and restatement rows."""

    spec: TableSpec
    primary: list[Observation]
    restatements: list[Observation] = field(default_factory=list)
    conflicts: list[Observation] = field(default_factory=list)

    def mentions(self, key: str) -> list[Observation]:
        """The rows of one of `store.MENTION_FILES`' keys (restatements, conflicts)."""
        rows: list[Observation] = getattr(self, key)
        return rows


def _validate(built: BuiltTable) -> None:
    name = built.spec.name
    keys = Counter(o.dims for o in built.primary)
    dupes = [dict(k) for k, n in keys.items() if n > 1]
    if dupes:
        raise SpecError(f"table {name}: several primary rows for dimensions {dupes[:3]}")
    by_key = {o.dims: o for o in built.primary}
    for o in (*built.restatements, *built.conflicts):
        primary = by_key.get(o.dims)
        if primary is None:
            raise SpecError(f"{o.where}: table {name}: {o.mention} {dict(o.dims)} ({o.literal!r}) has no primary row")
        comparable = agrees(o, primary)
        # Statements in units that cannot be compared (a budget in yen and its conversion to yuan)
        # are restatements only with a note that says what they are.
        agree = bool(o.note) if comparable is None else comparable
        said = f"{o.qualifier} {o.value} {o.unit} ({o.literal!r} at {o.span_start}, {o.where})"
        table_says = f"{primary.qualifier} {primary.value} {primary.unit} ({primary.literal!r} at {primary.span_start})"
        if o.mention == "restatement" and not agree:
            raise SpecError(
                f"table {name}: restatement {dict(o.dims)} says {said} but the table says {table_says}: "
                "a statement that disagrees is mention=conflict, with a note"
            )
        if o.mention == "conflict" and (agree or not o.note):
            raise SpecError(
                f"table {name}: conflict {dict(o.dims)} says {said}, the table {table_says}: "
                + ("they agree, so it is a restatement" if agree else "a conflict needs a note saying what disagrees")
            )
    if not built.primary:
        raise SpecError(f"table {name} has no rows")


@dataclass
class Extracted:
    """Everything a build extracts from the corpus: tables, gaps, and the reports."""

    tables: list[BuiltTable]
    gaps: list[Gap]
    reports: tuple[Report, ...]
    notes: dict[str, str] = field(default_factory=dict)
    ledger: list[LedgerEntry] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)


def extract_all(corpus: Path | None = None) -> Extracted:
    """Every table and gap of every report's curation, validated; raises on the first problem."""
    reports = load_reports(corpus)
    by_id = {r.report_id: r for r in reports}
    built: list[BuiltTable] = []
    gaps: list[Gap] = []
    seen: dict[str, str] = {}
    notes: dict[str, str] = {}
    exclusions: list[Exclusion] = []
    checks: list[Check] = []
    for folder in curation.folders():
        cur = curation.read_curation(folder)
        if cur.note:
            notes[cur.report_id] = cur.note
        report = by_id.get(cur.report_id)
        if report is None:
            raise CorpusFormatError(
                f"{folder}/tables.toml: report {cur.report_id!r} is not in the corpus "
                f"({len(reports)} reports read): is the corpus complete?"
            )
        result = curation.run(cur, report.text)
        for tdef, observations in result.tables:
            if tdef.name in seen:
                raise SpecError(f"{tdef.where}: table {tdef.name} is also defined in {seen[tdef.name]}")
            seen[tdef.name] = tdef.where
            table = BuiltTable(
                spec_of(tdef, report.report_id, cur.topic),
                [o for o in observations if o.mention == "primary"],
                [o for o in observations if o.mention == "restatement"],
                [o for o in observations if o.mention == "conflict"],
            )
            _validate(table)
            built.append(table)
            checks += derived_checks(cur.report_id, tdef.name, table.primary, [*table.restatements, *table.conflicts])
        primaries = {b.spec.name: b.primary for b in built if b.spec.report_id == cur.report_id}
        checks += [run_check(c, cur.report_id, primaries) for c in cur.checks]
        gaps.extend(result.gaps)
        exclusions.extend(result.exclusions)
    ledger: list[LedgerEntry] = []
    for report in reports:
        rid = report.report_id
        claims = [o for b in built if b.spec.report_id == rid for o in (*b.primary, *b.restatements, *b.conflicts)]
        ledger += classify(
            rid,
            report.text,
            claims,
            [g for g in gaps if g.report_id == rid],
            [e for e in exclusions if e.report_id == rid],
        )
    return Extracted(sorted(built, key=lambda b: b.spec.name), gaps, reports, notes, ledger, checks)
