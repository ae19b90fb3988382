"""Curator's tool: the coverage ledger of one report: every number not yet a claim, a gap or excluded.

    python -m fintech_stats.tools.ledger r05            # summary and every unaccounted number in context
    python -m fintech_stats.tools.ledger r05 --summary  # only the counts

Each unaccounted number is printed with its offset and 25 characters either side, so that an
exclusion rule (exclusions.tsv: a regex with one group, a kind, how many times it matches) or a
claim row can be written for it.
"""

from __future__ import annotations

import sys
from collections import Counter

from fintech_stats.curation.ledger import classify
from fintech_stats.errors import FintechStatsError
from fintech_stats.tools.run import run_folder


def main(argv: list[str]) -> int:
    """Print the ledger of one report folder; 1 on an error or when numbers are unaccounted."""
    if not argv:
        print("usage: python -m fintech_stats.tools.ledger rNN [--summary]", file=sys.stderr)
        return 2
    try:
        curation, text, result = run_folder(argv[0])
    except FintechStatsError as exc:
        print(f"ERROR {exc}")
        return 1
    claims = [o for _, obs in result.tables for o in obs]
    entries = classify(curation.report_id, text, claims, result.gaps, result.exclusions)
    statuses = Counter(e.status for e in entries)
    kinds = Counter(e.kind for e in entries if e.status == "excluded")
    print(
        f"{curation.report_id}: {len(entries)} numbers: {statuses['claim']} in claims, {statuses['gap']} in gaps, "
        f"{statuses['excluded']} excluded ({', '.join(f'{k} {n}' for k, n in kinds.most_common())}), "
        f"{statuses['unaccounted']} unaccounted"
    )
    if "--summary" not in argv:
        for e in entries:
            if e.status == "unaccounted":
                before = text[max(0, e.span_start - 25) : e.span_start].replace("\n", " ")
                after = text[e.span_end : e.span_end + 25].replace("\n", " ")
                print(f"{e.span_start:>7}  {before}[{e.text}]{after}")
    return 1 if statuses["unaccounted"] else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
