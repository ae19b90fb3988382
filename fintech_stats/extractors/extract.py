"""Run a report's anchors over its text and turn every match into an Observation.

Anything doubtful stops the run with an `AnchorError` naming table, row and pattern: an anchor that
matches nothing or more than once, digits of the value typed into its anchor, a decrease word left
outside the literal, a unit the table does not have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from fintech_stats import repairs
from fintech_stats.errors import AnchorError, QuantityParseError
from fintech_stats.extractors.anchors import Layout, Row, TableDef
from fintech_stats.observation import Observation
from fintech_stats.quantity import QUANTITY_PATTERN, Quantity
from fintech_stats.spec import TableSpec

__all__ = ["Context", "compile_anchor", "extract_table", "spec_of"]

_DOWN_BEFORE = re.compile(r"(下降|降低|减少|下滑|下跌)\s*了?\s*$")
_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?")


@cache
def compile_anchor(pattern: str) -> re.Pattern[str]:
    """An anchor with its one `{Q}` expanded to the shared quantity pattern (group `q`)."""
    if pattern.count("{Q}") != 1:
        raise AnchorError(f"anchor {pattern!r} must hold exactly one {{Q}}")
    return re.compile(pattern.replace("{Q}", f"(?P<q>{QUANTITY_PATTERN})"))


def spec_of(tdef: TableDef, report_id: str) -> TableSpec:
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
        usage_warnings=tdef.usage_warnings,
    )


@dataclass
class Context:
    """What a row or a layout parser sees: the report text and the table being filled."""

    report_id: str
    text: str
    table: TableDef
    where: str = ""

    def fail(self, message: str) -> AnchorError:
        """An AnchorError that names the table and the row."""
        return AnchorError(f"table {self.table.name}, {self.where}: {message}")

    def region(self, after: str | None, before: str | None) -> tuple[int, int]:
        """The part of the text between the unique matches of `after` and `before`."""
        start, end = 0, len(self.text)
        if after is not None:
            start = self.find(after).end()
        if before is not None:
            end = self.find(before, start=start).start()
        return start, end

    def find(
        self, pattern: str | re.Pattern[str], start: int = 0, end: int | None = None, shown: str | None = None
    ) -> re.Match[str]:
        """The one match of `pattern` in text[start:end]; AnchorError on none or several.

        `shown` is the pattern as the curator wrote it (with `{Q}`), for the message.
        """
        regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern)
        stop = len(self.text) if end is None else end
        matches = list(regex.finditer(self.text, start, stop))
        if len(matches) != 1:
            spots = ", ".join(str(m.start()) for m in matches[:5])
            raise self.fail(
                f"pattern {shown or repr(regex.pattern)} matched {len(matches)} times"
                + (f" (at {spots})" if matches else "")
                + f" in text[{start}:{stop}]"
            )
        return matches[0]

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
        restates: bool = False,
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
        final_unit = quantity.unit or unit
        if unit is not None and quantity.unit is not None and quantity.unit != unit:
            raise self.fail(f"literal {literal!r} is in {quantity.unit}, the row says {unit}")
        if final_unit is None:
            if len(self.table.units) != 1:
                raise self.fail(f"literal {literal!r} has no unit and the table has several: give unit=")
            final_unit = self.table.units[0]
        if final_unit not in self.table.units:
            raise self.fail(f"literal {literal!r} is in {final_unit}, not one of {self.table.units}")
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
            mention="restatement" if restates else "primary",
        )


def _check_no_typed_value(ctx: Context, row: Row, literal: str) -> None:
    # An anchor holding the value's own digits is a typed value in disguise (DESIGN.md).
    skeleton = row.pattern.replace("{Q}", " ")
    anchor_numbers = set(_NUMBER_TOKEN.findall(re.sub(r"\\(.)", r"\1", skeleton)))
    for token in _NUMBER_TOKEN.findall(literal):
        if (len(token) >= 2 or "." in token) and token in anchor_numbers:
            raise ctx.fail(f"anchor {row.pattern!r} holds the value's digits {token!r}")


def _run_row(ctx: Context, row: Row) -> Observation:
    regex = compile_anchor(row.pattern)
    start, end = ctx.region(row.after, row.before)
    match = ctx.find(regex, start, end, shown=repr(row.pattern))
    q_start, q_end = match.span("q")
    obs = ctx.observe(row.dims, q_start, q_end, unit=row.unit, repair=row.repair, note=row.note, restates=row.restates)
    _check_no_typed_value(ctx, row, obs.literal)
    return obs


def extract_table(tdef: TableDef, report_id: str, text: str) -> list[Observation]:
    """Every observation of one table (primary rows and restatements), in definition order."""
    spec = spec_of(tdef, report_id)
    out: list[Observation] = []
    for index, item in enumerate(tdef.rows):
        if isinstance(item, Layout):
            ctx = Context(report_id, text, tdef, f"layout {item.name}")
            found = item.parse(ctx)
        else:
            ctx = Context(report_id, text, tdef, f"row {index} {item.dims}")
            found = [_run_row(ctx, item)]
        for obs in found:
            try:
                spec.check_dims(obs.dim_dict, f"table {tdef.name}, {ctx.where}")
            except ValueError as exc:
                raise AnchorError(str(exc)) from None
        out.extend(found)
    return out
