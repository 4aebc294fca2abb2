"""Pages and API answers that show an access code or personal data say ``no-store``, so no
shared cache, proxy or browser history keeps a copy (core.middleware.shows_private_data); the
public pages that are the same for everyone stay cacheable."""

import json

import pytest
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.applications.tests.test_api import payload
from gongkai.applications.tests.test_public_pages import post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def today(holiday_calendar, at):
    at(2026, 9, 24)


def no_store(response):
    return "no-store" in response.get("Cache-Control", "")


def test_the_receipt_and_status_pages_are_never_stored(client, unit_a, today):
    submitted = post_form(client, unit_a)
    assert no_store(submitted)
    receipt = client.get(reverse("applications:receipt"))
    assert receipt.status_code == 200 and no_store(receipt)
    application = Application.objects.get()
    status = client.get(f"{reverse('applications:status')}?number={application.tracking_number}")
    assert application.title in status.content.decode() and no_store(status)
    letter = application.letters.get()
    download = client.get(reverse("applications:letter", args=[letter.pk]))
    assert download.status_code == 200 and no_store(download)


def test_console_application_pages_are_never_stored(client_of, editor_a, unit_a, today):
    client = client_of(editor_a)
    post_form(client, unit_a)
    application = Application.objects.get()
    page = client.get(reverse("console-applications:detail", args=[application.pk]))
    assert page.status_code == 200 and no_store(page)
    queue = client.get(reverse("console-applications:queue"))
    assert no_store(queue)


def test_api_answers_with_the_access_code_are_never_stored(client, unit_a, today):
    submitted = client.post(
        "/api/v1/applications", payload(unit_a), content_type="application/json"
    )
    assert submitted.status_code == 200 and no_store(submitted)
    body = submitted.json()
    access = {"tracking_number": body["tracking_number"], "access_code": body["access_code"]}
    status = client.post(
        "/api/v1/applications/status", json.dumps(access), content_type="application/json"
    )
    assert status.status_code == 200 and no_store(status)


def test_a_view_that_said_public_is_overridden_on_a_private_path(rf, db):
    from django.http import HttpResponse

    from gongkai.core.middleware import SecurityHeadersMiddleware

    def view(request):
        response = HttpResponse("申请编号和查询码")
        response["Cache-Control"] = "public, max-age=600"
        return response

    request = rf.get("/apply/status/")
    response = SecurityHeadersMiddleware(view)(request)
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_public_pages_for_everyone_stay_cacheable(client, unit_a):
    response = client.get(reverse("applications:notice"))
    assert response.status_code == 200 and not no_store(response)
