"""The calendar core and the notice parser stay free of Django."""

import ast
from pathlib import Path

import pytest

WORKDAYS = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("module", ["calendar.py", "notice.py", "statutory.py"])
def test_pure_modules_do_not_import_django_or_read_the_clock(module):
    tree = ast.parse((WORKDAYS / module).read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in ([ast.alias(node.module)] if isinstance(node, ast.ImportFrom) else node.names)
    }
    assert not any(name.split(".")[0] in {"django", "gongkai"} for name in imported if name)
    source = ast.unparse(tree)
    assert "today()" not in source and "now()" not in source
