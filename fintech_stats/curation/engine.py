"""Run a report's curation over its text: every row and layout becomes Observations, every gap a Gap.

Anything doubtful stops the run with an `AnchorError` naming file, line, table and pattern: an anchor
that matches nothing or more than once, digits of the value typed into its anchor, a decrease word
left outside the literal, a unit the table does not have, a code not in its codelist.
"""

from __future__ import annotations

import bisect
import importlib.util
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from fintech_stats import codelists, repairs
from fintech_stats.curation.anchors import AnchorMatch, compile_anchor
from fintech_stats.curation.files import Curation, LayoutDef, RowDef, SpanRule, TableDef
from fintech_stats.errors import AnchorError, QuantityParseError
from fintech_stats.numbers import find_numbers
from fintech_stats.observation import Gap, Observation
from fintech_stats.quantity import Quantity
from fintech_stats.spec import TableSpec, UsageWarning

__all__ = [
    "Context",
    "LayoutFunction",
    "extract_exclusions",
    "extract_gaps",
    "extract_spans",
    "extract_table",
    "spec_of",
]

_DOWN_BEFORE = re.compile(r"(下降|降低|减少|下滑|下跌)\s*了?\s*$")
_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?")

#: A layout parser: the context of its table and its parameters from tables.toml -> observations.
LayoutFunction = Callable[..., list[Observation]]


def spec_of(tdef: TableDef, report_id: str, topic: str = "") -> TableSpec:
    """The TableSpec of a table definition."""
    return TableSpec(
        name=tdef.name,
        title=tdef.title,
        description=tdef.description,
        dimensions=tdef.dims,
        units=tdef.units,
        report_id=report_id,
        source=tdef.source,
        version=tdef.version,
        title_zh=tdef.title_zh,
        usage_warnings=tuple(UsageWarning(kind, text) for kind, text in tdef.warnings),
        topic=topic,
    )


