"""Who may see and act on an application in the console: the HTTP matrix."""

import pytest
from django.urls import reverse

from gongkai.accounts.tests.factories import StaffFactory
from gongkai.applications import services
from gongkai.applications.models import ExcessiveRequest, Policy, Status
from gongkai.applications.policy import save_policy
from gongkai.applications.views import ACTION_FORMS, SIDE_FORMS
from gongkai.audit.models import AuditEvent
from gongkai.units.tests.factories import GovernmentFactory

D = __import__("datetime").date
ON = "2026-09-24"
# Input each transition accepts from a handler while the application is in progress, so a
# refusal below is the access rule at work and not a form error.
ACCEPTED_INPUT = {
    "request_correction": {"items": "请写明年份。", "sent_on": ON, "period_days": 15},
    "start_consultation": {
        "kind": "third_party",
        "party_name": "某建设公司",
        "matter": "名单含该公司信息。",
        "sent_on": ON,
    },
    "extend_deadline": {"working_days": 10, "reason": "需调阅档案。", "approved_on": ON},
    "ask_for_reasons": {"requested_on": ON},
    "handle_excessive_request": {
        "decision": "decline",
        "decided_on": ON,
        "applicant_silent": "on",
        "reasons": "申请数量明显超出合理范围。",
    },
    "issue_fee_notice": {"method": "per_volume", "pages": 500, "issued_on": ON},
    "issue_reply": {"outcome": "disclosed", "replied_on": ON, "how_to_obtain": "请在本网站下载。"},
    "add_note": {"text": "已电话联系申请人。"},
}


@pytest.fixture
def application(submit, unit_a):
    return submit(unit_a)


@pytest.fixture
def head_b(unit_b):
    return StaffFactory(username="head-b", membership__unit=unit_b, membership__role="body_head")


@pytest.fixture
def admin_b(unit_b):
    return StaffFactory(username="admin-b", membership__unit=unit_b, membership__role="unit_admin")


@pytest.fixture
def office_elsewhere(db):
    """The openness office of another government, which reaches none of this one's units."""
    other = GovernmentFactory(code="otherq", full_name="另一区人民政府", short_name="另一区")
    return StaffFactory(
        username="office-elsewhere", membership__unit=other, membership__role="office"
    )


def transition_posts(application, handler):
    """Every state-changing console URL of the application, with input it would accept."""
    inputs = {**ACCEPTED_INPUT, "assign": {"handler": handler.pk}}
    posts = [
        (reverse("console-applications:act", args=[application.pk, name]), inputs.get(name, {}))
        for name in [*ACTION_FORMS, *SIDE_FORMS]
    ]
    return posts + [
        (reverse("console-applications:unmask", args=[application.pk]), {"reason": "核实身份"}),
        (reverse("console-applications:identity-proof", args=[application.pk]), {}),
        (reverse("console-applications:publish", args=[application.pk]), {}),
    ]


def queue_queries(application):
    """The plain queue, and one asking for exactly this application."""
    return [{}, {"show": "all", "unit": application.unit.pk, "q": application.tracking_number}]


def queue_lists(client, application, query):
    # The search box echoes the tracking number, so look for the link to the application.
    link = f'href="{reverse("console-applications:detail", args=[application.pk])}"'
    return link in client.get(reverse("console-applications:queue"), query).content.decode()


def recorded_state(application):
    application.refresh_from_db()
    return (
        application.status,
        application.due_date,
        application.assigned_to_id,
        application.letters.count(),
        application.notes.count(),
        AuditEvent.objects.count(),
    )


def urls(application):
    letter = application.letters.first()
    return [
        reverse("console-applications:detail", args=[application.pk]),
        reverse("console-applications:letter", args=[application.pk, letter.pk]),
    ]


@pytest.mark.parametrize("persona", ["editor_a", "reviewer_a", "head_a", "office"])
def test_handlers_and_office_can_see_it(request, application, client_of, persona):
    client = client_of(request.getfixturevalue(persona))
    for url in urls(application):
        assert client.get(url).status_code == 200
    assert all(queue_lists(client, application, query) for query in queue_queries(application))


