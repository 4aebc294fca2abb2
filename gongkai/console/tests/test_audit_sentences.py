"""Audit entries on the staff pages read as Chinese sentences, not action codes."""

import pytest

from gongkai.console.audit_sentences import VERBS
from gongkai.publishing import workflow
from gongkai.publishing.tests.factories import draft

pytestmark = pytest.mark.django_db


def test_a_documents_history_reads_as_sentences(client_of, editor_a, unit_a):
    document = draft(editor_a, unit_a)
    workflow.submit(actor=editor_a, document=document)
    page = client_of(editor_a).get(f"/console/publishing/{document.pk}/").content.decode()
    history = page.split('id="log-title"', 1)[1]
    assert "提交审核“" in history and "状态由“草稿”变为“待审核”" in history
    assert "publishing.submit" not in history and "submitted" not in history


def test_every_action_written_by_the_workflows_has_a_sentence():
    """A new action code must be given its words here, or the console would show the code."""
    import pathlib
    import re

    root = pathlib.Path(__file__).resolve().parents[2]
    written = set()
    for path in root.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        written |= set(re.findall(r'action="([a-z_]+\.[a-z_.]+)"', path.read_text()))
    assert written - set(VERBS) == set()
