"""三员分立 without a back door: no superuser, no Django admin, no way for one administrator to
take over another's account, and sign-in records nobody can delete."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from gongkai.accounts import services
from gongkai.accounts.models import User
from gongkai.accounts.tests.factories import PASSWORD, StaffFactory
from gongkai.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _staff(unit, role, username):
    return StaffFactory(username=username, membership__unit=unit, membership__role=role)


@pytest.fixture
def sysadmin(government):
    return _staff(government, "sysadmin", "the-sysadmin")


def test_there_is_no_django_admin(client_of, sysadmin):
    assert client_of(sysadmin).get("/admin/").status_code == 404
    assert client_of(sysadmin).get("/admin/accounts/user/").status_code == 404


def test_the_database_refuses_a_superuser(sysadmin):
    sysadmin.is_superuser = True
    with pytest.raises(IntegrityError), transaction.atomic():
        sysadmin.save()


def test_createsuperuser_is_refused():
    with pytest.raises(CommandError, match="不设超级用户"):
        call_command("createsuperuser", "--noinput", "--username", "root")
    assert not User.objects.filter(username="root").exists()


def test_the_first_administrators_come_from_the_servers_command_line(government, monkeypatch):
    monkeypatch.setenv("GONGKAI_NEW_PASSWORD", "Qingshan-7-river")
    call_command(
        "create_administrator", "first-sys", role="sysadmin", name="李", government=government.code
    )
    user = User.objects.get(username="first-sys")
    assert list(user.memberships.values_list("role", flat=True)) == ["sysadmin"]
    assert not user.is_superuser and not user.is_staff
    event = AuditEvent.objects.for_target(user).get(action="staff.create")
    assert event.actor is None and event.data["via"] == "command"


def test_the_system_administrator_creates_administrators_in_the_console(
    client_of, sysadmin, government
):
    client = client_of(sysadmin)
    response = client.post(
        reverse("console:accounts"),
        {
            "username": "new-auditor",
            "last_name": "赵",
            "identity_number": "110105198503151230",
            "role": "auditadmin",
            "password": "Baiyun-8-mountain",
        },
    )
    assert response.status_code == 302
    auditor = User.objects.get(username="new-auditor")
    assert auditor.created_by == sysadmin
    event = AuditEvent.objects.for_target(auditor).get(action="staff.create")
    assert event.actor == sysadmin and event.data["role"] == "auditadmin"
    page = client.get(reverse("console:accounts")).content.decode()
    assert "new-auditor" in page


@pytest.mark.parametrize("role", ["office", "unit_admin", "secadmin", "auditadmin"])
def test_only_the_system_administrator_manages_accounts(client_of, government, role):
    client = client_of(_staff(government, role, f"the-{role}"))
    assert client.get(reverse("console:accounts")).status_code == 403
    victim = _staff(government, "secadmin", "victim")
    assert client.post(reverse("console:account-toggle", args=[victim.pk])).status_code in (
        403,
        404,
    )
    victim.refresh_from_db()
    assert victim.is_active


def test_no_path_resets_another_persons_password(client_of, sysadmin, government):
    from django.urls import get_resolver

    secadmin = _staff(government, "secadmin", "the-secadmin")
    with pytest.raises(PermissionDenied):
        services.change_password(
            actor=sysadmin, user=secadmin, old_password=PASSWORD, new_password="Taken-over-2026"
        )
    routes = [str(p.pattern) for p in get_resolver().url_patterns]
    assert not any("admin" in route for route in routes)
    accounts_page = client_of(sysadmin).get(reverse("console:accounts")).content.decode()
    # The only password field on the page is the new administrator's initial password.
    assert accounts_page.count('type="password"') == 1
    secadmin.refresh_from_db()
    assert secadmin.check_password(PASSWORD)


def test_login_records_cannot_be_deleted_even_after_an_unlock(client, client_of, government):
    editor = _staff(government, "editor", "locked-editor")
    for _ in range(5):
        client.post(reverse("console:login"), {"username": editor.username, "password": "x"})
    assert AccessAttempt.objects.filter(username=editor.username).exists()
    failures = AccessFailureLog.objects.filter(username=editor.username)
    assert failures.count() == 5 and failures.filter(locked_out=True).exists()

    secadmin = _staff(government, "secadmin", "the-secadmin")
    client_of(secadmin).post(reverse("console:lockouts"), {"username": editor.username})
    assert not AccessAttempt.objects.filter(username=editor.username).exists()
    assert failures.count() == 5

    client.logout()
    client.post(reverse("console:login"), {"username": editor.username, "password": PASSWORD})
    assert AccessLog.objects.filter(username=editor.username).exists()
    attempts = [
        *(records.first().delete for records in (failures, AccessLog.objects.all())),
        failures.delete,
        AccessLog.objects.all().delete,
        lambda: call_command("axes_reset_logs", age=0),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionError), transaction.atomic():
            attempt()
    assert failures.count() == 5 and AccessLog.objects.exists()
