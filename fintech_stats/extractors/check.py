"""Developer tool: run one report's extractor and print its tables, or the first error.

python -m fintech_stats.extractors.check fe-graph-database-survey-2023 [TABLE ...]
"""

from __future__ import annotations

import sys

from fintech_stats.corpus import get_report
from fintech_stats.errors import FintechStatsError
from fintech_stats.extractors import extractor_modules
from fintech_stats.extractors.extract import extract_table


def main(argv: list[str]) -> int:
    """Print every observation of the named report (and tables); 1 on the first error."""
    report_id, wanted = argv[0], set(argv[1:])
    module = next(m for m in extractor_modules() if report_id == m.REPORT_ID)
    text = get_report(report_id).text
    total = 0
    for tdef in module.TABLES:
        if wanted and tdef.name not in wanted:
            continue
        try:
            rows = extract_table(tdef, report_id, text)
        except FintechStatsError as exc:
            print(f"ERROR {exc}")
            return 1
        keys = [o.dims for o in rows if o.mention == "primary"]
        dupes = {k for k in keys if keys.count(k) > 1}
        print(f"== {tdef.name}: {len(rows)} rows" + (f"  DUPLICATE KEYS {dupes}" if dupes else ""))
        for o in rows:
            dims = " ".join(f"{k}={v}" for k, v in o.dims)
            high = f"..{o.value_high}" if o.value_high is not None else ""
            print(
                f"  {dims} | {o.value}{high} {o.unit} {o.qualifier} | {o.literal!r}@{o.span_start}"
                + (f" [{o.repair}]" if o.repair else "")
                + (" (restatement)" if o.mention != "primary" else "")
            )
        total += len(rows)
    print(f"total {total} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
