"""Batch jobs read with a fixed number of queries whatever the number of records (no N+1):
measured at 10 and at 1,000 records. Rows a job writes (a reminder, an alert) cost their own
inserts; what is checked is that nothing is read once per record."""

from datetime import date, datetime, timedelta

import pytest
from django.db import connection

from gongkai.applications import workflow as applications
from gongkai.applications.models import Application
from gongkai.applications.reminders import send_daily_reminders
from gongkai.applications.services import recompute_open_due_dates
from gongkai.applications.tests.factories import application_input
from gongkai.core.clock import CHINA
from gongkai.publishing import workflow
from gongkai.publishing.models import Document, DocumentState, Validity

pytestmark = pytest.mark.django_db


def queries(job) -> int:
    """How many statements `job` sends (every one: Django's query log keeps only 9,000)."""
    count = 0

    def counted(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        job()
    return count


def _published_policies(unit, editor, count, start):
    """`count` normative documents published two months ago without an interpretation; rows
    are copied in bulk (the workflow's cost is not what is measured here)."""
    moment = datetime(2026, 10, 1, 10, tzinfo=CHINA)
    Document.objects.bulk_create(
        [
            Document(
                unit=unit,
                title=f"测试区管理办法第{start + n}号",
                doc_type="notice",
                date_written=date(2026, 9, 20),
                is_normative=True,
                needs_interpretation=True,
                effective_date=date(2026, 10, 1),
                expiry_date=date(2026, 12, 20),
                state=DocumentState.PUBLISHED,
                validity=Validity.IN_FORCE,
                version=1,
                index_number=f"T/2026-{start + n:05d}",
                first_published_at=moment,
                published_at=moment,
                created_by=editor,
            )
            for n in range(count)
        ]
    )


def test_publishing_alerts_and_validity_read_in_fixed_queries(unit_a, editor_a, known_calendar):
    today = date(2026, 12, 3)
    _published_policies(unit_a, editor_a, 10, 0)
    first_10 = queries(lambda: workflow.raise_alerts(today=today))
    again_10 = queries(lambda: workflow.raise_alerts(today=today))
    validity_10 = queries(lambda: workflow.update_validity(today=today))

    _published_policies(unit_a, editor_a, 990, 10)
    first_1000 = queries(lambda: workflow.raise_alerts(today=today))
    again_1000 = queries(lambda: workflow.raise_alerts(today=today))
    validity_1000 = queries(lambda: workflow.update_validity(today=today))

    assert again_1000 == again_10  # nothing new: the same reads at 10 and at 1,000
    assert validity_1000 == validity_10
    # Each document gets two alerts (expiring, no interpretation); each new alert costs the
    # same few writes, so the first run grows with the new alerts and nothing else.
    assert first_1000 - again_1000 <= 10 * 2 * 990 + (first_10 - again_10)


def _open_applications(unit, count):
    """`count` open applications, overdue on 2026-12-03; the first through the workflow, the
    others copies of it (an access code is an Argon2 hash: a thousand would take minutes)."""
    application, _code = applications.register_application(actor=None, **application_input(unit))
    template = Application.objects.get(pk=application.pk)
    copies = []
    for n in range(count - 1):
        copy = Application.objects.get(pk=application.pk)
        copy.pk = None
        copy.tracking_number = f"{template.tracking_number[:10]}{n:06d}"
        copy.submission_key = None
        copies.append(copy)
    Application.objects.bulk_create(copies, batch_size=100)


@pytest.mark.parametrize("job", ["reminders", "recompute"])
def test_application_batch_jobs_read_in_fixed_queries(
    job, unit_a, editor_a, admin_a, known_calendar, at
):
    at(2026, 11, 2)
    _open_applications(unit_a, 10)
    today = Application.objects.first().due_date + timedelta(days=3)  # all overdue
    run = {
        "reminders": lambda: send_daily_reminders(today=today),
        "recompute": recompute_open_due_dates,
    }[job]
    first_10, again_10 = queries(run), queries(run)
    Application.objects.all().delete()
    _open_applications(unit_a, 1000)
    first_1000, again_1000 = queries(run), queries(run)
    assert again_1000 == again_10
    # The first run writes its reminders in batches; nothing is read per application.
    assert first_1000 <= first_10 + 1000 * 2 // 100 + 2
    assert Application.objects.filter(due_date__lt=today).count() == 1000


def test_scheduled_publication_reads_nothing_per_document(unit_a, editor_a, reviewer_a, at):
    """publish_due publishes each due document in its own transaction (a failure must not
    stop the others), so its queries grow with the documents published — by the same
    number for each, with no extra read per document (the scheduler's identity included)."""
    from gongkai.publishing.tests.factories import draft

    at(2026, 11, 2, 9)

    def schedule(count):
        for n in range(count):
            document = draft(editor_a, unit_a, title=f"定时发布的通知{n}", doc_number="")
            workflow.submit(actor=editor_a, document=document)
            workflow.review(
                actor=reviewer_a,
                document=document,
                confidentiality_result="同意公开",
                disclosure_confirmed=True,
            )
            workflow.publish(
                actor=reviewer_a,
                document=document,
                at=datetime(2026, 11, 2, 12, tzinfo=CHINA) + timedelta(minutes=n),
            )

    later = datetime(2026, 11, 2, 18, tzinfo=CHINA)
    schedule(1)  # the first publication of the year also creates the index counter
    at(2026, 11, 2, 18)
    workflow.publish_due(now=later)
    measured = {}
    for count in (2, 10):
        at(2026, 11, 2, 9)
        schedule(count)
        at(2026, 11, 2, 18)
        measured[count] = queries(lambda: workflow.publish_due(now=later))
    nothing = queries(lambda: workflow.publish_due(now=later))
    per_document = (measured[10] - measured[2]) / 8
    assert per_document == int(per_document)
    assert measured[2] == nothing + 2 * per_document


def test_the_indexer_reads_a_batch_in_fixed_queries(unit_a, editor_a):
    """run_indexer loads the documents of a batch of index operations at once."""
    from gongkai.search import sources

    _published_policies(unit_a, editor_a, 10, 0)
    ids = list(Document.objects.values_list("pk", flat=True))
    ten = queries(lambda: sources.load_search_docs(ids))
    _published_policies(unit_a, editor_a, 990, 10)
    ids = list(Document.objects.values_list("pk", flat=True))
    thousand = queries(lambda: sources.load_search_docs(ids))
    assert thousand == ten
    assert len(sources.load_search_docs(ids)) == 1000