@dataclass
class Context:
    """What a row or a layout parser sees: the report text, the table being filled, where we are."""

    report_id: str
    text: str
    table: TableDef
    where: str = ""

    def fail(self, message: str) -> AnchorError:
        """An AnchorError that names the place (file:line), the table and the row."""
        return AnchorError(f"{self.where}: table {self.table.name}: {message}")

    def find(self, pattern: str, start: int = 0, end: int | None = None) -> re.Match[str]:
        """The one match of the regex `pattern` (no `{Q}`) in text[start:end]; AnchorError otherwise."""
        try:
            regex = re.compile(pattern)
        except re.error as exc:
            raise self.fail(f"pattern {pattern!r} is not a valid regex: {exc}") from None
        stop = len(self.text) if end is None else end
        matches = list(regex.finditer(self.text, start, stop))
        if len(matches) != 1:
            raise self.fail(self._count_message(pattern, [m.start() for m in matches], start, stop))
        return matches[0]

    def read(self, anchor: str, start: int = 0, end: int | None = None, repair: str | None = None) -> AnchorMatch:
        """The one match of an anchor with `{Q}`s in text[start:end]; AnchorError otherwise."""
        try:
            compiled = compile_anchor(anchor)
        except ValueError as exc:
            raise self.fail(str(exc)) from None
        stop = len(self.text) if end is None else end
        matches = compiled.matches(self.text, start, stop, repair)
        if len(matches) != 1:
            raise self.fail(self._count_message(anchor, [m.start for m in matches], start, stop))
        return matches[0]

    @staticmethod
    def _count_message(pattern: str, spots: list[int], start: int, stop: int) -> str:
        where = f" (at {', '.join(map(str, spots[:5]))})" if spots else ""
        return f"pattern {pattern!r} matched {len(spots)} times{where} in text[{start}:{stop}]"

    def region(self, after: str | None, before: str | None) -> tuple[int, int]:
        """The part of the text between the unique matches of `after` and `before`."""
        start, end = 0, len(self.text)
        if after is not None:
            start = self.find(after).end()
        if before is not None:
            end = self.find(before, start=start).start()
        return start, end

    def observe(
        self,
        dims: dict[str, str | int],
        start: int,
        end: int,
        *,
        quantity: Quantity | None = None,
        value: Decimal | None = None,
        unit: str | None = None,
        repair: str | None = None,
        note: str | None = None,
        mention: str = "primary",
        location: str | None = None,
    ) -> Observation:
        """An observation of text[start:end]; its value is re-read from the literal under `repair`."""
        literal = self.text[start:end]
        if quantity is None and repair == "control_char_dropped":
            # The literal lost its leading digits: the value comes from the layout's other cells
            # and is checked against what is left of the literal below.
            if value is None:
                raise self.fail(f"repair control_char_dropped on {literal!r} needs a value from its layout")
            quantity = Quantity(value=value, unit=None, qualifier="exact", literal=literal)
        if quantity is None:
            try:
                quantity = repairs.reparse(literal, repair)
            except QuantityParseError as exc:
                raise self.fail(f"literal {literal!r} at {start}: {exc}") from None
        final_value = quantity.value if value is None else value
        if not repairs.admits(literal, repair, final_value):
            raise self.fail(f"value {final_value} is not what {literal!r} says under repair {repair}")
        if final_value > 0 and _DOWN_BEFORE.search(self.text[max(0, start - 6) : start]):
            raise self.fail(f"a decrease word stands just before {literal!r}: put it inside {{Q}}")
        if unit is not None and quantity.unit is not None and quantity.unit != unit:
            raise self.fail(f"literal {literal!r} is in {quantity.unit}, the row says {unit}")
        final_unit = quantity.unit or unit
        if final_unit is None:
            if len(self.table.units) != 1:
                raise self.fail(f"literal {literal!r} has no unit and the table has several: give the row a unit")
            final_unit = self.table.units[0]
        if final_unit not in self.table.units:
            raise self.fail(f"literal {literal!r} is in {final_unit}, not one of the table's units {self.table.units}")
        self._check_dims(dims)
        return Observation(
            table=self.table.name,
            dims=tuple(sorted(dims.items())),
            value=final_value,
            value_high=quantity.value_high,
            unit=final_unit,
            qualifier=quantity.qualifier,
            report_id=self.report_id,
            span_start=start,
            span_end=end,
            literal=literal,
            repair=repair,
            note=note,
            mention=mention,
            location=location,
            where=self.where,
        )

    def _check_dims(self, dims: dict[str, str | int]) -> None:
        if set(dims) != set(self.table.dims):
            missing, extra = set(self.table.dims) - set(dims), set(dims) - set(self.table.dims)
            raise self.fail(f"dimensions: missing {sorted(missing)}, not of this table {sorted(extra)}")
        for dim, code in dims.items():
            if dim in codelists.NUMERIC_DIMENSIONS:
                if not isinstance(code, int):
                    raise self.fail(f"{dim}={code!r} is not an integer")
                continue
            try:
                known = codelists.codelist(dim)
            except KeyError as exc:
                raise self.fail(str(exc.args[0])) from None
            if not isinstance(code, str) or code not in known:
                raise self.fail(f"{dim}={code!r} is not a code of codelist {codelists.dimension(dim).name!r}")


def _check_no_typed_value(ctx: Context, anchor: str, literal: str) -> None:
    # An anchor holding the value's own digits is a typed value in disguise (DESIGN.md).
    skeleton = anchor.replace("{Q}", " ")
    anchor_numbers = set(_NUMBER_TOKEN.findall(re.sub(r"\\(.)", r"\1", skeleton)))
    for token in _NUMBER_TOKEN.findall(literal):
        if (len(token) >= 2 or "." in token) and token in anchor_numbers:
            raise ctx.fail(f"anchor {anchor!r} holds the value's digits {token!r}")


