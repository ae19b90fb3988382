"""Curator's tool: run one report's curation and print its rows, or the error.

python -m fintech_stats.tools.run r05 [TABLE ...]
"""

from __future__ import annotations

import sys
from collections import Counter

from fintech_stats.corpus.reports import get_report
from fintech_stats.curation import FOLDER, ReportCuration, read_curation, run
from fintech_stats.curation.files import Curation
from fintech_stats.errors import FintechStatsError


def run_folder(name: str) -> tuple[Curation, str, ReportCuration]:
    """The curation folder `name` (rNN), its report's text, and its run over it (FintechStatsError
    on the first problem)."""
    curation = read_curation(FOLDER / name)
    text = get_report(curation.report_id).text
    return curation, text, run(curation, text)


def main(argv: list[str]) -> int:
    """Print every observation of the named report folder (and tables); 1 on an error."""
    if not argv:
        print("usage: python -m fintech_stats.tools.run rNN [TABLE ...]", file=sys.stderr)
        return 2
    wanted = set(argv[1:])
    try:
        _, _, result = run_folder(argv[0])
    except FintechStatsError as exc:
        print(f"ERROR {exc}")
        return 1
    total = 0
    for tdef, rows in result.tables:
        if wanted and tdef.name not in wanted:
            continue
        keys = Counter(o.dims for o in rows if o.mention == "primary")
        dupes = [dict(k) for k, n in keys.items() if n > 1]
        print(f"== {tdef.name}: {len(rows)} rows" + (f"  ERROR duplicate keys {dupes}" if dupes else ""))
        for o in rows:
            dims = " ".join(f"{k}={v}" for k, v in o.dims)
            high = f"..{o.value_high}" if o.value_high is not None else ""
            print(
                f"  {dims} | {o.value}{high} {o.unit} {o.qualifier} | {o.literal!r}@{o.span_start}"
                + (f" [{o.repair}]" if o.repair else "")
                + (f" ({o.mention})" if o.mention != "primary" else "")
            )
        total += len(rows)
    print(f"total {total} rows in {len(result.tables)} tables, {len(result.gaps)} gaps")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
