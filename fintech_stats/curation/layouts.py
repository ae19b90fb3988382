"""Generic parsers of flattened tables: rules that split a glued run of numbers into its cells.

Shared code: no report's words or years.  Each parser takes the words and years it needs as
parameters, given in the report's tables.toml (`[[table.layouts]]`).

`count_share_yoy_block` reads one block of a table printed as
`<label><year 1> <word 1><glued counts>(<share>)...<year 2> <word 2><glued counts>(<share>)
...<change word><change run>`:
the counts are split where every count / base reproduces the printed share (the base is read
from the text), and the run of year-on-year changes is decoded by the glyph rule of
`repairs.decode_glyph`.  The words, the years and every code its rows get are its parameters.

`glued_decimal_run` reads a chart flattened into one run of glued decimals
(`50.572.126.850.152.777.526.251.6`): cells printed with a fixed number of decimals and nothing
between them split in one way only; the cells must cover the run exactly, one per entry of `cells`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from fintech_stats.curation.context import Context, LayoutFunction
from fintech_stats.model.observation import Observation
from fintech_stats.text import quantity

__all__ = ["LAYOUTS", "count_share_yoy_block", "encode_garbled", "glued_decimal_run", "split_glued_counts"]

_SHARE_RE = re.compile(r"\((\d+(?:\.\d+)?%)\)")
_ONE_DECIMAL = Decimal("0.1")


def _pct(part: int, base: int) -> Decimal:
    return (Decimal(part) * 100 / Decimal(base)).quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)


def _compositions(run: str, k: int) -> Iterator[list[str]]:
    if k == 1:
        if run and (run == "0" or not run.startswith("0")):
            yield [run]
        return
    for cut in range(1, len(run) - k + 2):
        head = run[:cut]
        if head != "0" and head.startswith("0"):
            continue
        for rest in _compositions(run[cut:], k - 1):
            yield [head, *rest]


def split_glued_counts(run: str, shares: Sequence[Decimal], base: int) -> tuple[list[str], list[int]]:
    """Split a glued digit run into len(shares) counts so that count/base reproduces the shares.

    Returns the parts and the indexes of the shares the best split does not reproduce.  The best
    split must be unique and miss at most one share (a printed typo); otherwise ValueError.
    """
    scored: list[tuple[int, list[str]]] = []
    for parts in _compositions(run, len(shares)):
        misses = sum(_pct(int(p), base) != s for p, s in zip(parts, shares, strict=True))
        scored.append((misses, parts))
    if not scored:
        raise ValueError(f"{run!r} cannot be split into {len(shares)} counts")
    best = min(m for m, _ in scored)
    winners = [p for m, p in scored if m == best]
    if best > 1 or len(winners) != 1:
        raise ValueError(
            f"no unique split of {run!r} fits the shares {list(map(str, shares))} of "
            f"{base} (best misses {best}, {len(winners)} candidates)"
        )
    parts = winners[0]
    return parts, [i for i, (p, s) in enumerate(zip(parts, shares, strict=True)) if _pct(int(p), base) != s]


def encode_garbled(value: Decimal) -> tuple[str, str | None]:
    """How a damaged change cell prints `value` (one decimal), and the repair that undoes it.

    Negative values and values under 10 print intact.  Otherwise the first two digits become the
    character whose code they are in hex (`66.7` -> `f.7`); a control character is dropped.
    """
    text = f"{value:.1f}"
    if value < 10:
        return text, None
    code = int(text[:2], 16)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return text[2:], "control_char_dropped"
    return chr(code) + text[2:], "glyph_decoded"


def _match_yoy(run: str, pos: int, encoded: Sequence[str]) -> list[tuple[int, int]] | None:
    """Spans of the encoded cells laid end to end over run[pos:], each with or without its '%'."""
    if not encoded:
        return [] if pos == len(run) else None
    cell = encoded[0]
    if not run.startswith(cell, pos):
        return None
    for end in (pos + len(cell) + 1, pos + len(cell)):
        if end == pos + len(cell) + 1 and not run.startswith("%", pos + len(cell)):
            continue
        rest = _match_yoy(run, end, encoded[1:])
        if rest is not None:
            return [(pos, end), *rest]
    return None


#: The roles of a count / share / change block's rows; `measures` gives each its code.
_BLOCK_ROLES = ("count", "share", "change")


@dataclass(frozen=True)
class _Block:
    """What every step of reading one count / share / change block needs."""

    ctx: Context
    label: str
    bucket_dim: str
    buckets: tuple[str, ...]
    measure_dim: str
    measures: dict[str, str]
    location: str | None

    def observe(
        self, dims: dict[str, str | int], bucket: str, role: str, start: int, end: int, **options: Any
    ) -> Observation:
        """The observation of one cell: the period's dimensions, its bucket and its role's measure."""
        cell = {**dims, self.bucket_dim: bucket, self.measure_dim: self.measures[role]}
        return self.ctx.observe(cell, start, end, location=self.location, **options)


def count_share_yoy_block(
    ctx: Context,
    *,
    label: str,
    end: str,
    base_anchor: str,
    bucket_dim: str,
    buckets: Sequence[str],
    periods: Sequence[dict[str, Any]],
    change_word: str,
    measure_dim: str,
    measures: dict[str, str],
    location: str | None = None,
) -> list[Observation]:
    """Read one block of a count / share / change table (see the module docstring).

    The block reads `<label><year 1> <word 1><glued counts>(<share>)...<year 2> <word 2><glued
    counts>(<share>)...<change_word><change run>` and ends where the regex `end` matches.
    `periods`: its two rows in print order, each `{ word = ..., year = ..., <dimension> = <code> }`:
    the word after the printed year, the year the block must print, and the codes of the row's
    other dimensions; the change cells take the second period's.  `base_anchor` (one `{Q}`) reads
    the number the shares are of.  Each cell gets `bucket_dim` = its bucket and `measure_dim` =
    `measures[role]`, the code of its role (`count`, `share`, `change`).
    """
    if len(periods) != 2 or not all("word" in p and "year" in p for p in periods):
        raise ctx.fail("layout parameters: 'periods' must be two tables, each with a 'word' and a 'year'")
    if sorted(measures) != sorted(_BLOCK_ROLES):
        raise ctx.fail(f"layout parameters: 'measures' must give the codes of {', '.join(_BLOCK_ROLES)}")
    block = _Block(ctx, label, bucket_dim, tuple(buckets), measure_dim, dict(measures), location)
    base = int(ctx.read(base_anchor).quantities[0].value)
    match = _find_block(ctx, label, end, [str(p["word"]) for p in periods], change_word)
    dims = [{k: v for k, v in p.items() if k != "word"} for p in periods]
    printed = (int(match.group("y1")), int(match.group("y2")))
    if printed != (int(dims[0]["year"]), int(dims[1]["year"])):
        raise ctx.fail(f"block {label!r} is for years {printed[0]}/{printed[1]}")
    out: list[Observation] = []
    counts: list[list[int]] = []
    for group, period in zip(("1", "2"), dims, strict=True):
        rows, period_counts = _period_rows(block, match, group, period, base)
        out += rows
        counts.append(period_counts)
    out += _change_rows(block, match, counts[0], counts[1], dims[1], change_word)
    return out


def _find_block(ctx: Context, label: str, end: str, words: Sequence[str], change_word: str) -> re.Match[str]:
    """The one match of the block: its years (y1, y2), glued counts (c1, c2), shares (s1, s2), change run."""
    shares = r"(?:\(\d+(?:\.\d+)?%\))+"
    pattern = re.compile(
        re.escape(label)
        + rf"(?P<y1>\d{{4}}) {re.escape(words[0])}(?P<c1>\d+)(?P<s1>{shares})"
        + rf"(?P<y2>\d{{4}}) {re.escape(words[1])}(?P<c2>\d+)(?P<s2>{shares})"
        + rf"{re.escape(change_word)}(?P<yoy>.*?)(?={end})"
    )
    matches = list(pattern.finditer(ctx.text))
    if len(matches) != 1:
        raise ctx.fail(f"block {label!r} matched {len(matches)} times")
    return matches[0]


def _period_rows(
    block: _Block, match: re.Match[str], group: str, dims: dict[str, Any], base: int
) -> tuple[list[Observation], list[int]]:
    """The count and share cells of one period, and its counts: the glued counts are split where
    every count / base reproduces its printed share."""
    ctx, label, year = block.ctx, block.label, dims["year"]
    shares = list(_SHARE_RE.finditer(ctx.text, match.start("s" + group), match.end("s" + group)))
    if len(shares) != len(block.buckets):
        raise ctx.fail(f"block {label!r} {year}: {len(shares)} shares for {len(block.buckets)} buckets")
    share_values = [quantity.parse(s.group(1)).value for s in shares]
    try:
        parts, misses = split_glued_counts(match.group("c" + group), share_values, base)
    except ValueError as exc:
        raise ctx.fail(f"block {label!r} {year}: {exc}") from None
    out: list[Observation] = []
    pos = match.start("c" + group)
    for i, (bucket, part, share) in enumerate(zip(block.buckets, parts, shares, strict=True)):
        out.append(block.observe(dims, bucket, "count", pos, pos + len(part), unit="count", repair="digits_glued"))
        pos += len(part)
        note = None
        if i in misses:
            note = f"Printed share does not match its count: {part}/{base} = {_pct(int(part), base)}%; kept as printed."
        out.append(block.observe(dims, bucket, "share", *share.span(1), note=note))
    return out, [int(p) for p in parts]


def _change_rows(
    block: _Block,
    match: re.Match[str],
    first: Sequence[int],
    second: Sequence[int],
    dims: dict[str, Any],
    change_word: str,
) -> list[Observation]:
    """The change cells: each must be the damaged print (`encode_garbled`) of second / first - 1."""
    ctx = block.ctx
    expected = [
        ((Decimal(b) / Decimal(a) - 1) * 100).quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)
        for a, b in zip(first, second, strict=True)
    ]
    encoded = [encode_garbled(v) for v in expected]
    run_start = match.start("yoy")
    spans = _match_yoy(match.group("yoy"), 0, [e for e, _ in encoded])
    if spans is None:
        raise ctx.fail(
            f"block {block.label!r}: the {change_word} run {match.group('yoy')!r} is not the "
            f"encoding of the changes the counts give ({[str(v) for v in expected]})"
        )
    out: list[Observation] = []
    for bucket, value, (_, repair), (a, b) in zip(block.buckets, expected, encoded, spans, strict=True):
        start, stop = run_start + a, run_start + b
        note = None
        if repair is not None:
            note = (
                f"{change_word} cell printed as {ctx.text[start:stop]!r}: its leading digits became a "
                f"character; decoded, and checked against the counts of both years."
            )
        out.append(
            block.observe(dims, bucket, "change", start, stop, value=value, unit="percent", repair=repair, note=note)
        )
    return out


_CELL_OPTIONS = ("mention", "note")


def glued_decimal_run(
    ctx: Context,
    *,
    before: str,
    after: str,
    decimals: int,
    cells: list[dict[str, Any]],
    unit: str | None = None,
    location: str | None = None,
) -> list[Observation]:
    """Split the run of glued decimals between `before` and `after` into `cells`."""
    head = ctx.find(before)
    tail = ctx.find(after, start=head.end())
    start, stop = head.end(), tail.start()
    run = ctx.text[start:stop]
    cell_re = re.compile(rf"\d+\.\d{{{int(decimals)}}}")
    pieces = list(cell_re.finditer(run))
    if "".join(m.group(0) for m in pieces) != run:
        raise ctx.fail(f"the text between before and after is not a run of {decimals}-decimal numbers: {run!r}")
    if len(pieces) != len(cells):
        raise ctx.fail(f"the run {run!r} holds {len(pieces)} cells, the layout names {len(cells)}")
    out: list[Observation] = []
    for piece, cell in zip(pieces, cells, strict=True):
        dims = {**ctx.table.fixed, **{k: v for k, v in cell.items() if k not in _CELL_OPTIONS}}
        out.append(
            ctx.observe(
                dims,
                start + piece.start(),
                start + piece.end(),
                unit=unit,
                repair="digits_glued",
                note=cell.get("note"),
                mention=str(cell.get("mention", "primary")),
                location=location,
            )
        )
    return out


#: The shared layout parsers, by the name tables.toml gives in `[[table.layouts]] parser = ...`.
LAYOUTS: dict[str, LayoutFunction] = {
    "count_share_yoy_block": count_share_yoy_block,
    "glued_decimal_run": glued_decimal_run,
}
