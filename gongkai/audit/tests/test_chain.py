"""The audit trail as an auditor checks it: every event is linked to the one before by its
SHA-256, so that an edit, an insertion or a removal made in the database is found and named."""

import datetime
import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from gongkai.audit.chain import verify_chain
from gongkai.audit.models import AuditEvent
from gongkai.audit.services import record
from gongkai.units.tests.factories import GovernmentFactory

from .tampering import tamper

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(office, unit_a):
    return [
        record(actor=office, action="unit.update", target=unit_a, reason=f"第{n}次更正")
        for n in range(5)
    ]


def test_each_event_links_to_the_one_before(events):
    stored = list(AuditEvent.objects.order_by("sequence"))
    assert all(event.algorithm == "sha256" and len(event.hash) == 64 for event in stored)
    assert [event.prev_hash for event in stored[1:]] == [event.hash for event in stored[:-1]]
    assert verify_chain() is None


def test_an_edited_reason_is_found_at_its_link(events):
    tamper("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["无", events[2].pk])
    broken = verify_chain()
    assert (broken.sequence, broken.event_id) == (events[2].sequence, events[2].pk)
    assert "改动" in broken.problem


def test_an_edit_with_a_recomputed_hash_breaks_the_next_link(events):
    tamper("UPDATE audit_auditevent SET hash = %s WHERE id = %s", ["f" * 64, events[1].pk])
    assert verify_chain().event_id == events[1].pk


def test_a_removed_event_in_the_middle_is_found(events):
    tamper("DELETE FROM audit_auditevent WHERE id = %s", [events[3].pk])
    broken = verify_chain()
    assert broken.sequence == events[3].sequence
    assert "缺失" in broken.problem


def test_removing_the_newest_events_is_found(events):
    tamper("DELETE FROM audit_auditevent WHERE id >= %s", [events[3].pk])
    assert verify_chain().sequence == events[3].sequence


def test_bulk_created_events_join_the_chain(events, office, unit_a):
    AuditEvent.objects.bulk_create(
        AuditEvent(actor_label="系统", action="demo", target_type="units.unit", target_id="1")
        for _ in range(3)
    )
    assert AuditEvent.objects.order_by("-sequence").first().sequence == events[-1].sequence + 3
    assert verify_chain() is None


def test_verify_audit_exits_non_zero_and_names_the_first_broken_link(events, capsys):
    call_command("verify_audit")
    assert f"审计链完整：{AuditEvent.objects.count()} 条" in capsys.readouterr().out
    tamper("UPDATE audit_auditevent SET actor_label = %s WHERE id = %s", ["别人", events[1].pk])
    tamper("UPDATE audit_auditevent SET actor_label = %s WHERE id = %s", ["别人", events[3].pk])
    with pytest.raises(CommandError, match=f"第 {events[1].sequence} 条（ID {events[1].pk}）"):
        call_command("verify_audit")


def test_events_younger_than_six_months_cannot_be_deleted(events, settings):
    assert settings.AUDIT_RETENTION_DAYS >= 183
    with pytest.raises(PermissionError, match="至少 183 个自然日"):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        events[0].delete()
    assert AuditEvent.objects.filter(pk__in=[event.pk for event in events]).count() == 5


def test_expired_events_go_oldest_first_and_the_rest_still_verifies(db, time_machine):
    time_machine.move_to(datetime.datetime(2025, 1, 10, tzinfo=datetime.UTC), tick=False)
    unit = GovernmentFactory()
    old = [record(actor=None, action="unit.update", target=unit) for _ in range(3)]
    time_machine.move_to(datetime.datetime(2026, 1, 10, tzinfo=datetime.UTC), tick=False)
    recent = record(actor=None, action="unit.update", target=unit)
    with pytest.raises(PermissionError, match="最早"):
        AuditEvent.objects.filter(pk=old[1].pk).delete()
    AuditEvent.objects.filter(pk__in=[old[0].pk, old[1].pk]).delete()
    assert verify_chain() is None
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk__in=[old[2].pk, recent.pk]).delete()
    assert list(AuditEvent.objects.order_by("sequence")) == [old[2], recent]


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_the_database_itself_refuses_to_change_or_delete_a_recent_event(events):
    for sql in (
        "UPDATE audit_auditevent SET reason = 'x' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ):
        with (
            pytest.raises(Exception, match="审计记录"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [events[0].pk])
    assert verify_chain() is None


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_never_fork_the_chain(office, unit_a):
    def write():
        try:
            for _ in range(10):
                with transaction.atomic():
                    record(actor=office, action="unit.update", target=unit_a)
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert AuditEvent.objects.filter(action="unit.update").count() == 40
    assert verify_chain() is None
