import base64

import pytest

from gongkai.applications.models import Application
from gongkai.applications.tests.factories import application_input, resident_id
from gongkai.applications.tokens import issue_token


def payload(unit, **overrides):
    data = application_input(unit)
    data.pop("channel")
    data["unit"] = unit.code
    data["identity_proof_base64"] = base64.b64encode(data.pop("identity_proof")).decode()
    data.update(overrides)
    return data


@pytest.fixture
def today(holiday_calendar, at):
    at(2026, 9, 24)


def test_submit_returns_number_code_and_dates(client, unit_a, today):
    response = client.post("/api/v1/applications", payload(unit_a), content_type="application/json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["received_on"] == "2026-09-24"
    assert body["due_date"] == "2026-10-29"
    status = client.post(
        "/api/v1/applications/status",
        {"tracking_number": body["tracking_number"], "access_code": body["access_code"]},
        content_type="application/json",
    ).json()
    assert status["status"] == "in_progress"
    assert status["letters"][0]["kind"] == "receipt"
    letter = client.post(
        "/api/v1/applications/letter",
        {
            "tracking_number": body["tracking_number"],
            "access_code": body["access_code"],
            "letter_id": status["letters"][0]["id"],
        },
        content_type="application/json",
    )
    assert letter.status_code == 200


def test_submit_applies_the_form_rules(client, unit_a, today):
    response = client.post(
        "/api/v1/applications",
        payload(unit_a, identity_number="110105198001010010"),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "居民身份证号码无效" in response.json()["detail"]
    assert Application.objects.count() == 0


def test_wrong_code_is_404(client, submit, unit_a):
    application = submit(unit_a)
    response = client.post(
        "/api/v1/applications/status",
        {"tracking_number": application.tracking_number, "access_code": "NOPE"},
        content_type="application/json",
    )
    assert response.status_code == 404


def test_an_access_code_opens_only_its_own_application(client, submit, unit_a):
    mine = submit(unit_a)
    other = submit(unit_a, identity_number=resident_id(2))

    def post(path, application, code, **extra):
        return client.post(
            f"/api/v1/applications/{path}",
            {"tracking_number": application.tracking_number, "access_code": code, **extra},
            content_type="application/json",
        )

    assert post("status", other, mine.access_code).status_code == 404
    others_letter = other.letters.get().pk
    assert post("letter", mine, mine.access_code, letter_id=others_letter).status_code == 404
    own_letter = mine.letters.get().pk
    assert post("letter", mine, mine.access_code, letter_id=own_letter).status_code == 200


def test_staff_endpoint_needs_a_token_of_the_unit(client, unit_a, unit_b, admin_a, today):
    _token, raw = issue_token(actor=admin_a, unit=unit_a, name="12345平台")
    data = payload(unit_a, channel="email", event_date="2026-09-23")
    assert (
        client.post(
            "/api/v1/applications/register", data, content_type="application/json"
        ).status_code
        == 401
    )
    response = client.post(
        "/api/v1/applications/register",
        data,
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 200
    assert response.json()["received_on"] == "2026-09-23"
    other = payload(unit_b, channel="email", event_date="2026-09-23")
    assert (
        client.post(
            "/api/v1/applications/register",
            other,
            content_type="application/json",
            headers={"Authorization": f"Bearer {raw}"},
        ).status_code
        == 403
    )


def test_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/applications" in paths and "/api/v1/applications/status" in paths


def submit_json(client, data, raw=None):
    url = "/api/v1/applications/register" if raw else "/api/v1/applications"
    headers = {"Authorization": f"Bearer {raw}"} if raw else {}
    return client.post(url, data, content_type="application/json", headers=headers)


def test_open_api_replay_of_a_key_creates_nothing_and_reveals_nothing(client, unit_a, today):
    first = submit_json(client, payload(unit_a, submission_key="victim-key")).json()
    replay = submit_json(client, payload(unit_a, submission_key="victim-key"))
    assert replay.status_code == 409
    assert first["tracking_number"] not in replay.content.decode()
    assert "已经提交过" in replay.json()["detail"]
    assert Application.objects.count() == 1


def test_submission_keys_are_scoped_to_the_token(client, unit_a, admin_a, today):
    _token, raw = issue_token(actor=admin_a, unit=unit_a, name="甲平台")
    _other, other_raw = issue_token(actor=admin_a, unit=unit_a, name="乙平台")
    data = payload(unit_a, channel="email", event_date="2026-09-23", submission_key="k-1")
    first = submit_json(client, data, raw).json()
    again = submit_json(client, data, raw).json()
    assert again["tracking_number"] == first["tracking_number"]
    assert again["access_code"] is None
    foreign = submit_json(client, data, other_raw).json()
    assert foreign["tracking_number"] != first["tracking_number"]
    assert foreign["access_code"]
    anonymous = submit_json(client, payload(unit_a, submission_key="k-1"))
    assert anonymous.status_code == 200
    assert anonymous.json()["tracking_number"] != first["tracking_number"]
    assert Application.objects.count() == 3
