"""The one atomic writer (`fintech_stats.store.writes`): what a failure or a kill leaves, and that
every writer of the package goes through it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fintech_stats.store import writes

PACKAGE = Path(__file__).resolve().parents[1] / "fintech_stats"


def test_a_failed_block_leaves_the_old_directory_and_nothing_beside_it(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "old.txt").write_text("old", "utf-8")
    with pytest.raises(RuntimeError, match="half-way"), writes.replacing(target) as new:
        (new / "new.txt").write_text("new", "utf-8")
        raise RuntimeError("half-way")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in target.iterdir()) == ["old.txt"]


def test_a_finished_block_replaces_a_directory_and_a_file(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "old.txt").write_text("old", "utf-8")
    with writes.replacing(target) as new:
        (new / "new.txt").write_text("new", "utf-8")
    assert sorted(p.name for p in target.iterdir()) == ["new.txt"]
    page = tmp_path / "page.md"
    page.write_text("old\n", "utf-8")
    writes.write_text(page, "new\r\n")
    assert page.read_bytes() == b"new\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "page.md"]


def test_a_failed_second_rename_puts_the_old_directory_back(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "mine.txt").write_text("keep", "utf-8")
    missing = tmp_path / "stage" / "new"  # a rename of what does not exist fails
    (tmp_path / "stage").mkdir()
    missing.mkdir()
    missing.rmdir()
    with pytest.raises(FileNotFoundError):
        writes.put_in_place(missing, target, tmp_path / "stage" / "old")
    assert (target / "mine.txt").read_text("utf-8") == "keep"


def test_clear_stale_restores_a_target_moved_aside_and_keeps_what_is_not_ours(tmp_path: Path) -> None:
    target = tmp_path / "out"
    killed = tmp_path / ".out-abcd1234"
    (killed / "old").mkdir(parents=True)
    (killed / "old" / "mine.txt").write_text("keep", "utf-8")
    (killed / writes.STAGE_LOCK).write_text("", "utf-8")
    foreign = tmp_path / ".out-wxyz9876"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("someone's", "utf-8")
    messages: list[str] = []
    assert writes.clear_stale(target, messages.append, "export") == [killed]
    assert (target / "mine.txt").read_text("utf-8") == "keep"
    assert (foreign / "notes.txt").is_file()
    assert any("restored" in m for m in messages) and any("interrupted export" in m for m in messages)


def test_a_running_writer_is_not_cleared(tmp_path: Path) -> None:
    target = tmp_path / "out"
    with writes.replacing(target) as new:
        assert writes.clear_stale(target, lambda m: None) == []
        assert new.is_dir()
    assert target.is_dir()


# Ways of putting a file or directory in place; only store/writes.py may use them (and the
# rebuild of `build --check`, which builds a throw-away store in a temporary directory).
_PLACING = re.compile(r"os\.replace\(|\.rename\((?!columns=)|shutil\.move\(|mkdtemp\(|mkstemp\(|TemporaryDirectory\(")
_ALLOWED = {"store/writes.py", "pipeline/verify.py"}


def test_every_writer_goes_through_the_one_atomic_writer() -> None:
    found = [
        f"{path.relative_to(PACKAGE)}:{n}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).as_posix() not in _ALLOWED
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _PLACING.search(line) and not line.lstrip().startswith("#")
    ]
    assert found == []
