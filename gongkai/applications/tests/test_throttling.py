"""Guessing access codes and flooding the form, attacked over HTTP: the limits hold per client
address, whatever header the client sends and however many requests run at once."""

import threading

import pytest
from django.db import connection
from django.test import Client

from gongkai.applications import services
from gongkai.applications.models import Application

from .test_public_pages import lookup, post_form

REFUSED = "申请编号或查询码不正确"
LIMITED = "次数过多"

# SQLite's in-memory test database locks whole tables between threads (no busy wait), which
# is not how a file database in WAL mode behaves; CI's PostgreSQL pass runs these.
CONCURRENT_DATABASE = pytest.mark.skipif(
    connection.vendor == "sqlite", reason="threads need a database that waits for locks"
)


def test_a_forged_forwarded_for_header_does_not_reset_the_limit(client, submit, unit_a):
    application = submit(unit_a)
    for n in range(5):
        client.defaults["HTTP_X_FORWARDED_FOR"] = f"198.51.100.{n}"
        assert REFUSED in lookup(client, application.tracking_number, "WRONG").content.decode()
    client.defaults["HTTP_X_FORWARDED_FOR"] = "203.0.113.99"
    page = lookup(client, application.tracking_number, application.access_code).content.decode()
    assert LIMITED in page and "办理中" not in page


def test_behind_a_proxy_the_trusted_header_names_the_client(client, submit, unit_a, settings):
    settings.TRUSTED_PROXY_HEADER = "X-Real-IP"
    application = submit(unit_a)
    guesser = {"HTTP_X_REAL_IP": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}
    for n in range(6):
        client.defaults.update(guesser, HTTP_X_FORWARDED_FOR=f"1.2.3.{n}")
        page = lookup(client, application.tracking_number, "WRONG").content.decode()
    assert LIMITED in page
    applicant = Client(HTTP_X_REAL_IP="198.51.100.8")
    page = lookup(applicant, application.tracking_number, application.access_code)
    assert "办理中" in page.content.decode()


def test_a_correct_lookup_does_not_use_up_the_allowance(client, submit, unit_a):
    application = submit(unit_a)
    for _ in range(8):
        page = lookup(client, application.tracking_number, application.access_code)
        assert "办理中" in page.content.decode()
    assert REFUSED in lookup(client, application.tracking_number, "WRONG").content.decode()


@CONCURRENT_DATABASE
@pytest.mark.django_db(transaction=True)
def test_parallel_guesses_get_no_more_than_the_limit(submit, unit_a, settings):
    settings.LOOKUP_FAILURE_LIMIT = 5
    application = submit(unit_a)
    answers, start = [], threading.Barrier(12)

    def guess():
        start.wait()
        try:
            page = lookup(Client(), application.tracking_number, "WRONG").content.decode()
            answers.append(REFUSED if REFUSED in page else LIMITED if LIMITED in page else page)
        finally:
            connection.close()

    threads = [threading.Thread(target=guess) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers.count(REFUSED) == 5 and answers.count(LIMITED) == 7


def test_anonymous_submissions_are_limited_per_address(
    client, unit_a, holiday_calendar, at, settings
):
    at(2026, 9, 24)
    settings.SUBMISSION_LIMIT = 2
    assert post_form(client, unit_a).status_code == 302
    assert post_form(Client(), unit_a).status_code == 302
    response = post_form(Client(), unit_a)
    assert response.status_code == 200 and "提交过于频繁" in response.content.decode()
    assert Application.objects.count() == 2


def test_known_and_unknown_tracking_numbers_cost_the_same_hashing(submit, unit_a, monkeypatch):
    application = submit(unit_a)
    services.find_by_access("GK-NO-SUCH-NUMBER", "WRONG")  # the stand-in hash is made once
    calls = []
    for name in ("make_password", "check_password"):
        real = getattr(services, name)
        monkeypatch.setattr(
            services,
            name,
            lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k),
        )

    def cost(number):
        calls.clear()
        assert services.find_by_access(number, "WRONG") is None
        return list(calls)

    known, unknown = cost(application.tracking_number), cost("GK-2026-UNKNOWN")
    assert known == unknown == ["check_password"]
