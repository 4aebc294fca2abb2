"""What an assessor checks in the trail after attacking the login: every sign-in, failure,
sign-out, lockout and unlock, and every role and password change however it was made, is an
event — and the audit administrator sees whether the chain holds."""

import pytest
from django.conf import settings as django_settings

from gongkai.accounts.models import Membership
from gongkai.accounts.tests.factories import PASSWORD, StaffFactory
from gongkai.audit.models import AuditEvent

from .tampering import tamper

pytestmark = pytest.mark.django_db

LOGIN = "/console/login/"


def _actions(**filters):
    return list(AuditEvent.objects.filter(**filters).order_by("sequence").values_list("action"))


def test_sign_in_failure_and_sign_out_are_recorded_with_the_address(client, editor_a):
    client.post(LOGIN, {"username": "editor-a", "password": "wrong"}, REMOTE_ADDR="10.1.2.3")
    client.post(LOGIN, {"username": "editor-a", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3")
    client.post("/console/logout/")
    events = list(AuditEvent.objects.filter(action__startswith="auth.").order_by("sequence"))
    assert [e.action for e in events] == ["auth.failure", "auth.login", "auth.logout"]
    assert all(e.target_id == str(editor_a.pk) for e in events)
    assert events[0].actor_label == "未登录的访问者"
    assert events[0].data["address"] == "10.1.2.3"
    assert "wrong" not in str(events[0].data)


def test_a_failure_for_an_unknown_name_is_recorded_too(client, db):
    client.post(LOGIN, {"username": "no-such-person", "password": "x"})
    event = AuditEvent.objects.get(action="auth.failure")
    assert (event.target_id, event.target_label) == ("", "no-such-person")


def test_lockout_and_the_security_administrators_unlock_are_recorded(
    client, client_of, editor_a, government
):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "editor-a", "password": "wrong"})
    assert AuditEvent.objects.filter(action="auth.lockout", target_id=str(editor_a.pk)).exists()
    secadmin = StaffFactory(membership__unit=government, membership__role="secadmin")
    client_of(secadmin).post("/console/security/lockouts/", {"username": "editor-a"})
    unlock = AuditEvent.objects.get(action="auth.unlock")
    assert (unlock.actor, unlock.target_id) == (secadmin, str(editor_a.pk))


def test_role_and_password_changes_outside_any_service_are_recorded(editor_a, unit_b):
    # As a shell session, a management command or an admin page would make them.
    membership = Membership.objects.create(user=editor_a, unit=unit_b, role="reviewer")
    membership.delete()
    editor_a.set_password("Another-password-2026")
    editor_a.save()
    assert _actions(target_id=str(editor_a.pk), data__unit=unit_b.code) == [
        ("role.grant",),
        ("role.revoke",),
    ]
    event = AuditEvent.objects.get(action="staff.password", target_id=str(editor_a.pk))
    assert event.actor_label == "系统"


def test_a_role_changed_in_place_is_recorded(editor_a, unit_b):
    membership = Membership.objects.create(user=editor_a, unit=unit_b, role="reviewer")
    membership.role = "editor"
    membership.save()
    membership.save()  # saved again unchanged: nothing more to record
    changes = AuditEvent.objects.filter(action="role.change", target_id=str(editor_a.pk))
    assert [(e.data["from_role"], e.data["role"]) for e in changes] == [("reviewer", "editor")]


def test_saving_an_account_without_a_new_password_records_no_password_change(editor_a):
    editor_a.last_name = "李"
    editor_a.save()
    editor_a.set_password(PASSWORD)  # the same password, hashed afresh
    editor_a.save()
    assert not AuditEvent.objects.filter(action="staff.password").exists()


def test_the_audit_administrator_sees_whether_the_chain_holds(client_of, government, editor_a):
    auditor = client_of(StaffFactory(membership__unit=government, membership__role="auditadmin"))
    page = auditor.get("/console/audit/verify/").content.decode()
    assert "审计链完整" in page
    event = AuditEvent.objects.order_by("sequence").first()
    tamper("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", [event.pk])
    page = auditor.get("/console/audit/verify/").content.decode()
    assert f"审计链已断开：第 {event.sequence} 条（ID {event.pk}）" in page


def test_only_the_audit_administrator_may_verify(client_of, editor_a):
    assert client_of(editor_a).get("/console/audit/verify/").status_code == 403
