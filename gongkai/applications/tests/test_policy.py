"""The openness office sets the local rules; every change is kept, and the workflow applies
the rules in force."""

import datetime

import pytest
from django.urls import reverse

from gongkai.applications import workflow
from gongkai.applications.models import Application, Policy
from gongkai.applications.policy import save_policy
from gongkai.applications.reminders import send_daily_reminders
from gongkai.audit.models import AuditEvent

D = datetime.date
URL = reverse("console-applications:policy")
DEFAULTS = {"online_nonworking_rule": "next_working_day", "fee_clock_stops": "on"}


def post(client, **fields):
    return client.post(URL, {**DEFAULTS, "reminder_days": "5,3,1", **fields})


def test_office_changes_the_policy_and_the_history_shows_who_and_when(client_of, office, at):
    at(2026, 9, 24, 15)
    client = client_of(office)
    assert client.get(URL).status_code == 200
    response = post(client, online_nonworking_rule="same_day", reminder_days="7，3、 3")
    assert response.status_code == 302
    current = Policy.current()
    assert (current.online_nonworking_rule, current.reminder_days) == ("same_day", "7,3")
    assert current.created_by == office
    event = AuditEvent.objects.get(action="application_policy.save")
    assert event.actor == office
    assert event.data["changes"]["reminder_days"] == ["5,3,1", "7,3"]
    post(client, online_nonworking_rule="same_day", reminder_days="2")
    history = client.get(URL).content.decode().split('id="policy-history"')[1]
    assert history.count(str(office)) == 2
    assert "2026-09-24 15:00" in history
    assert history.index("<td>2</td>") < history.index("<td>7,3</td>")  # newest first
    assert Policy.objects.count() == 2


@pytest.mark.parametrize("persona", ["editor_a", "reviewer_a", "admin_a", "head_a"])
def test_other_roles_may_not_see_or_change_the_policy(request, client_of, persona):
    client = client_of(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 403
    assert post(client, reminder_days="9").status_code == 403
    assert not Policy.objects.exists()


def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize(
    ("reminder_days", "message"),
    [
        ("五,三", "只能填写整数"),
        ("25,3", "0 至 20"),
        ("6,5,4,3,2,1", "最多设置 5 个"),
        (" , ", "请至少填写一个提醒天数"),
    ],
)
def test_bad_reminder_days_get_a_chinese_message_and_change_nothing(
    client_of, office, reminder_days, message
):
    response = post(client_of(office), reminder_days=reminder_days)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Policy.objects.exists()
    assert not AuditEvent.objects.filter(action="application_policy.save").exists()


def test_saving_the_same_settings_adds_no_history(client_of, office):
    response = post(client_of(office))
    assert response.status_code == 400
    assert "设置没有变化" in response.content.decode()
    assert not Policy.objects.exists()


def test_online_rule_in_force_dates_new_submissions(submit, unit_a, office):
    sunday = (2026, 9, 13)
    assert submit(unit_a, on=sunday).received_on == D(2026, 9, 14)
    save_policy(
        actor=office, online_nonworking_rule="same_day", fee_clock_stops=True, reminder_days="5"
    )
    assert submit(unit_a, on=sunday).received_on == D(2026, 9, 13)


def test_turning_off_the_fee_pause_recomputes_open_due_dates(submit, unit_a, editor_a, office, at):
    application = submit(unit_a)  # 20 working days run out on 2026-10-29
    at(2026, 9, 28)
    workflow.issue_fee_notice(
        actor=editor_a,
        application=application,
        method="per_volume",
        pages=40,
        issued_on=D(2026, 9, 28),
    )
    application.refresh_from_db()
    assert application.due_date > D(2026, 10, 29)
    _policy, lines = save_policy(
        actor=office,
        online_nonworking_rule="next_working_day",
        fee_clock_stops=False,
        reminder_days="5,3,1",
    )
    application.refresh_from_db()
    assert application.due_date == D(2026, 10, 29)
    assert len(lines) == 1 and application.tracking_number in lines[0]


def test_reminders_use_the_thresholds_in_force(submit, unit_a, editor_a, office):
    submit(unit_a)  # due 2026-10-29; on 2026-10-20 seven working days are left
    assert send_daily_reminders(today=D(2026, 10, 20)) == 0
    save_policy(
        actor=office,
        online_nonworking_rule="next_working_day",
        fee_clock_stops=True,
        reminder_days="7",
    )
    assert send_daily_reminders(today=D(2026, 10, 21)) == 0
    assert send_daily_reminders(today=D(2026, 10, 20)) == 1
    assert Application.objects.get().reminders.count() == 1
