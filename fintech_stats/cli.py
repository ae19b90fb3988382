"""The `fintech-stats` command: list, show, build and check tables."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from fintech_stats.errors import FintechStatsError


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line on stderr (exit 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"want a whole number of at least 1, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"want a whole number of at least 1, not {value}")
    return value


def _notify(message: str) -> None:
    print(f"fintech-stats: {message}", file=sys.stderr)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _tables(_: argparse.Namespace) -> int:
    # Only the catalog (JSON): listing imports neither pandas nor pyarrow.
    from fintech_stats import store

    entries = store.catalog_entries()
    if not entries:
        raise FintechStatsError(f"the store {store.datasets_dir()} lists no table")
    width = max(len(t) for t in entries)
    for name in sorted(entries):
        version = max(entries[name], key=store.version_key)
        entry = entries[name][version]
        print(f"{name:<{width}}  {version:<7} {_plural(int(entry['rows']), 'row'):>9}  {entry['title']}")
    return 0


def _show(args: argparse.Namespace) -> int:
    import pandas as pd

    from fintech_stats.access import loader

    frame = loader.load(args.table, args.version, args.labels)
    columns = [c for c in frame.columns if c != "report_id"]
    if getattr(args, "info", False):
        from fintech_stats.access.info import info

        print(repr(info(args.table, args.version)))
        print()
    with pd.option_context("display.max_rows", args.rows, "display.max_columns", None, "display.width", 200):
        print(frame[columns].to_string(max_rows=args.rows))
    return 0


def _build(args: argparse.Namespace) -> int:
    from fintech_stats.pipeline import publish, verify

    if args.check:
        problems = verify.check()
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"build --check: {len(problems)} problem(s) with the published tables", file=sys.stderr)
            return 1
        print("build --check: the rebuild equals the published tables")
        return 0
    result = publish.build(notify=_notify)
    for name in result.written:
        print(f"wrote {name}")
    print(f"{len(result.written)} table version(s) written, {len(result.unchanged)} unchanged, in {result.directory}")
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.format == "sqlite":
        from fintech_stats.outputs.sqlite import sqlite_cli

        return sqlite_cli(args)
    if args.all_versions:
        raise FintechStatsError("--all-versions applies to --format sqlite only")
    from fintech_stats.outputs.exports import export

    target = export(args.out, args.format, args.tables, args.labels, args.force, notify=_notify)
    print(f"exported {len(args.tables) if args.tables else 'all'} table(s) as {args.format} to {target}")
    return 0


def _verify(_: argparse.Namespace) -> int:
    from fintech_stats import store

    checked, problems = store.verify_all()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        unlisted = sum("not listed in the catalog" in p for p in problems)
        print(
            f"verify: {len(problems) - unlisted} of {checked} published files do not match the catalog"
            + (f"; {unlisted} entries of {store.datasets_dir()} are not listed in it" if unlisted else ""),
            file=sys.stderr,
        )
        return 1
    print(f"verify: all {checked} published files match their catalog sha256 ({store.datasets_dir()})")
    return 0


def _search(args: argparse.Namespace) -> int:
    from fintech_stats.access.query import search

    found = search(" ".join(args.query), limit=args.limit)
    if found.empty:
        closest = found.attrs.get("closest") or []
        print("no table matches" + (f"; closest: {', '.join(closest)}" if closest else ""), file=sys.stderr)
        return 1
    for row in found.itertuples():
        print(f"{row.score:6.2f}  {row.table:<50} {row.title}")
    return 0


def _docs(args: argparse.Namespace) -> int:
    from pathlib import Path

    from fintech_stats.outputs import docs as datadict

    written = datadict.write(Path(args.out), force=args.force)
    print(f"wrote {len(written)} documentation file(s) into {args.out}")
    readme = Path(args.out).resolve().parent / "README.md"
    if readme.is_file() and datadict.sync_readme(readme):
        print(f"updated the generated section of {readme}")
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of the command."""
    from fintech_stats._version import __version__
    from fintech_stats.model import vocabulary
    from fintech_stats.outputs import site, sqlite
    from fintech_stats.tools import ingest
    from fintech_stats.tools import propose as curate

    top = _Parser(prog="fintech-stats", description=__doc__)
    top.add_argument("--version", action="version", version=f"fintech-stats {__version__}")
    sub = top.add_subparsers(dest="command", required=True)
    sub.add_parser("tables", help="list the published tables").set_defaults(run=_tables)
    show = sub.add_parser("show", help="print a table")
    show.add_argument("table")
    show.add_argument("--version")
    show.add_argument("--labels", default="code", choices=tuple(vocabulary.LABELS))
    show.add_argument("--rows", type=_positive, default=60, help="at most this many rows (default 60)")
    show.add_argument("--info", action="store_true", help="first print what to know before citing it (fs.info)")
    show.set_defaults(run=_show)
    build = sub.add_parser("build", help="extract every table from the corpus and publish new versions")
    build.add_argument(
        "--check",
        action="store_true",
        help="rebuild in a temporary directory and fail on any difference from datasets/",
    )
    build.set_defaults(run=_build)
    export = sub.add_parser("export", help="write tables as CSV (+datapackage.json), one xlsx workbook, or Parquet")
    export.add_argument("--format", choices=vocabulary.EXPORT_FORMATS, default="csv")
    export.add_argument(
        "--out", required=True, help="directory (a file for sqlite) to create (refused if it exists, unless --force)"
    )
    sqlite.add_export_arguments(export)
    export.add_argument("--tables", nargs="+", metavar="TABLE", help="only these tables (default: all)")
    export.add_argument(
        "--labels",
        default="code",
        choices=tuple(vocabulary.LABELS),
        help="dimension values as codes, Chinese or English labels (zh also gives Chinese headers)",
    )
    export.add_argument("--force", action="store_true", help="replace an existing --out")
    export.set_defaults(run=_export)
    verify = sub.add_parser("verify", help="check every published file against its catalog sha256")
    verify.set_defaults(run=_verify)
    search = sub.add_parser("search", help="find tables by words in English or Chinese")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=_positive, default=10)
    search.set_defaults(run=_search)
    docs = sub.add_parser("docs", help="regenerate the data dictionary (docs/) from the published metadata")
    docs.add_argument("--out", default="docs")
    docs.add_argument("--force", action="store_true", help="write into a folder of documentation made elsewhere")
    docs.set_defaults(run=_docs)
    curate.add_cli(sub)
    ingest.add_cli(sub)
    site.add_cli(sub)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; a user error (of this library, or of the system: a full disk, no permission)
    prints one clear line and exits 2; a traceback is left only to bugs."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # a usage error (one line, see _Parser) or --help
        return exc.code if isinstance(exc.code, int) else 2
    try:
        code: int = args.run(args)
    except (FintechStatsError, OSError) as exc:
        message = " ".join(str(exc).split())  # one line, whatever the message holds
        print(f"fintech-stats: error: {message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("fintech-stats: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    raise SystemExit(main())
