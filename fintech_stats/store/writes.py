"""How everything this package writes is put in place: the one atomic writer.

Whatever is written (a build's table versions and store-wide files, an export, the SQLite file, the
site, the data dictionary's pages, an ingested report) is first written into a staging directory
beside its target, named `.<target>-XXXXXXXX` (or the build's `.build-XXXXXXXX`), holding a lock
file while its writer runs; then it is renamed into place.  A file replaces its old self in one
rename; a directory moves its old self aside into the staging directory first, and back if the
second rename fails.  So a reader, or a run killed at any moment, finds the old output or the new
one, never half of either; a killed run's staging directory is recognised and cleared (see
`clear_stale`), and anything else beside the target is never touched.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["STAGE_LOCK", "clear_stale", "put_in_place", "replacing", "staging", "write_text"]

#: The lock file inside a staging directory, held while its writer runs.
STAGE_LOCK = ".lock"
#: The names a staging directory of `replacing` holds: the new output, the old one moved aside, the lock.
_STAGED = frozenset({"new", "old", STAGE_LOCK})
#: A staging directory without its lock is left alone this long (its writer may be creating it).
_GRACE_SECONDS = 60.0


@contextmanager
def staging(parent: Path, prefix: str) -> Iterator[Path]:
    """A new directory `parent/<prefix>XXXXXXXX`, its lock held while the block runs, removed after."""
    parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    try:
        with (tmp / STAGE_LOCK).open("w") as lock:
            # Held while this writer runs, so that another writer's cleanup leaves this one alone.
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def put_in_place(new: Path, location: Path, aside: Path) -> None:
    """Rename `new` to `location`.

    A file replaces an existing file in one rename.  An existing directory is moved to `aside` (in
    the same staging directory) first, and put back if the rename of `new` fails.
    """
    if not new.is_dir() and not location.is_dir():
        os.replace(new, location)
        return
    moved = location.exists() or location.is_symlink()
    if moved:
        location.rename(aside)
    try:
        new.rename(location)
    except BaseException:
        if moved:  # put the old target back rather than delete it with the staging directory
            aside.rename(location)
        raise


@contextmanager
def replacing(location: Path, directory: bool = True) -> Iterator[Path]:
    """Yield the path to write the new `location` at (a directory, made, or a file path); when the
    block ends without an error it replaces `location` (see `put_in_place`); on an error nothing changed."""
    with staging(location.parent, f".{location.name}-") as tmp:
        new = tmp / "new"
        if directory:
            new.mkdir()
        yield new
        put_in_place(new, location, tmp / "old")


def write_text(path: Path, text: str) -> None:
    """Write a UTF-8 text file (newlines as given) in one step: a reader sees the old or the new file."""
    with replacing(path, directory=False) as new, new.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def clear_stale(location: Path, notify: Callable[[str], None], what: str = "write") -> list[Path]:
    """Remove the staging directories that killed runs of `replacing(location)` left beside it.

    Only a directory named as `replacing` names it, holding nothing but what it puts there, whose
    lock no running writer holds, is removed; if the run was killed between its two renames, the
    old target it had moved aside is put back first.  Returns the directories removed.
    """
    pattern = re.compile(rf"^\.{re.escape(location.name)}-[A-Za-z0-9_]{{8}}$")
    removed: list[Path] = []
    if not location.parent.is_dir():
        return removed
    for stage in sorted(location.parent.iterdir()):
        if not (pattern.match(stage.name) and stage.is_dir() and not stage.is_symlink()):
            continue
        names = {p.name for p in stage.iterdir()}
        if not names <= _STAGED:
            continue  # not ours
        if STAGE_LOCK not in names and time.time() - stage.stat().st_mtime < _GRACE_SECONDS:
            continue
        if STAGE_LOCK in names:
            with (stage / STAGE_LOCK).open("a") as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    continue  # a run writing now
        if "old" in names and not location.exists():
            # Killed between moving the old target aside and moving the new one in: put it back.
            (stage / "old").rename(location)
            notify(f"restored {location} from {stage}, where an interrupted {what} had moved it")
        shutil.rmtree(stage)
        removed.append(stage)
        notify(f"removed {stage}: the staging directory of an interrupted {what}")
    return removed
