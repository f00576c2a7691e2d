"""The package graph flows one way: files -> text -> rules -> lint -> ... -> cli.

Every import of a copyfix module counts, at module level or inside a function (an import hidden in
a function still makes a cycle, it only defers it). Imports under ``if TYPE_CHECKING:`` do not:
they never run and only name types for annotations.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "copyfix"

#: Each stage may import only stages of a lower or equal rank (and itself).
LAYERS = {
    "version": 0,
    "model": 0,
    "patterns": 0,
    "text": 1,
    "rules": 2,
    "lint": 3,
    "testing": 4,
    "packs": 5,
    "config": 6,
    "io": 7,
    "corpus": 8,
    "output": 9,
    "cli": 10,
}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[tuple[str, int]]:
    """(imported copyfix module, line) for every import that can run."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend((a.name, node.lineno) for a in node.names if a.name.startswith("copyfix"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("copyfix"):
            # ``from copyfix.output import report`` imports the module copyfix.output.report;
            # ``from copyfix.output.report import render`` imports copyfix.output.report.
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.append((candidate if candidate in MODULES else node.module, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


FILES = sorted(SRC.rglob("*.py"))
MODULES = {_module_name(p): p for p in FILES}
GRAPH = {name: _imports(ast.parse(path.read_text(encoding="utf-8"))) for name, path in MODULES.items()}


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_every_stage_has_a_rank():
    stages = {_stage(m) for m in MODULES} - {None}
    assert stages <= set(LAYERS), f"stages without a rank: {sorted(stages - set(LAYERS))}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m != "copyfix"))
def test_imports_flow_one_way(module):
    """No module imports a later stage, and none imports the package facade (``copyfix``), which
    is for users and imports the linter."""
    rank = LAYERS[_stage(module)]
    upward = [
        f"line {line}: {target}"
        for target, line in GRAPH[module]
        if target == "copyfix" or LAYERS[_stage(target)] > rank
    ]
    assert not upward, f"{module} imports a later stage: {upward}"


def test_no_import_cycle():
    edges = {m: {t for t, _ in GRAPH[m] if t in MODULES and t != m} for m in MODULES}
    # Importing a module first imports its parent packages (those the importer is not inside).
    for module in MODULES:
        for target in list(edges[module]):
            parent = target.rsplit(".", 1)[0]
            while parent in MODULES and parent != "copyfix" and not f"{module}.".startswith(f"{parent}."):
                edges[module].add(parent)
                parent = parent.rsplit(".", 1)[0]
    edges["copyfix"] = set()  # the facade's lazy imports are for users; nothing imports it
    state: dict[str, int] = {}
    stack: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                cycle = walk(nxt)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for module in sorted(MODULES):
        if module not in state:
            cycle = walk(module)
            assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_import_reader_counts_lazy_imports_and_skips_type_checking():
    """The reader above finds what it is meant to find, so a pass means something."""
    tree = ast.parse(
        "from copyfix.cli.main import main\n"
        "if TYPE_CHECKING:\n    from copyfix.io.files import X\n"
        "def f():\n    from copyfix.output import report\n"
    )
    found = {target for target, _ in _imports(tree)}
    assert found == {"copyfix.cli.main", "copyfix.output.report"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_modules_and_functions_are_short(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_MODULE_LINES, f"{len(lines)} lines"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse("\n".join(lines)))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, long
