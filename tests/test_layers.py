"""The package's layers: the import contract of pyproject.toml holds, no module reaches into another
module's private names, and every layer says what it holds.

The contract itself is checked by import-linter (`lint-imports`, run by .ci/run); this file checks
what import-linter cannot see: names with a leading underscore taken from another module.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "fintech_stats"
PYPROJECT = PACKAGE.parent / "pyproject.toml"
LAYERS = ("model", "text", "corpus", "curation", "pipeline", "store", "access", "outputs", "tools")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_reaches(source: str, module: str) -> list[str]:
    """Where `source` (the text of `module`) uses a private name of another fintech_stats module."""
    tree = ast.parse(source)
    found: list[str] = []
    aliases: dict[str, str] = {}  # local name -> the fintech_stats module it is
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("fintech_stats"):
            for alias in node.names:
                if _private(alias.name) and node.module != module:
                    found.append(f"{module}:{node.lineno}: from {node.module} import {alias.name}")
                # `from fintech_stats.x import y` may bind a module y: remember it by its full name.
                aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("fintech_stats"):
                    aliases[alias.asname or alias.name.split(".")[0]] = alias.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and _private(node.attr)
            and aliases[node.value.id] != module
        ):
            found.append(f"{module}:{node.lineno}: {node.value.id}.{node.attr}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) >= 2
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id in aliases
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and _private(node.args[1].value)
        ):
            found.append(f"{module}:{node.lineno}: getattr({node.args[0].id}, {node.args[1].value!r})")
    return found


def test_no_module_uses_another_modules_private_names() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += private_reaches(path.read_text(encoding="utf-8"), _module_name(path))
    assert found == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from fintech_stats.access.query import _index\n", 1),
        ("from fintech_stats.outputs import exports\nexports._write_csv()\n", 1),
        ("from fintech_stats.outputs import exports\ngetattr(exports, '_write_xlsx')\n", 1),
        ("import fintech_stats.access.query as q\nq._STOP_WORDS\n", 1),
        ("from fintech_stats.access import query\nquery.search('x')\n", 0),
        ("from fintech_stats.model.spec import TableSpec\nTableSpec.__name__\n", 0),
    ],
)
def test_the_private_name_check_sees_each_way_in(source: str, expected: int) -> None:
    assert len(private_reaches(source, "fintech_stats.outputs.site")) == expected


def test_every_layer_is_a_package_that_says_what_it_holds() -> None:
    for layer in LAYERS:
        init = PACKAGE / layer / "__init__.py"
        assert init.is_file(), layer
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 60, f"{layer}/__init__.py has no docstring saying what it holds"
    flat = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert flat == ["__init__.py", "_version.py", "cli.py", "errors.py"], flat


def test_the_contract_names_every_layer_in_order() -> None:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    named = [name.strip().removeprefix("fintech_stats.") for line in layers for name in line.split("|")]
    assert set(LAYERS) <= set(named)
    # The data flows model -> text -> corpus -> curation -> pipeline -> access -> outputs -> tools -> cli:
    # each is listed (highest first) above the one it reads.
    order = [
        named.index(layer) for layer in ("cli", "tools", "outputs", "pipeline", "curation", "corpus", "text", "model")
    ]
    assert order == sorted(order)


def test_no_import_circle_between_any_two_modules() -> None:
    # The layers contract forbids upward imports between layers; this also sees a circle inside one
    # layer (corpus.reports <-> corpus.ingested was one), imports inside functions included.
    import grimp

    graph = grimp.build_graph("fintech_stats")
    circles = sorted(
        {
            tuple(sorted((module, imported)))
            for module in graph.modules
            for imported in graph.find_modules_directly_imported_by(module)
            if graph.chain_exists(importer=imported, imported=module)
        }
    )
    assert circles == []
