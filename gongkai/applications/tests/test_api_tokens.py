"""API tokens: issued from the command line or by the unit's administrator or the openness
office, shown once, stored as a hash, and refused by the API once revoked."""

import base64
import hashlib
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from gongkai.applications.models import ApiToken, Application
from gongkai.applications.tests.factories import application_input
from gongkai.applications.tokens import issue_token
from gongkai.audit.models import AuditEvent

LIST = reverse("console-applications:tokens")


def register(client, unit, raw, **overrides):
    data = application_input(unit, channel="email", event_date="2026-09-23", **overrides)
    data["unit"] = unit.code
    data["identity_proof_base64"] = base64.b64encode(data.pop("identity_proof")).decode()
    headers = {"Authorization": f"Bearer {raw}"} if raw else {}
    return client.post(
        "/api/v1/applications/register", data, content_type="application/json", headers=headers
    )


@pytest.fixture
def today(holiday_calendar, at):
    at(2026, 9, 24)


def revoke_url(token):
    return reverse("console-applications:token-revoke", args=[token.pk])


def test_command_prints_the_token_once_and_stores_only_its_hash(client, unit_a, today):
    out = io.StringIO()
    call_command("issue_api_token", unit=unit_a.code, name="12345热线", stdout=out)
    raw = out.getvalue().strip().splitlines()[-1]
    token = ApiToken.objects.get()
    assert (token.unit, token.name, token.created_by) == (unit_a, "12345热线", None)
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    stored = str(list(ApiToken.objects.values())) + str(list(AuditEvent.objects.values()))
    assert len(raw) >= 40 and raw not in stored
    response = register(client, unit_a, raw)
    assert response.status_code == 200, response.content
    application = Application.objects.get()
    assert application.channel == "email" and application.created_by is None
    event = AuditEvent.objects.for_target(application).get(
        action="application.register_application"
    )
    assert "12345热线" in event.reason


@pytest.mark.parametrize(
    ("unit_code", "name", "message"),
    [("nope", "平台", "没有代码为“nope”的单位"), ("unit-a", "  ", "请填写令牌名称")],
)
def test_command_refuses_bad_input(unit_a, unit_code, name, message):
    with pytest.raises(CommandError, match=message):
        call_command("issue_api_token", unit=unit_code, name=name, stdout=io.StringIO())
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("persona", ["admin_a", "office"])
def test_admin_or_office_issues_a_token_shown_once(request, client_of, unit_a, persona):
    client = client_of(request.getfixturevalue(persona))
    response = client.post(LIST, {"unit": unit_a.pk, "name": "省政务服务平台"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    token = ApiToken.objects.get()
    raw = page.split('id="issued-token"')[1].split("<code>")[1].split("</code>")[0]
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert token.token_hash not in page
    listed = client.get(LIST).content.decode()
    assert "省政务服务平台" in listed and raw not in listed


@pytest.mark.parametrize("persona", ["editor_a", "reviewer_a", "head_a"])
def test_handlers_may_not_manage_tokens(request, client_of, unit_a, admin_a, persona):
    token, _raw = issue_token(actor=admin_a, unit=unit_a, name="平台")
    client = client_of(request.getfixturevalue(persona))
    assert client.get(LIST).status_code == 403
    assert client.post(LIST, {"unit": unit_a.pk, "name": "另一个"}).status_code == 403
    assert client.post(revoke_url(token)).status_code == 403
    assert ApiToken.objects.filter(revoked_at=None).count() == 1


def test_unit_admin_sees_and_manages_only_own_units_tokens(client_of, unit_a, unit_b, admin_a):
    from gongkai.accounts.tests.factories import StaffFactory

    admin_b = StaffFactory(membership__unit=unit_b, membership__role="unit_admin")
    theirs, _raw = issue_token(actor=admin_b, unit=unit_b, name="乙局平台")
    client = client_of(admin_a)
    assert "乙局平台" not in client.get(LIST).content.decode()
    assert client.post(revoke_url(theirs)).status_code == 404
    response = client.post(LIST, {"unit": unit_b.pk, "name": "冒名"})
    assert response.status_code == 400
    assert ApiToken.objects.count() == 1 and ApiToken.objects.get().revoked_at is None


def test_revoked_token_is_refused_by_the_api(client, client_of, unit_a, admin_a, today):
    token, raw = issue_token(actor=admin_a, unit=unit_a, name="平台")
    assert register(client, unit_a, raw, submission_key="first").status_code == 200
    response = client_of(admin_a).post(revoke_url(token))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == admin_a
    assert AuditEvent.objects.filter(action="api_token.revoke", actor=admin_a).exists()
    client.logout()
    assert register(client, unit_a, raw, submission_key="second").status_code == 401
    assert Application.objects.count() == 1
    again = client_of(admin_a).post(revoke_url(token), follow=True)
    assert "该令牌已吊销" in again.content.decode()


def test_duplicate_active_name_in_a_unit_is_refused(client_of, unit_a, admin_a):
    issue_token(actor=admin_a, unit=unit_a, name="平台")
    response = client_of(admin_a).post(LIST, {"unit": unit_a.pk, "name": "平台"})
    assert response.status_code == 400
    assert "同名的有效令牌" in response.content.decode()
    assert ApiToken.objects.count() == 1
