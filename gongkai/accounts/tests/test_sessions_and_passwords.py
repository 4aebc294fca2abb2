"""A session ends 12 hours after sign-in however active; a password someone else chose is
replaced before any work; breached passwords are refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gongkai.accounts import services
from gongkai.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_an_active_session_still_ends_twelve_hours_after_sign_in(
    client, editor_a, time_machine, at
):
    at(2026, 3, 2, hour=8)
    login = {"username": editor_a.username, "password": PASSWORD}
    assert client.post(reverse("console:login"), login).status_code == 302
    for _ in range(28):  # a request every 25 minutes: never idle for 30
        time_machine.shift(25 * 60)
        assert client.get(reverse("console:dashboard")).status_code == 200
    time_machine.shift(25 * 60)  # 12 h 5 min after sign-in
    response = client.get(reverse("console:dashboard"))
    assert response.status_code == 302 and response["Location"].startswith("/console/login/")
    assert client.get(reverse("console:dashboard")).status_code == 302


def test_an_idle_session_ends_after_thirty_minutes(client, editor_a, time_machine, at):
    at(2026, 3, 2, hour=8)
    client.post(reverse("console:login"), {"username": editor_a.username, "password": PASSWORD})
    time_machine.shift(31 * 60)
    assert client.get(reverse("console:dashboard")).status_code == 302


def test_an_initial_password_must_be_changed_before_any_work(client, client_of, admin_a, unit_a):
    client_of(admin_a).post(
        reverse("console:staff", args=[unit_a.pk]),
        {
            "username": "newcomer",
            "last_name": "钱",
            "identity_number": "110105198503151230",
            "role": "editor",
            "password": "Initial-set-by-admin-7",
        },
    )
    client.logout()
    login = {"username": "newcomer", "password": "Initial-set-by-admin-7"}
    assert client.post(reverse("console:login"), login).status_code == 302
    for url in (reverse("console:dashboard"), reverse("console-publishing:list")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == reverse("console:password")
    change = {
        "old_password": "Initial-set-by-admin-7",
        "new_password": "Own-choice-2026-x",
        "new_password_again": "Own-choice-2026-x",
    }
    assert client.post(reverse("console:password"), change).status_code == 302
    assert client.get(reverse("console:dashboard")).status_code == 200


@pytest.mark.parametrize("password", ["P@ssw0rd2026", "qwerty12345!", "Woaini1314520"])
def test_breached_passwords_are_refused(editor_a, password):
    with pytest.raises(ValidationError, match="已泄露"):
        services.change_password(
            actor=editor_a, user=editor_a, old_password=PASSWORD, new_password=password
        )
    editor_a.refresh_from_db()
    assert editor_a.check_password(PASSWORD)
