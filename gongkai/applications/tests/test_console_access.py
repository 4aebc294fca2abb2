"""Who may see and act on an application in the console: the HTTP matrix."""

import pytest
from django.urls import reverse

from gongkai.applications import services
from gongkai.applications.models import Policy, Status
from gongkai.applications.policy import save_policy
from gongkai.audit.models import AuditEvent


@pytest.fixture
def application(submit, unit_a):
    return submit(unit_a)


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
    assert (
        application.tracking_number
        in client.get(reverse("console-applications:queue")).content.decode()
    )


@pytest.mark.parametrize("persona", ["editor_b", "reviewer_b"])
def test_staff_of_another_unit_cannot_see_it(request, application, client_of, persona):
    client = client_of(request.getfixturevalue(persona))
    for url in urls(application):
        assert client.get(url).status_code == 404
    assert (
        application.tracking_number
        not in client.get(reverse("console-applications:queue")).content.decode()
    )
    response = client.post(reverse("console-applications:act", args=[application.pk, "archive"]))
    assert response.status_code == 404


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
