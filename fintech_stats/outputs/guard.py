"""Where generated output (the static site, the SQLite file) may be written, and how it is put in place.

Output is written beside its target and renamed into place, so a failed run leaves nothing
half-written.  A target is refused when it is, holds or lies inside the published store or the
package (the package never holds report text), or when it holds the checkout, the current or the
home directory; an existing target is replaced only with `force`, and only when it is output of
the same kind (so `--force` never deletes someone's folder).
"""

from __future__ import annotations

from pathlib import Path

from fintech_stats import store
from fintech_stats.errors import ExportTargetError, ExportTargetExistsError

__all__ = ["check_target", "holds", "package_dir", "refuse_existing"]


def package_dir() -> Path:
    """The installed `fintech_stats` package directory."""
    return Path(__file__).resolve().parents[1]


def holds(outer: Path, inner: Path) -> bool:
    """Whether `outer` is `inner` or one of its parents."""
    return outer == inner or outer in inner.parents


def check_target(target: Path, what: str) -> Path:
    """The absolute location of `target` after refusing a place that output may never go to.

    `what` names the output in messages ("site", "SQLite file").
    """
    location = target.resolve() if target.name in ("", ".", "..") else target.parent.resolve() / target.name
    resolved = location.resolve()
    package = package_dir()
    checkout = package.parent if (package.parent / "pyproject.toml").is_file() else None
    for name, place in (
        ("the published store", store.datasets_dir().resolve()),
        ("the fintech_stats package", package),
    ):
        for path in {location, resolved}:
            if holds(path, place):
                raise ExportTargetError(f"{what} target {target} holds {name} ({place}): choose another place")
            if holds(place, path):
                raise ExportTargetError(f"{what} target {target} is inside {name} ({place}): choose another place")
    holders = [("the current directory", Path.cwd().resolve()), ("the home directory", Path.home().resolve())]
    if checkout is not None:
        holders.append(("the checkout", checkout))
    for name, place in holders:
        if any(holds(path, place) for path in {location, resolved}):
            raise ExportTargetError(f"{what} target {target} holds {name} ({place}): choose another place")
    ancestor = location.parent
    while not ancestor.exists():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise ExportTargetError(f"{what} target {target}: {ancestor} is a file, not a directory")
    return location


def refuse_existing(target: Path, location: Path, force: bool, ours: bool, what: str) -> None:
    """Refuse an existing target unless `force` and it is earlier output of this kind (`ours`)."""
    if not location.exists() and not location.is_symlink():
        return
    if not ours:
        raise ExportTargetError(
            f"{what} target {target} exists and is not a {what} written by fintech-stats: "
            "choose another place or remove it yourself"
        )
    if not force:
        raise ExportTargetExistsError(f"{what} target {target} exists; choose another or pass --force to replace it")
