import pytest

from gongkai.audit.models import AuditEvent
from gongkai.audit.services import changes, record

pytestmark = pytest.mark.django_db


def test_an_event_names_who_did_what_to_which_record(office, unit_a):
    event = record(actor=office, action="unit.update", target=unit_a, reason="更正电话")
    assert event.actor_label == str(office)
    assert (event.target_type, event.target_id) == ("units.unit", str(unit_a.pk))
    assert list(AuditEvent.objects.for_target(unit_a)) == [event]


def test_system_actions_are_attributed_to_the_system(unit_a):
    assert record(actor=None, action="unit.update", target=unit_a).actor_label == "系统"


def test_events_can_be_neither_changed_nor_deleted(office, unit_a):
    event = record(actor=office, action="unit.update", target=unit_a)
    event.reason = "篡改"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="篡改")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


def test_changes_lists_only_what_differs():
    assert changes({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": None}) == {"b": [2, 3]}
