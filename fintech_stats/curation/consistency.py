"""Whether a second statement of a fact agrees with the first, within its precision and qualifier.

Each statement is read as the interval of values it allows: `36.6%` is [36.55, 36.65] (its printed
precision), `约 60%` is 60 plus or minus 10 percent of it, `超过半数` is (50, infinity), `不到 50%`
is (-infinity, 50), a range is its two ends.  Two statements agree when their intervals meet:
超过半数 agrees with 51.9; 36.6% does not agree with 26.6%.  A restatement that does not agree is
a conflict.  Two approximations agree only when they print the same value (约 30% and 约 35% of
one fact are two different claims).  Percent and times are compared through 1 times = 100 percent; other different units
cannot be compared (`agrees` returns None).

The consistency checks (`fintech_stats.checks()`), computed at build time, are of the kinds of
`fintech_stats.model.vocabulary.CHECK_KINDS`: declared per report in `checks.tsv` (sums to a total
or to 100; see docs/writing-extractors.md), and derived for every second statement of a fact (a
restatement or conflict against its primary row).

Failures are data, not errors: reports contain real inconsistencies.  The default tolerance of a
sum is the rounding its parts can carry: half a unit of their last printed digit, once per part.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from fintech_stats.errors import SpecError
from fintech_stats.model.observation import Observation

__all__ = ["APPROX_TOLERANCE", "Check", "CheckDef", "agrees", "derived_checks", "interval", "run_check"]

#: How far an approximate statement (约, 近, 左右) may be from the value, relative to it.
APPROX_TOLERANCE = Decimal("0.1")
_INF = Decimal("Infinity")


def _half_step(value: Decimal) -> Decimal:
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal(5) * Decimal(10) ** -(places + 1)


def interval(value: Decimal, qualifier: str, value_high: Decimal | None = None) -> tuple[Decimal, Decimal]:
    """The closed interval of values a statement allows (open ends are treated as closed)."""
    if qualifier == "range":
        high = value if value_high is None else value_high
        return value - _half_step(value), high + _half_step(high)
    if qualifier == "approx":
        spread = abs(value) * APPROX_TOLERANCE + _half_step(value)
        return value - spread, value + spread
    if qualifier in ("over", "at_least"):
        return value, _INF
    if qualifier in ("under", "at_most"):
        return -_INF, value
    return value - _half_step(value), value + _half_step(value)


def _in_percent(obs: Observation) -> tuple[Decimal, Decimal | None]:
    assert obs.value is not None
    if obs.unit == "times":
        return obs.value * 100, None if obs.value_high is None else obs.value_high * 100
    return obs.value, obs.value_high


def agrees(restated: Observation, primary: Observation) -> bool | None:
    """Whether `restated` is consistent with `primary`; None when their units cannot be compared."""
    assert restated.value is not None and primary.value is not None
    a_value, a_high, b_value, b_high = restated.value, restated.value_high, primary.value, primary.value_high
    if restated.unit != primary.unit:
        if {restated.unit, primary.unit} != {"percent", "times"}:
            return None
        a_value, a_high = _in_percent(restated)
        b_value, b_high = _in_percent(primary)
    if restated.qualifier == primary.qualifier == "approx":
        return a_value == b_value
    a_low, a_top = interval(a_value, restated.qualifier, a_high)
    b_low, b_top = interval(b_value, primary.qualifier, b_high)
    return a_low <= b_top and b_low <= a_top


@dataclass(frozen=True)
class CheckDef:
    """One line of checks.tsv."""

    where: str
    check_id: str
    kind: str
    table: str
    parts: dict[str, tuple[str | int, ...]]
    total: dict[str, tuple[str | int, ...]]
    total_table: str | None
    tolerance: Decimal | None
    note: str | None


@dataclass(frozen=True)
class Check:
    """A computed check: what was expected, what the rows give, and whether they agree."""

    check_id: str
    report_id: str
    table: str
    kind: str
    expected: float | None
    observed: float | None
    tolerance: float | None
    passed: bool
    claims: tuple[str, ...]
    note: str | None


def _selects(obs: Observation, wanted: dict[str, tuple[str | int, ...]]) -> bool:
    dims = obs.dim_dict
    return all(dims.get(k) in values for k, values in wanted.items())


def _ref(o: Observation) -> str:
    return f"{o.table}:{o.span_start}-{o.span_end}"


def run_check(check: CheckDef, report_id: str, tables: Mapping[str, Sequence[Observation]]) -> Check:
    """Compute one declared check over the primary rows of the report's tables."""
    if check.table not in tables:
        raise SpecError(f"{check.where}: check {check.check_id}: no table {check.table!r} in this report")
    parts = [o for o in tables[check.table] if _selects(o, check.parts)]
    if len(parts) < 2:
        raise SpecError(
            f"{check.where}: check {check.check_id}: the parts filter selects {len(parts)} rows, want 2 or more"
        )
    values = [o.value for o in parts if o.value is not None]
    observed = sum(values, Decimal(0))
    tolerance = check.tolerance if check.tolerance is not None else sum((_half_step(v) for v in values), Decimal(0))
    involved = list(parts)
    if check.kind == "sum_to_100":
        expected = Decimal(100)
    else:
        source = check.total_table or check.table
        if source not in tables:
            raise SpecError(f"{check.where}: check {check.check_id}: no table {source!r} in this report")
        totals = [o for o in tables[source] if _selects(o, check.total)]
        if len(totals) != 1:
            raise SpecError(
                f"{check.where}: check {check.check_id}: the total filter selects {len(totals)} rows, want 1"
            )
        assert totals[0].value is not None
        expected = totals[0].value
        involved.append(totals[0])
        if check.tolerance is None:
            tolerance += _half_step(expected)
    passed = abs(observed - expected) <= tolerance
    return Check(
        check.check_id,
        report_id,
        check.table,
        check.kind,
        float(expected),
        float(observed),
        float(tolerance),
        passed,
        tuple(_ref(o) for o in involved),
        check.note,
    )


def derived_checks(
    report_id: str, table: str, primary: Sequence[Observation], others: Sequence[Observation]
) -> list[Check]:
    """A restatement_agrees check for every restatement and conflict of a table."""
    by_key = {o.dims: o for o in primary}
    out = []
    seen: set[str] = set()
    for o in others:
        check_id = f"{table}:{o.mention}:{o.span_start}"
        if check_id in seen:  # one printed value that states several facts: one check each
            check_id += ":" + ",".join(str(code) for _, code in o.dims)
        seen.add(check_id)
        p = by_key[o.dims]
        result = agrees(o, p)
        passed = bool(result) if result is not None else o.mention == "restatement"
        out.append(
            Check(
                check_id,
                report_id,
                table,
                "restatement_agrees",
                None if p.value is None else float(p.value),
                None if o.value is None else float(o.value),
                None,
                passed,
                (_ref(p), _ref(o)),
                o.note,
            )
        )
    return out