OUTSIDERS = ["editor_b", "reviewer_b", "head_b", "admin_b", "office_elsewhere"]


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_staff_of_another_unit_or_government_cannot_see_it(
    request, application, client_of, persona
):
    client = client_of(request.getfixturevalue(persona))
    for url in urls(application):
        assert client.get(url).status_code in (403, 404), url
    assert not any(queue_lists(client, application, query) for query in queue_queries(application))


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_staff_of_another_unit_or_government_cannot_act_on_it(
    request, application, client_of, head_a, persona
):
    client = client_of(request.getfixturevalue(persona))
    before = recorded_state(application)
    for url, data in transition_posts(application, handler=head_a):
        assert client.post(url, data).status_code in (403, 404), url
    assert recorded_state(application) == before


@pytest.mark.parametrize("action", [*ACCEPTED_INPUT, "assign"])
def test_the_matrix_input_is_accepted_from_a_handler_of_the_unit(
    application, client_of, head_a, action
):
    url, data = next(
        (url, data)
        for url, data in transition_posts(application, handler=head_a)
        if url.endswith(f"/{action}/")
    )
    if action == "handle_excessive_request":
        # Art. 35: the organ decides only after it asked the applicant for reasons.
        application.status = Status.AWAITING_REASONS
        application.save(update_fields=["status"])
        ExcessiveRequest.objects.create(
            application=application, reasons_requested_on=D(2026, 9, 24)
        )
    before = recorded_state(application)
    assert client_of(head_a).post(url, data).status_code == 302
    assert recorded_state(application) != before


def test_anonymous_is_sent_to_login(client, application):
    for url in urls(application):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"]


def test_masked_on_screen_unmasked_only_by_a_logged_action(
    application, client_of, editor_a, office
):
    page = (
        client_of(editor_a)
        .get(reverse("console-applications:detail", args=[application.pk]))
        .content.decode()
    )
    assert "13800138000" not in page and "138****8000" in page
    revealed = client_of(editor_a).post(
        reverse("console-applications:unmask", args=[application.pk]), {"reason": "核实身份"}
    )
    assert "13800138000" in revealed.content.decode()
    assert AuditEvent.objects.filter(action="application.unmask", actor=editor_a).exists()
    assert (
        client_of(office)
        .post(reverse("console-applications:unmask", args=[application.pk]), {"reason": "x"})
        .status_code
        == 403
    )


def test_transition_form_with_bad_input_shows_message_and_changes_nothing(
    application, client_of, editor_a
):
    client = client_of(editor_a)
    response = client.post(
        reverse("console-applications:act", args=[application.pk, "issue_reply"]),
        {"outcome": "withheld_state_secret", "replied_on": "2026-09-24"},
    )
    assert response.status_code == 400
    assert "必须说明理由" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.IN_PROGRESS


def test_queue_highlights_overdue(application, client_of, editor_a, at):
    at(2026, 11, 2)
    page = client_of(editor_a).get(reverse("console-applications:queue")).content.decode()
    assert 'class="overdue"' in page


def test_queue_marks_due_soon_from_the_first_reminder_day(
    application, client_of, editor_a, office, at
):
    at(2026, 10, 19)
    assert services.working_days_left(application) == 8
    queue = reverse("console-applications:queue")
    assert 'class="due-soon"' not in client_of(editor_a).get(queue).content.decode()
    save_policy(
        actor=office,
        online_nonworking_rule=Policy.current().online_nonworking_rule,
        fee_clock_stops=Policy.current().fee_clock_stops,
        reminder_days="10,3",
    )
    assert 'class="due-soon"' in client_of(editor_a).get(queue).content.decode()


def test_staff_register_by_post_uses_signing_date(
    client_of, editor_a, unit_a, holiday_calendar, at
):
    import io

    from gongkai.applications.tests.factories import PNG, application_input

    at(2026, 10, 9)
    data = application_input(unit_a, channel="registered_post")
    data.pop("identity_proof")
    data.update(unit=unit_a.pk, event_date="2026-10-08", submission_key="staff-1")
    upload = io.BytesIO(PNG)
    upload.name = "id.png"
    response = client_of(editor_a).post(
        reverse("console-applications:register"), {**data, "identity_proof": upload}
    )
    assert response.status_code == 302
    from gongkai.applications.models import Application

    application = Application.objects.get()
    assert str(application.received_on) == "2026-10-08"
    future = {**data, "event_date": "2026-10-10", "submission_key": "staff-2"}
    upload = io.BytesIO(PNG)
    upload.name = "id.png"
    response = client_of(editor_a).post(
        reverse("console-applications:register"), {**future, "identity_proof": upload}
    )
    assert "不能晚于今天" in response.content.decode()
    assert Application.objects.count() == 1