def _run_row(ctx: Context, row: RowDef) -> list[Observation]:
    start, end = ctx.region(row.after, row.before)
    match = ctx.read(row.anchor, start, end, repair=row.repair)
    out = []
    for q, per_q, unit in zip(match.quantities, row.dims, row.units, strict=True):
        for dims in per_q:
            obs = ctx.observe(
                dims,
                q.start,
                q.end,
                quantity=None if row.repair else q,
                unit=unit,
                repair=row.repair,
                note=row.note,
                mention=row.mention,
                location=row.location,
            )
            _check_no_typed_value(ctx, row.anchor, obs.literal)
            out.append(obs)
    return out


def _layout_function(layout: LayoutDef, folder: Path) -> LayoutFunction:
    from fintech_stats.curation import layouts

    if layout.parser in layouts.LAYOUTS:
        return layouts.LAYOUTS[layout.parser]
    local = folder / "layouts.py"
    if local.is_file():
        spec = importlib.util.spec_from_file_location(f"fintech_stats_curation_{folder.name}_layouts", local)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found: dict[str, LayoutFunction] = getattr(module, "LAYOUTS", {})
        if layout.parser in found:
            return found[layout.parser]
    raise AnchorError(
        f"{layout.where}: layout parser {layout.parser!r} is neither shared "
        f"({', '.join(sorted(layouts.LAYOUTS))}) nor in {local}"
    )


def extract_table(curation: Curation, tdef: TableDef, text: str) -> list[Observation]:
    """Every observation of one table (primary rows and restatements), in file order."""
    out: list[Observation] = []
    for layout in tdef.layouts:
        ctx = Context(curation.report_id, text, tdef, f"{layout.where} layout {layout.name or layout.parser}")
        function = _layout_function(layout, curation.folder)
        params: dict[str, Any] = dict(layout.params)
        try:
            out.extend(function(ctx, **params))
        except TypeError as exc:
            raise ctx.fail(f"layout parameters: {exc}") from None
    for row in tdef.rows:
        ctx = Context(curation.report_id, text, tdef, row.where)
        out.extend(_run_row(ctx, row))
    return out


def extract_spans(
    report_id: str, rules: tuple[SpanRule, ...], text: str, what: str, numbers: list[tuple[int, int]] | None = None
) -> list[Gap]:
    """Every span of the rules (gaps or exclusions): each anchor must match exactly as often as it says.

    `numbers` (the spans of the text's numbers, sorted): each span must meet one of them, or the
    rule accounts for nothing (an exclusion the scanner no longer sees is stale, and says so).
    """
    starts = [start for start, _ in numbers or []]
    spans: list[Gap] = []
    for g in rules:
        found = list(re.finditer(g.anchor, text))
        if len(found) != g.matches:
            spots = ", ".join(str(m.start(1)) for m in found[:5])
            raise AnchorError(
                f"{g.where}: {what} pattern {g.anchor!r} matched {len(found)} times"
                + (f" (at {spots})" if found else "")
                + f", the row says {g.matches}"
            )
        for m in found:
            if m.end(1) <= m.start(1):
                raise AnchorError(f"{g.where}: {what} pattern {g.anchor!r}: its group matched no characters")
            spans.append(Gap(report_id, m.start(1), m.end(1), m.group(1), g.kind, g.location, g.note))
        if numbers is not None and not any(_holds_number(numbers, starts, m.start(1), m.end(1)) for m in found):
            raise AnchorError(
                f"{g.where}: {what} pattern {g.anchor!r} holds no number of the text in any of its "
                f"{len(found)} match(es): the rule accounts for nothing; remove it"
            )
    return spans


def _holds_number(numbers: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether text[start:end] meets one of the (sorted) number spans."""
    i = bisect.bisect_left(starts, end) - 1  # the last number starting before the span ends
    return i >= 0 and numbers[i][1] > start


def extract_gaps(curation: Curation, text: str) -> list[Gap]:
    """Every gap of the report: each anchor must match exactly as many times as it says."""
    return extract_spans(curation.report_id, curation.gaps, text, "gap")


def extract_exclusions(curation: Curation, text: str) -> list[Gap]:
    """Every exclusion of the report (numbers that are not claims, with their kind)."""
    found = [(n.start, n.end) for n in find_numbers(text)]
    return extract_spans(curation.report_id, curation.exclusions, text, "exclusion", found)
