"""Searching published documents from pages and the API: withdrawn items vanish at once,
and a node without an index still answers (from the database) and says so."""

import pytest
from django.core.management import call_command

from gongkai.publishing import workflow
from gongkai.publishing.tests.factories import published
from gongkai.search.engine import Filters
from gongkai.search.services import search_published

pytestmark = pytest.mark.django_db


def ids(result):
    return [hit.id for hit in result.hits]


def test_withdrawn_document_disappears_before_the_indexer_runs(editor_a, reviewer_a, unit_a):
    document = published(editor_a, reviewer_a, unit_a, title="汛期临时停水通知")
    call_command("run_indexer", "--once")
    result, from_index, _documents = search_published(query="临时停水")
    assert from_index and ids(result) == [document.pk]
    workflow.withdraw(actor=reviewer_a, document=document, reason="已恢复供水")
    result, _, _ = search_published(query="临时停水")
    assert ids(result) == [] and result.total == 0


def test_without_an_index_the_database_answers(editor_a, reviewer_a, unit_a, unit_b, government):
    document = published(editor_a, reviewer_a, unit_a, title="关于<b>春耕</b>备耕的通知")
    result, from_index, _documents = search_published(query="春耕")
    assert not from_index
    assert ids(result) == [document.pk]
    assert "<mark>春耕</mark>" in result.hits[0].title_html
    assert "&lt;b&gt;" in result.hits[0].title_html
    assert ids(search_published(query="春耕", filters=Filters(unit_ids=(government.pk,)))[0]) == [
        document.pk
    ]
    assert ids(search_published(query="春耕", filters=Filters(unit_ids=(unit_b.pk,)))[0]) == []
    assert search_published(query="", page="x")[0].total == 0


def test_published_among_finds_by_key_what_published_finds(editor_a, reviewer_a, unit_a):
    from gongkai.publishing import vocabularies as v
    from gongkai.publishing.models import Document
    from gongkai.publishing.tests.factories import draft

    shown = published(editor_a, reviewer_a, unit_a, title="甲")
    withdrawn = published(editor_a, reviewer_a, unit_a, title="乙")
    workflow.withdraw(actor=reviewer_a, document=withdrawn, reason="过时")
    on_application = published(editor_a, reviewer_a, unit_a, title="丙")
    Document.objects.filter(pk=on_application.pk).update(disclosure=v.ON_APPLICATION)
    unpublished = draft(editor_a, unit_a, title="丁")
    ids = [shown.pk, withdrawn.pk, on_application.pk, unpublished.pk, 10**9]
    expected = set(Document.objects.published().filter(pk__in=ids).values_list("pk", flat=True))
    assert expected == {shown.pk}
    assert {d.pk for d in Document.objects.for_listing().published_among(ids)} == expected
