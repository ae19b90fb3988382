"""Whether a second statement of a fact agrees with the first, within its precision and qualifier.

Each statement is read as the interval of values it allows: `36.6%` is [36.55, 36.65] (its printed
precision), `约 60%` is 60 plus or minus 10 percent of it, `超过半数` is (50, infinity), `不到 50%`
is (-infinity, 50), a range is its two ends.  Two statements agree when their intervals meet:
超过半数 agrees with 51.9; 36.6% does not agree with 26.6%.  A restatement that does not agree is
a conflict.  Two approximations agree only when they print the same value (约 30% and 约 35% of
one fact are two different claims).  Percent and times are compared through 1 times = 100 percent; other different units
cannot be compared (`agrees` returns None).
"""

from __future__ import annotations

from decimal import Decimal

from fintech_stats.observation import Observation

__all__ = ["APPROX_TOLERANCE", "agrees", "interval"]

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
