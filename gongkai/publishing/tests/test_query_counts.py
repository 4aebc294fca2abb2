"""List and document pages run a bounded number of queries, at 10 items as at 1,000."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from gongkai.core.clock import CHINA
from gongkai.publishing.models import Document, Revision

from .factories import normative, published

pytestmark = pytest.mark.django_db
MAX_QUERIES = 10


def _fill(editor, reviewer, unit, total):
    """One item through the real workflow, then copies of it (the workflow would take
    minutes for a thousand items; the copies are rows like the ones it writes)."""
    with time_machine.travel(datetime(2024, 3, 20, 10, tzinfo=CHINA), tick=False):
        model = published(editor, reviewer, unit, data=normative(effective_date=date(2024, 3, 1)))
    revision = model.revisions.get()
    copies = []
    for n in range(1, total):
        copy = Document.objects.get(pk=model.pk)
        copy.pk, copy.index_number = None, f"{model.index_number}-{n}"
        copy.published_at = model.published_at - timedelta(hours=n)
        copies.append(copy)
    Document.objects.bulk_create(copies, batch_size=500)
    revisions = []
    for copy in copies:
        r = Revision.objects.get(pk=revision.pk) if not revisions else revisions[-1]
        clone = Revision(
            **{f.attname: getattr(r, f.attname) for f in Revision._meta.concrete_fields}
        )
        clone.pk, clone.document_id = None, copy.pk
        revisions.append(clone)
    Revision.objects.bulk_create(revisions, batch_size=500)
    return model


@pytest.mark.parametrize("total", [10, 1000])
def test_pages_run_bounded_queries(
    client, editor_a, reviewer_a, unit_a, total, django_assert_max_num_queries
):
    model = _fill(editor_a, reviewer_a, unit_a, total)
    assert Document.objects.published().count() == total
    urls = [
        reverse("portal:column-statutory", args=[unit_a.code]),
        reverse("portal:column-statutory", args=[unit_a.code]) + "?category=a20.01&page=3",
        reverse("publishing:policies") + "?on=2024-06-01",
        reverse("publishing:document", args=[model.pk]),
        reverse("publishing:feed-unit", args=[unit_a.code]),
        "/api/v1/documents?limit=50",
        f"/api/v1/documents/{model.pk}",
        "/sitemap.xml",
    ]
    for url in urls:
        with django_assert_max_num_queries(MAX_QUERIES):
            assert client.get(url).status_code == 200, url
