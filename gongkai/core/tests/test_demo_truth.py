"""The demo tells the truth (issue 12) and is dated from the day it is loaded (issue 10): it is
built through the workflow by the right demo accounts, its audit trail agrees with the dates
on its records, nothing is dated after the load moment, open applications' due dates are the
recomputed ones, and loading twice adds nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db.models import F

from gongkai.applications.models import Application, Delivery, Reply
from gongkai.audit.chain import verify_chain
from gongkai.audit.models import AuditEvent
from gongkai.core import clock
from gongkai.core.clock import local_date, local_now, local_today
from gongkai.operations.consistency import check_due_dates
from gongkai.publishing.models import Document, Revision, RevisionStatus
from gongkai.reports.models import AnnualReport

pytestmark = pytest.mark.django_db


def _events(action, target_type):
    """target id → the moments of `action` on it."""
    found = {}
    for target_id, moment in AuditEvent.objects.filter(
        action=action, target_type=target_type
    ).values_list("target_id", "created_at"):
        found.setdefault(int(target_id), []).append(moment)
    return found


def _counts():
    return (
        AuditEvent.objects.count(),
        Document.objects.count(),
        Revision.objects.count(),
        Application.objects.count(),
        AnnualReport.objects.count(),
    )


def test_the_whole_demo_is_built_by_the_workflow_on_the_dates_it_shows(at):
    at(2026, 12, 3, 14)  # a Thursday afternoon, China time
    call_command("load_demo", stdout=io.StringIO())
    now, today = local_now(), local_today()

    # Nothing after the load moment, anywhere.
    assert AuditEvent.objects.filter(created_at__gt=now).count() == 0
    assert not Document.objects.filter(published_at__gt=now).exists()
    assert not Revision.objects.filter(reviewed_at__gt=now).exists()
    assert not Application.objects.filter(received_on__gt=today).exists()
    assert not Reply.objects.filter(replied_on__gt=today).exists()
    assert not AnnualReport.objects.filter(published_at__gt=now).exists()
    # Nobody acts before their account existed; guides and columns are audited setup steps.
    assert not AuditEvent.objects.filter(actor__date_joined__gt=F("created_at")).exists()
    assert AuditEvent.objects.filter(action="publishing.guide").count() >= 40

    # Every published item was reviewed by someone other than its author, and the audit trail
    # has its review and publication at the moments the records carry.
    reviews = _events("publishing.review", "publishing.document")
    publications = _events("publishing.publish", "publishing.document")
    published = Revision.objects.filter(status=RevisionStatus.PUBLISHED).select_related("document")
    assert published.count() >= 500
    for revision in published:
        document = revision.document
        assert revision.reviewer_id and revision.reviewer_id != revision.author_id
        assert revision.reviewer_id != document.created_by_id
        assert reviews[document.pk] == [revision.reviewed_at]
        assert publications[document.pk] == [document.first_published_at]
        assert revision.reviewed_at < document.first_published_at
        assert revision.submitted_at < revision.reviewed_at
        assert local_date(document.created_at) >= document.date_written
    # The oldest item is years old; the newest a few days: dated from the load day.
    oldest = Document.objects.published().order_by("first_published_at").first()
    assert (today - local_date(oldest.first_published_at)).days > 700

    # Applications: registration, replies and deliveries are in the audit trail on their dates.
    registered = _events("application.register_application", "applications.application")
    replied = _events("application.issue_reply", "applications.application")
    delivered = _events("application.record_delivery", "applications.application")
    days = {}
    for target_id, moment in AuditEvent.objects.filter(
        target_type="applications.application"
    ).values_list("target_id", "created_at"):
        days.setdefault(int(target_id), set()).add(local_date(moment))
    for application in Application.objects.all():
        assert [local_date(m) for m in registered[application.pk]] == [application.event_date]
        assert min(days[application.pk]) == application.event_date
    for reply in Reply.objects.all():
        # A reply closes the application on its date, whichever step made it.
        assert reply.replied_on in days[reply.application_id]
        if reply.application_id in replied:
            assert [local_date(m) for m in replied[reply.application_id]] == [reply.replied_on]
    for delivery in Delivery.objects.all():
        assert local_date(delivered[delivery.application_id][-1]) == delivery.delivered_on
    received = sorted(Application.objects.values_list("received_on", flat=True))
    assert received[-1] <= today < received[0] + datetime.timedelta(days=720)
    assert check_due_dates() == []

    # Annual reports: last year's, published in January by a reviewer who did not write them.
    reports = AnnualReport.objects.filter(published_at__isnull=False)
    assert reports.count() >= 40
    for report in reports:
        assert report.year == today.year - 1
        assert local_date(report.published_at) == datetime.date(today.year, 1, 20)
        assert report.reviewed_by_id != report.created_by_id
    report_events = _events("report.publish", "reports.annualreport")
    assert all(report_events[r.pk] == [r.published_at] for r in reports)

    assert verify_chain() is None
    before = _counts()
    call_command("load_demo", stdout=io.StringIO())
    assert _counts() == before


@pytest.mark.parametrize("load_day", [datetime.date(2026, 5, 12), datetime.date(2026, 12, 3)])
def test_applications_move_with_the_load_day(at, load_day, known_calendar):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.applications import demo as applications_demo
    from gongkai.units import demo as units_demo

    at(load_day.year, load_day.month, load_day.day, 15)
    out = io.StringIO()
    for module in (units_demo, accounts_demo, applications_demo):
        module.load(out)
    received = Application.objects.order_by("received_on").values_list("received_on", flat=True)
    first, last = received.first(), received.last()
    assert load_day - datetime.timedelta(days=applications_demo.HISTORY_DAYS + 5) <= first
    assert first <= load_day - datetime.timedelta(days=applications_demo.HISTORY_DAYS - 30)
    assert load_day - datetime.timedelta(days=10) <= last <= load_day
    assert AuditEvent.objects.order_by("-created_at").first().created_at <= clock.now()
    assert check_due_dates() == []


@pytest.mark.parametrize("load_day", [datetime.date(2026, 5, 12), datetime.date(2026, 12, 3)])
def test_published_items_are_planned_relative_to_the_load_day(load_day):
    from gongkai.accounts import demo as accounts_demo
    from gongkai.publishing import demo as publishing_demo
    from gongkai.units import demo as units_demo

    out = io.StringIO()
    units_demo.load(out)
    accounts_demo.load(out)
    plan = publishing_demo._Builder(load_day)
    publishing_demo._regular_items(plan)
    publishing_demo._normative_chains(plan)
    days = sorted(local_date(d.published_at) for d in plan.documents)
    assert days[-1] == load_day - datetime.timedelta(days=3)
    assert days[0] >= load_day - datetime.timedelta(days=1000)


def test_pretend_moves_every_clock_and_refuses_the_future(at):
    at(2026, 12, 3, 10)
    real = clock.now()
    past = datetime.datetime(2025, 3, 4, 9, 30, tzinfo=clock.CHINA)
    from django.utils import timezone

    with clock.pretend(past):
        assert clock.local_now() == past
        assert timezone.now() == past
        assert local_today() == datetime.date(2025, 3, 4)
    assert clock.now() == real
    assert timezone.now() == real
    with pytest.raises(ValueError), clock.pretend(real + datetime.timedelta(seconds=1)):
        pass
