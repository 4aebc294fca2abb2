"""The demo district's published content: plenty of it, and nothing personal in public."""

import io

import pytest

from gongkai.core import files
from gongkai.publishing import pii
from gongkai.publishing.models import Attachment, Document, DocumentLink, RevisionStatus

pytestmark = pytest.mark.django_db


def _load():
    from gongkai.accounts import demo as accounts_demo
    from gongkai.publishing import demo
    from gongkai.units import demo as units_demo

    out = io.StringIO()
    for module in (units_demo, accounts_demo, demo):
        module.load(out)
    return out.getvalue()


def test_demo_is_large_linked_idempotent_and_public_part_has_no_personal_data():
    _load()
    published = Document.objects.published()
    assert published.count() >= 500
    assert published.values("unit").distinct().count() >= 40
    assert published.values("statutory_category").distinct().count() >= 15
    kinds = set(DocumentLink.objects.values_list("kind", flat=True))
    assert kinds == {"amends", "repeals", "replaces"}
    assert published.filter(doc_type="interpretation", interprets__isnull=False).count() >= 30
    assert {"docx", "xlsx", "pdf"} <= set(Attachment.objects.values_list("kind", flat=True))
    assert not files.verify_files()
    assert len(set(published.values_list("index_number", flat=True))) == published.count()
    assert published.filter(is_contingency_plan=True, validity="in_force").exists()
    _check_planted_drafts_stay_unpublished()
    before = Document.objects.count()
    _load()
    assert Document.objects.count() == before


def _check_planted_drafts_stay_unpublished():
    drafts = Document.objects.exclude(state="published")
    assert drafts.count() == 3
    for document in drafts:
        revision = document.revisions.get()
        assert revision.status == RevisionStatus.DRAFT
        assert revision.findings.filter(kind="personal_data").exists()
    public_text = []
    for d in Document.objects.published().prefetch_related("revisions__attachments"):
        public_text += [pii.Segment(str(d.pk), d.title), pii.Segment(str(d.pk), d.body_text)]
        for revision in d.revisions.all():
            public_text += [
                pii.Segment(a.original_name, t)
                for a in revision.attachments.all()
                for _, t in a.segments
            ]
    assert pii.scan(public_text) == []
