"""What a row or a layout parser sees while it reads: `Context` (the report text, the table being
filled, the place in the curation files) and its checked way to turn a span into an Observation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from fintech_stats.curation import qualifiers
from fintech_stats.curation.anchors import AnchorMatch, compile_anchor
from fintech_stats.curation.files import TableDef
from fintech_stats.errors import AnchorError, QuantityParseError
from fintech_stats.model import codelists, vocabulary
from fintech_stats.model.observation import Observation
from fintech_stats.text import repairs
from fintech_stats.text.quantity import Quantity

__all__ = ["Context", "LayoutFunction"]

# A decrease word just before a literal: left outside {Q}, it would not sign the value.
_DOWN_BEFORE = re.compile("(?:" + "|".join(map(re.escape, vocabulary.DECREASE_WORDS)) + r")\s*了?\s*$")

#: A layout parser: the context of its table and its parameters from tables.toml -> observations.
LayoutFunction = Callable[..., list[Observation]]


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
        qualifier: str | None = None,
    ) -> Observation:
        """An observation of text[start:end]; its value is re-read from the literal under `repair`.

        `qualifier`: the row's, where a word outside the literal gives it (约在 ... 7740 亿日元): the
        literal must read as exact and a word of that qualifier must govern it.
        """
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
        if qualifier is not None:
            self._check_qualifier(quantity, qualifier, start, end)
        return Observation(
            table=self.table.name,
            dims=tuple(sorted(dims.items())),
            value=final_value,
            value_high=quantity.value_high,
            unit=final_unit,
            qualifier=qualifier or quantity.qualifier,
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

    def _check_qualifier(self, quantity: Quantity, qualifier: str, start: int, end: int) -> None:
        literal = self.text[start:end]
        if quantity.qualifier != "exact":
            raise self.fail(f"literal {literal!r} reads as {quantity.qualifier} itself: the row gives no qualifier")
        words = [w.word for w in qualifiers.governing_words(self.text, start, end) if w.qualifier == qualifier]
        if not words:
            low, high = qualifiers.clause(self.text, start, end)
            raise self.fail(
                f"the row says qualifier {qualifier}, but no word of it governs {literal!r} in {self.text[low:high]!r}"
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
