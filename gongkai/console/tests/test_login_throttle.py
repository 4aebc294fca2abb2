"""Failed sign-ins are limited per account (axes) and per client address (an atomic counter)."""

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client, username, password):
    return client.post(reverse("console:login"), {"username": username, "password": password})


def test_one_address_cannot_try_password_after_password_across_accounts(
    client, editor_a, editor_b, reviewer_a, settings
):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    for user in (editor_a, editor_b, reviewer_a):
        assert _login(client, user.username, "Guess-2026-pass").status_code == 200
    response = _login(client, editor_a.username, PASSWORD)
    assert response.status_code == 429 and "登录失败次数过多" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another address is not affected, and no single account was locked.
    assert _login(Client(REMOTE_ADDR="192.0.2.50"), editor_a.username, PASSWORD).status_code == 302


def test_successful_sign_ins_do_not_count(client, editor_a, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 2
    for _ in range(4):
        assert _login(Client(), editor_a.username, PASSWORD).status_code == 302


def test_an_account_is_locked_whatever_address_the_guesses_come_from(editor_a, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        _login(Client(REMOTE_ADDR=f"192.0.2.{n}"), editor_a.username, "Guess-2026-pass")
    response = _login(Client(REMOTE_ADDR="192.0.2.200"), editor_a.username, PASSWORD)
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in Client().session
