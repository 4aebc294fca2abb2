"""Staff and applicants' pages show identity numbers and phone numbers masked; only the
logged unmask action (or the logged proof download) shows them in full."""

import pytest
from django.urls import reverse

from gongkai.applications.tests.factories import credit_code, resident_id
from gongkai.audit.models import AuditEvent

PHONE = "13800138000"
ID_NUMBER = resident_id()
BIRTH = ID_NUMBER[6:14]  # the part a masked number must never show


def assert_masked(page):
    assert ID_NUMBER not in page and BIRTH not in page
    assert PHONE not in page and "liming@example.com" not in page and "人民路8号" not in page


@pytest.fixture
def application(submit, unit_a):
    return submit(unit_a)


@pytest.mark.parametrize("persona", ["editor_a", "head_a", "office"])
def test_detail_page_shows_personal_data_masked(request, application, client_of, persona):
    page = (
        client_of(request.getfixturevalue(persona))
        .get(reverse("console-applications:detail", args=[application.pk]))
        .content.decode()
    )
    assert_masked(page)
    assert ID_NUMBER[:6] + "********" + ID_NUMBER[-4:] in page
    assert "138****8000" in page and "幸福街道****" in page


def test_queue_never_shows_identity_or_phone(application, client_of, editor_a, office):
    for user in (editor_a, office):
        client = client_of(user)
        for show in ("open", "all"):
            page = client.get(reverse("console-applications:queue"), {"show": show})
            assert application.tracking_number in page.content.decode()
            assert_masked(page.content.decode())
        # Searching by the number finds nothing and echoes nothing but the query itself.
        found = client.get(reverse("console-applications:queue"), {"q": PHONE}).content.decode()
        assert application.tracking_number not in found


def test_public_status_page_and_api_never_show_identity_or_phone(client, application):
    credentials = {
        "tracking_number": application.tracking_number,
        "access_code": application.access_code,
    }
    page = client.post(reverse("applications:status"), credentials).content.decode()
    assert "办理中" in page
    assert_masked(page)
    assert_masked(
        client.post(
            "/api/v1/applications/status", credentials, content_type="application/json"
        ).content.decode()
    )


def test_organisation_credit_code_is_masked_too(submit, unit_a, client_of, editor_a):
    code = credit_code(7)
    application = submit(
        unit_a,
        applicant_kind="commercial_enterprise",
        identity_kind="credit_code",
        identity_number=code,
    )
    page = (
        client_of(editor_a)
        .get(reverse("console-applications:detail", args=[application.pk]))
        .content.decode()
    )
    assert code not in page and code[:6] in page


def test_unmasking_is_audited_with_reason_and_not_cached(application, client_of, editor_a):
    response = client_of(editor_a).post(
        reverse("console-applications:unmask", args=[application.pk]), {"reason": "核实身份"}
    )
    page = response.content.decode()
    assert ID_NUMBER in page and PHONE in page
    assert response["Cache-Control"] == "no-store"
    event = AuditEvent.objects.for_target(application).get(action="application.unmask")
    assert (event.actor, event.reason) == (editor_a, "核实身份")
    assert ID_NUMBER not in str(event.data) and PHONE not in str(event.data)


def test_unmask_without_reason_reveals_nothing_and_logs_nothing(application, client_of, editor_a):
    response = client_of(editor_a).post(
        reverse("console-applications:unmask", args=[application.pk]), {"reason": ""}
    )
    assert_masked(response.content.decode())
    assert not AuditEvent.objects.filter(action="application.unmask").exists()


def test_identity_proof_download_is_audited_and_refused_to_the_office(
    application, client_of, editor_a, office
):
    url = reverse("console-applications:identity-proof", args=[application.pk])
    assert client_of(office).post(url).status_code == 403
    assert not AuditEvent.objects.filter(action="application.unmask").exists()
    response = client_of(editor_a).post(url)
    assert response.status_code == 200 and response.content.startswith(b"\x89PNG")
    event = AuditEvent.objects.get(action="application.unmask")
    assert (event.actor, event.reason) == (editor_a, "查看身份证明")


def test_unmask_of_another_units_application_is_not_found(application, client_of, editor_b):
    url = reverse("console-applications:unmask", args=[application.pk])
    assert client_of(editor_b).post(url, {"reason": "x"}).status_code == 404
    assert not AuditEvent.objects.filter(action="application.unmask").exists()
