"""The index never silently misses a change: a unit moved in the tree re-indexes its
documents (filters by a unit include everything under it) in the same transaction as the
move, and a change whose outbox entry cannot be written does not happen at all."""

from io import StringIO

import pytest
from django.core.management import call_command

from gongkai.publishing import workflow
from gongkai.publishing.models import DocumentState
from gongkai.publishing.tests.factories import draft, published
from gongkai.search import indexer, services
from gongkai.search.engine import Filters
from gongkai.search.models import IndexOperation
from gongkai.units import services as units

pytestmark = pytest.mark.django_db


def found(query, unit):
    call_command("run_indexer", "--once", stdout=StringIO())
    return [hit.id for hit in indexer.open_index().search(query, Filters(unit_ids=(unit.pk,))).hits]


def test_moving_a_unit_reindexes_its_documents_under_the_new_parent(
    editor_a, reviewer_a, unit_a, unit_b, office
):
    document = published(editor_a, reviewer_a, unit_a, title="森林防火检查的通知")
    assert found("森林防火", unit_b) == []
    units.move_unit(actor=office, unit=unit_a, new_parent=unit_b)
    assert IndexOperation.objects.filter(document_id=document.pk).count() == 2
    assert found("森林防火", unit_b) == [document.pk]


def test_a_move_whose_outbox_cannot_be_written_does_not_happen(
    editor_a, reviewer_a, unit_a, unit_b, office, monkeypatch
):
    published(editor_a, reviewer_a, unit_a)
    monkeypatch.setattr(services, "enqueue", broken_outbox)
    with pytest.raises(RuntimeError):
        units.move_unit(actor=office, unit=unit_a, new_parent=unit_b)
    unit_a.refresh_from_db()
    assert unit_a.parent_id != unit_b.pk


def test_a_publication_whose_outbox_cannot_be_written_fails(
    editor_a, reviewer_a, unit_a, monkeypatch
):
    document = draft(editor_a, unit_a)
    workflow.submit(actor=editor_a, document=document)
    workflow.review(
        actor=reviewer_a,
        document=document,
        confidentiality_result="同意公开",
        disclosure_confirmed=True,
    )
    monkeypatch.setattr(services, "enqueue", broken_outbox)
    with pytest.raises(RuntimeError):
        workflow.publish(actor=reviewer_a, document=document)
    document.refresh_from_db()
    assert document.state == DocumentState.UNPUBLISHED
    assert document.index_number is None


def broken_outbox(document_id, op):
    raise RuntimeError("outbox table unavailable")
