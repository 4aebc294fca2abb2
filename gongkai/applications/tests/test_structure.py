"""Production modules of the app never import its tests (the demo included)."""

import ast
import pathlib

APP = pathlib.Path(__file__).resolve().parents[1]


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            yield "." * node.level + (node.module or "")
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def test_no_production_module_imports_the_tests():
    offenders = [
        f"{path.relative_to(APP)}: {module}"
        for path in APP.rglob("*.py")
        if "tests" not in path.relative_to(APP).parts
        for module in imported_modules(path)
        if "tests" in module.lstrip(".").split(".") or module.startswith(".tests")
    ]
    assert offenders == []
